import { messageOf } from "../../../src/domain";
import { checkValid, keys, only, testMasters } from "../../support/form-rows";

describe("AJ 所属医療機関/動物診療施設コード", () => {
  it("E=09 looks in 医療機関マスタ（全数）", () => {
    const r = checkValid({ orgType: "09", institutionCode: "2513100103" });
    expect(keys(r.findings)).toEqual([]);
    expect(r.values.institutionCode).toBe("2513100103");
  });

  it("E=16 looks in 医療機関マスタ（定点）", () => {
    const r = checkValid({ orgType: "16", institutionCode: "25100010" });
    expect(keys(r.findings)).toEqual([]);
    expect(r.values.institutionCode).toBe("25100010");
  });

  it("E=11 looks in 動物診療施設マスタ when it is loaded, and accepts the code unverified when it is not", () => {
    expect(keys(checkValid({ orgType: "11", institutionCode: "A2500001" }).findings)).toEqual([]);
    expect(keys(checkValid({ orgType: "11", institutionCode: "A9999999" }).findings)).toEqual(["AJ:institution.unknown"]);
    const unloaded = checkValid({ orgType: "11", institutionCode: "A9999999" }, testMasters("animal"));
    expect(keys(unloaded.findings)).toEqual([]);
    expect(unloaded.values.institutionCode).toBe("A9999999");
  });

  it("a code of another master is an error naming that master", () => {
    const r = checkValid({ orgType: "09", institutionCode: "25100010" });
    expect(keys(r.findings)).toEqual(["AJ:institution.wrong-master"]);
    expect(r.findings[0].severity).toBe("error");
    expect(messageOf(r.findings[0])).toContain("医療機関マスタ（定点）");
    const back = checkValid({ orgType: "16", institutionCode: "2513100103" });
    expect(keys(back.findings)).toEqual(["AJ:institution.wrong-master"]);
    expect(messageOf(only(back.findings, "institution.wrong-master"))).toContain("医療機関マスタ（全数）");
    expect(keys(checkValid({ orgType: "09", institutionCode: "A2500001" }).findings)).toEqual(["AJ:institution.wrong-master"]);
  });

  it("a code of another loaded master is an error even when E's own master is not loaded", () => {
    // an 11 (動物) row naming a 全数 hospital, no 動物 master
    const animal = checkValid({ orgType: "11", institutionCode: "2513100103" }, testMasters("animal"));
    expect(keys(animal.findings)).toEqual(["AJ:institution.wrong-master"]);
    expect(animal.findings[0].severity).toBe("error");
    expect(messageOf(animal.findings[0])).toContain("医療機関マスタ（全数）");
    expect(animal.values.institutionCode).toBeUndefined();
    // a 16 (定点) row naming a 全数 hospital, no 定点 master: an error, not only a warning
    const teiten = checkValid({ orgType: "16", institutionCode: "2513100103" }, testMasters("teiten"));
    expect(teiten.findings.filter((f) => f.severity === "error").map((f) => `${f.place.column}:${f.code}`)).toEqual(["AJ:institution.wrong-master"]);
    // whatever else is loaded: only the 全数 master
    const zensuOnly = checkValid({ orgType: "11", institutionCode: "2513100103" }, testMasters("animal", "teiten", "healthCenter"));
    expect(keys(zensuOnly.findings)).toEqual(["AJ:institution.wrong-master"]);
    // a code in no loaded master is still accepted unverified
    expect(keys(checkValid({ orgType: "11", institutionCode: "A9999999" }, testMasters("animal")).findings)).toEqual([]);
  });

  it("a code in no master is an error naming the master it should be in", () => {
    const r = checkValid({ orgType: "09", institutionCode: "9999999999" });
    expect(keys(r.findings)).toEqual(["AJ:institution.unknown"]);
    expect(messageOf(r.findings[0])).toContain("「9999999999」");
    expect(messageOf(r.findings[0])).toContain("医療機関マスタ（全数）");
    expect(r.values.institutionCode).toBeUndefined();
  });

  it("a numeric code that lost its leading zero is a warning with the master code", () => {
    const r = checkValid({ orgType: "09", healthCenterCode: "04033", cityCode: "040000", institutionCode: 511500118 });
    expect(keys(r.findings)).toEqual(["AJ:code.zero-padded"]);
    expect(r.findings[0].fix).toBe("0511500118");
    expect(r.values.institutionCode).toBe("0511500118");
  });

  it("full-width digits are normalized with a warning", () => {
    const r = checkValid({ institutionCode: "２５１３１００１０３" });
    expect(keys(r.findings)).toEqual(["AJ:code.normalized"]);
    expect(r.values.institutionCode).toBe("2513100103");
  });

  describe("blank AJ (institution not yet in the master) is a warning listing what to collect", () => {
    it.each([
      ["09", "医療機関マスタ（全数）", ["医療機関名称（カナ含む）", "郵便番号・住所", "電話番号", "許可病床数", "保険医療機関コード", "非保険医療機関であるか"]],
      ["16", "医療機関マスタ（定点）", ["医療機関名称（カナ含む）", "住所", "電話番号", "病院・一般診療所区分", "主たる診療科目", "小児科", "許可病床数"]],
      ["11", "動物診療施設マスタ", ["動物診療施設名称（カナ含む）", "郵便番号・住所", "電話番号"]],
    ])("E=%s", (orgType, master, collect) => {
      const r = checkValid({ orgType, institutionCode: null });
      const f = only(r.findings, "institution.blank");
      expect(f.place.column).toBe("AJ");
      expect(f.severity).toBe("warning");
      expect(messageOf(f)).toContain(master);
      for (const item of collect) expect(messageOf(f)).toContain(item);
      expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
      expect(r.values.institutionCode).toBeUndefined();
    });

    it("the 定点 list does not ask for 保険医療機関コード, and the 動物 list not for 許可病床数", () => {
      expect(messageOf(only(checkValid({ orgType: "16", institutionCode: null }).findings, "institution.blank"))).not.toContain("保険医療機関コード");
      expect(messageOf(only(checkValid({ orgType: "11", institutionCode: null }).findings, "institution.blank"))).not.toContain("許可病床数");
    });
  });

  it("the institution's 保健所 differing from K is a warning naming both", () => {
    const r = checkValid({ institutionCode: "1313100200" });
    expect(keys(r.findings)).toEqual(["AJ:institution.health-center-mismatch"]);
    const f = r.findings[0];
    expect(f.severity).toBe("warning");
    expect(messageOf(f)).toContain("東京中央病院");
    expect(messageOf(f)).toContain("13125");
    expect(messageOf(f)).toContain("25654");
    expect(r.values.institutionCode).toBe("1313100200");
  });

  it("no 保健所 cross-check when K is unknown (one cause, one error)", () => {
    const r = checkValid({ healthCenterCode: "99999", institutionCode: "1313100200" });
    expect(keys(r.findings)).toEqual(["K:healthCenter.unknown"]);
  });

  it("an error value or control character in AJ is one error", () => {
    expect(keys(checkValid({ institutionCode: { error: "#REF!" } }).findings)).toEqual(["AJ:cell.error-value"]);
    expect(keys(checkValid({ institutionCode: "2513100103\n" }).findings)).toEqual(["AJ:cell.control-character"]);
  });
});

describe("AJ's 保健所 vs K without 保健所マスタ", () => {
  it("the institution master alone still shows a K that does not match the institution", () => {
    const masters = testMasters("healthCenter");
    expect(keys(checkValid({ institutionCode: "1313100200" }, masters).findings)).toEqual(["AJ:institution.health-center-mismatch"]);
    expect(keys(checkValid({}, masters).findings)).toEqual([]);
    const lost = checkValid({ healthCenterCode: 4033, cityCode: "040000", institutionCode: "0400000001" }, masters);
    expect(keys(lost.findings)).toEqual(["AJ:institution.health-center-mismatch"]);
    expect(messageOf(lost.findings[0])).toContain("04033");
    expect(messageOf(lost.findings[0])).toContain("4033です");
  });
});
