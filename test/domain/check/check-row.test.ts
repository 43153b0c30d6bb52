import { checkCells, checkValid, keys, WIDTH } from "../../support/form-rows";

describe("one cause, one error", () => {
  it("K unknown → only K; I is not verified", () => {
    expect(keys(checkValid({ healthCenterCode: "99999", cityCode: "999999" }).findings)).toEqual(["K:healthCenter.unknown"]);
  });

  it("K broken (error value) → only that; I is not verified", () => {
    expect(keys(checkValid({ healthCenterCode: { error: "#N/A" }, cityCode: "999999" }).findings)).toEqual(["K:cell.error-value"]);
  });

  it("K missing → only K required; I is not verified", () => {
    expect(keys(checkValid({ healthCenterCode: null, cityCode: "999999" }).findings)).toEqual(["K:required.missing"]);
  });

  it("E missing or invalid → AJ is not checked against a master, and no blank-AJ warning", () => {
    expect(keys(checkValid({ orgType: "99", institutionCode: "0000000000" }).findings)).toEqual(["E:orgType.invalid"]);
    expect(keys(checkValid({ orgType: { error: "#VALUE!" }, institutionCode: null }).findings)).toEqual(["E:cell.error-value"]);
  });

  it("AN missing or invalid → only AN; AL/AM are not required", () => {
    expect(keys(checkValid({ tfaMethod: "9", tfaEmail: null }).findings)).toEqual(["AN:tfaMethod.invalid"]);
    expect(keys(checkValid({ tfaMethod: { error: "#REF!" }, tfaEmail: null }).findings)).toEqual(["AN:cell.error-value"]);
  });

  it("an AL that is not a valid number is not also told it is not a mobile", () => {
    expect(keys(checkValid({ tfaMethod: "2", tfaEmail: null, tfaPhone: "03-1234" }).findings)).toEqual(["AL:phone.length"]);
  });

  it("independent problems in different cells are each reported, in column order", () => {
    const r = checkValid({ name: null, phone: 312345678, email: "a＠b.jp", downloadFlag: "x", F: "y" });
    expect(keys(r.findings)).toEqual(["B:required.missing", "C:phone.leading-zero-lost", "D:email.fullwidth", "F:grey.has-value", "AG:downloadFlag.invalid"]);
  });
});

describe("what a checked row carries", () => {
  it("accepted values (normalized as the spec allows) for export", () => {
    const r = checkValid({ name: " 佐藤　太郎 ", orgType: 9, healthCenterCode: 25654, phone: "０３－５５５５－１０００" });
    expect(r.values).toEqual({
      name: "佐藤　太郎",
      phone: "03-5555-1000",
      email: "sato@example-hosp.jp",
      orgType: "09",
      healthCenterCode: "25654",
      cityCode: "253658",
      downloadFlag: "0",
      institutionCode: "2513100103",
      tfaMethod: "1",
      tfaEmail: "sato.2fa@example-hosp.jp",
    });
  });

  it("an empty row is not filled and has no findings; the status column alone does not fill it", () => {
    expect(checkCells(new Array(WIDTH).fill(null))).toMatchObject({ filled: false, findings: [] });
    expect(checkCells([12, "", " "])).toMatchObject({ filled: false, findings: [] });
    expect(checkCells([])).toMatchObject({ filled: false, findings: [] });
  });

  it("the duplicate key is person + E + AJ, or K when AJ is blank; spaces and width do not matter", () => {
    expect(checkValid({}).duplicateKey).toBe(checkValid({ name: "佐藤 太郎", tfaEmail: "x@example-hosp.jp" }).duplicateKey);
    expect(checkValid({ orgType: 9 }).duplicateKey).toBe(checkValid({}).duplicateKey);
    expect(checkValid({ institutionCode: null }).duplicateKey).toContain("K:25654");
    expect(checkValid({}).duplicateKey).toContain("AJ:2513100103");
    expect(checkValid({ name: null }).duplicateKey).toBeUndefined();
  });

  it("the 2FA key follows the method: mail (domain case-folded) or phone digits", () => {
    expect(checkValid({ tfaEmail: "Ward@EXAMPLE.jp" }).tfaKey).toBe("m:Ward@example.jp");
    expect(checkValid({ tfaMethod: "2", tfaEmail: "unused@example.jp", tfaPhone: "090-1234-5678" })).toMatchObject({ tfaKey: "p:09012345678", tfaColumn: "AL" });
    expect(checkValid({ tfaMethod: "9" }).tfaKey).toBeUndefined();
  });
});
