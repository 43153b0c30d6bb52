import { messageOf, buildMasterIndex, checkNotices, type Cell } from "../../../src/domain";
import { checkRows, checkValid, formRow, HEALTH_CENTER_SHEET, keys, PROFILE, testMasters } from "../../support/form-rows";

describe("K 保健所コード / I 中核市コード", () => {
  it("K in 保健所マスタ column B and I equal to its column G: no findings", () => {
    const r = checkValid({ healthCenterCode: "06055", cityCode: "062059", orgType: "16", institutionCode: "06100005" });
    expect(keys(r.findings)).toEqual([]);
    expect(r.values.healthCenterCode).toBe("06055");
    expect(r.values.cityCode).toBe("062059");
  });

  it("unknown K is only a K error: I cannot be verified and is not reported", () => {
    const r = checkValid({ healthCenterCode: "99999", cityCode: "000000" });
    expect(keys(r.findings)).toEqual(["K:healthCenter.unknown"]);
    expect(messageOf(r.findings[0])).toContain("99999");
    expect(r.values.healthCenterCode).toBeUndefined();
  });

  it("I that does not match the master is an error with the master's code as fix", () => {
    const r = checkValid({ cityCode: "130000" });
    expect(keys(r.findings)).toEqual(["I:cityCode.mismatch"]);
    expect(r.findings[0].fix).toBe("253658");
    expect(messageOf(r.findings[0])).toContain("25654");
    expect(r.values.cityCode).toBeUndefined();
  });

  it("numeric K that lost its leading zero → warning with the master code, and I is checked against it", () => {
    const r = checkValid({ healthCenterCode: 4033, cityCode: "040000", institutionCode: "0400000001" });
    expect(keys(r.findings)).toEqual(["K:code.zero-padded"]);
    expect(r.findings[0].severity).toBe("warning");
    expect(r.findings[0].fix).toBe("04033");
    expect(r.values.healthCenterCode).toBe("04033");
    expect(checkValid({ healthCenterCode: 4033, cityCode: "130000", institutionCode: "0400000001" }).findings.map((f) => f.fix)).toEqual(["040000", "04033"]);
  });

  it("numeric I that lost its leading zero → warning with the master code", () => {
    const r = checkValid({ healthCenterCode: "04033", cityCode: 40000, institutionCode: "0400000001" });
    expect(keys(r.findings)).toEqual(["I:code.zero-padded"]);
    expect(r.findings[0].fix).toBe("040000");
    expect(r.values.cityCode).toBe("040000");
  });

  it("numeric K/I that equal the code need no warning", () => {
    const r = checkValid({ healthCenterCode: 25654, cityCode: 253658 });
    expect(keys(r.findings)).toEqual([]);
    expect(r.values.healthCenterCode).toBe("25654");
  });

  it("text K without its zero is unknown (the padded code offered as fix), not silently padded", () => {
    const r = checkValid({ healthCenterCode: "4033", cityCode: "040000", institutionCode: "0400000001" });
    expect(keys(r.findings)).toEqual(["K:healthCenter.unknown"]);
    expect(r.findings[0].fix).toBe("04033");
  });

  it("full-width digits are normalized with a warning and then matched", () => {
    const r = checkValid({ healthCenterCode: "２５６５４", cityCode: "２５３６５８" });
    expect(keys(r.findings)).toEqual(["I:code.normalized", "K:code.normalized"]);
    expect(r.values.healthCenterCode).toBe("25654");
    expect(r.values.cityCode).toBe("253658");
  });

  it("both are required", () => {
    expect(keys(checkValid({ healthCenterCode: null, cityCode: null }).findings)).toEqual(["I:required.missing", "K:required.missing"]);
    expect(keys(checkValid({ healthCenterCode: null }).findings)).toEqual(["K:required.missing"]);
    expect(keys(checkValid({ cityCode: null }).findings)).toEqual(["I:required.missing"]);
  });

  it("AJ's institution (2513100103, 保健所 25654) gives an unknown or blank K, and a blank I, their one-click fix", () => {
    const unknown = checkValid({ healthCenterCode: "99999" }).findings[0];
    expect(unknown).toMatchObject({ code: "healthCenter.unknown", fix: "25654" });
    expect(messageOf(unknown)).toBe("保健所コード「99999」は保健所マスタにありません。所属機関（AJ列）「山手10医院」の保健所は25654（滋賀県中央保健所）です。");
    const blank = checkValid({ healthCenterCode: null, cityCode: null }).findings;
    expect(blank.map((f) => `${f.place.column}:${f.code}:${f.fix}`)).toEqual(["I:required.missing:253658", "K:required.missing:25654"]);
    // I blank with K accepted: K's 中核市コード.
    expect(checkValid({ healthCenterCode: "06055", cityCode: null, orgType: "16", institutionCode: "06100005" }).findings.map((f) => f.fix)).toEqual(["062059"]);
    // Without an institution AJ names (blank, or not in the master), nothing is offered.
    expect(checkValid({ healthCenterCode: "99999", institutionCode: null }).findings.map((f) => f.fix)).toEqual([undefined, undefined]);
    expect(checkValid({ healthCenterCode: null, institutionCode: "9999999999" }).findings.map((f) => `${f.code}:${f.fix}`)).toEqual(["required.missing:undefined", "institution.unknown:undefined"]);
  });

  it("without 保健所マスタ K and I are accepted as typed (a notice says they were not verified)", () => {
    const r = checkValid({ healthCenterCode: "99999", cityCode: "000000" }, testMasters("healthCenter"));
    expect(r.values.healthCenterCode).toBe("99999");
    expect(r.values.cityCode).toBe("000000");
    // only the institution master can still tell that K is not the institution's 保健所
    expect(keys(r.findings)).toEqual(["AJ:institution.health-center-mismatch"]);
  });

  describe("保健所コード repeated across jurisdictions: (I, K) resolved as a pair", () => {
    // 25654 appears twice: the prefecture's row (253658) first, a city's row (252018) later
    const sheet: Cell[][] = [...HEALTH_CENTER_SHEET, ["25", "25654", "大津市保健所", "滋賀県", "中核市", "大津市", "252018", "07-1025-2025"]];
    const masters = { ...testMasters(), healthCenter: buildMasterIndex("healthCenter", "test:保健所マスタ", sheet, PROFILE) };

    it("either row's 中核市コード is right — not only the first row's", () => {
      expect(keys(checkValid({ cityCode: "253658" }, masters).findings)).toEqual([]);
      const city = checkValid({ cityCode: "252018" }, masters);
      expect(keys(city.findings)).toEqual([]);
      expect(city.values.cityCode).toBe("252018");
    });

    it("an I matching neither is an error listing the candidate codes, without a single fix", () => {
      const r = checkValid({ cityCode: "130000" }, masters);
      expect(keys(r.findings)).toEqual(["I:cityCode.mismatch"]);
      expect(messageOf(r.findings[0])).toBe("中核市コードが保健所マスタと一致しません。保健所コード25654の中核市コードは「253658」・「252018」のいずれかです。");
      expect(r.findings[0].fix).toBeUndefined();
    });

    it("the duplicate notice says the pair is used, not the first row", () => {
      const checker = checkRows([formRow(4)], masters);
      const notice = checkNotices(checker, PROFILE, masters).find((n) => n.code === "master.duplicates")!;
      expect(messageOf(notice)).toContain("25654");
      expect(messageOf(notice)).toContain("保健所コードと中核市コードの組で照合します");
    });
  });
});
