import { messageOf, DEFAULT_PROFILE, type FormProfile } from "../../../src/domain";
import { checkCells, checkValid, keys, validCells } from "../../support/form-rows";

/** The default profile with some top-level options changed. */
function profileWith(changes: Partial<FormProfile>): FormProfile {
  return { ...DEFAULT_PROFILE, ...changes };
}

describe("E 所属機関分類コード", () => {
  it("09, 16 and 11 are ordinary accounts: accepted silently", () => {
    expect(keys(checkValid({ orgType: "09" }).findings)).toEqual([]);
    const animal = checkValid({ orgType: "11", institutionCode: "A2500001" });
    expect(keys(animal.findings)).toEqual([]);
    expect(animal.values.orgType).toBe("11");
    const teiten = checkValid({ orgType: "16", institutionCode: "25100010" });
    expect(keys(teiten.findings)).toEqual([]);
    expect(teiten.values.orgType).toBe("16");
  });

  it("a profile that still defers a type gets the deferred warning", () => {
    const profile = profileWith({ orgTypes: DEFAULT_PROFILE.orgTypes.map((t) => (t.code === "16" ? { ...t, deferred: true } : t)) });
    const r = checkCells(validCells({ orgType: "16", institutionCode: "25100010" }), undefined, undefined, profile);
    expect(keys(r.findings)).toEqual(["E:orgType.deferred"]);
  });

  it("a type this window does not accept is a warning saying where it is applied for; AJ is still checked", () => {
    const shinjuku = profileWith({ acceptedOrgTypes: ["09"] });
    const teiten = checkCells(validCells({ orgType: "16", institutionCode: "25100010" }), undefined, undefined, shinjuku);
    expect(keys(teiten.findings)).toEqual(["E:orgType.not-accepted"]);
    expect(teiten.findings[0].severity).toBe("warning");
    expect(messageOf(teiten.findings[0])).toContain("都道府県");
    expect(messageOf(teiten.findings[0])).toContain("16（医療機関管理者（定点））");
    const animal = checkCells(validCells({ orgType: "11", institutionCode: "2513100103" }), undefined, undefined, shinjuku);
    expect(keys(animal.findings)).toEqual(["E:orgType.not-accepted", "AJ:institution.wrong-master"]);
    expect(messageOf(animal.findings[0])).toContain("担当の窓口");
    expect(keys(checkCells(validCells({ orgType: "09" }), undefined, undefined, shinjuku).findings)).toEqual([]);
  });

  it("numeric 9 or text \"9\" is a warning, normalized to 09", () => {
    for (const orgType of [9, "9", " 9 "]) {
      const r = checkValid({ orgType });
      expect(keys(r.findings)).toEqual(["E:orgType.normalized"]);
      expect(r.findings[0].severity).toBe("warning");
      expect(r.findings[0].fix).toBe("09");
      expect(r.values.orgType).toBe("09");
    }
  });

  it("numeric 16 and 11 are their codes (no zero lost)", () => {
    expect(checkValid({ orgType: 11, institutionCode: "A2500001" }).values.orgType).toBe("11");
    expect(keys(checkValid({ orgType: 16, institutionCode: "25100010" }).findings)).toEqual([]);
  });

  it("full-width digits are normalized with a warning", () => {
    const r = checkValid({ orgType: "０９" });
    expect(keys(r.findings)).toEqual(["E:code.normalized"]);
    expect(r.findings[0].fix).toBe("09");
    expect(r.values.orgType).toBe("09");
  });

  it("anything else is an error listing the allowed codes, and AJ is then not checked", () => {
    for (const orgType of ["1", "10", "009", "9a", "医療機関", 0, 99, true, "０"]) {
      const r = checkValid({ orgType, institutionCode: "9999999999" });
      expect(keys(r.findings)).toEqual(["E:orgType.invalid"]);
      expect(messageOf(r.findings[0])).toContain("09（医療機関（全数））");
      expect(messageOf(r.findings[0])).toContain("16（医療機関管理者（定点））");
      expect(messageOf(r.findings[0])).toContain("11（動物診療施設）");
      expect(r.values.orgType).toBeUndefined();
    }
  });

  it("is required; a missing E means AJ is not checked against a master (and no blank-AJ warning)", () => {
    expect(keys(checkValid({ orgType: null, institutionCode: "9999999999" }).findings)).toEqual(["E:required.missing"]);
    expect(keys(checkValid({ orgType: null, institutionCode: null }).findings)).toEqual(["E:required.missing"]);
  });
});

describe("E typed as a label (from a pick list or the guidance)", () => {
  it.each([
    ["09:医療機関（全数）", "09"],
    ["09：医療機関(全数)", "09"],
    ["16 医療機関管理者（定点）", "16"],
    ["医療機関（全数）", "09"],
    ["動物診療施設", "11"],
  ])("%s is an error whose fix is the code %s", (orgType, fix) => {
    const r = checkValid({ orgType });
    expect(keys(r.findings)).toEqual(["E:orgType.invalid"]);
    expect(r.findings[0].fix).toBe(fix);
    expect(r.values.orgType).toBeUndefined();
  });

  it("no fix when the text names no type", () => {
    expect(checkValid({ orgType: "病院" }).findings[0].fix).toBeUndefined();
    expect(checkValid({ orgType: "10:医療機関" }).findings[0].fix).toBeUndefined();
  });
});
