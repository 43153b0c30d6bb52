import { refusalText, messageOf, DEFAULT_PROFILE, loadProfileJson, registrationCsv, type FormProfile, createCheckContext, FormChecker } from "../../../src/domain";
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkCells, keys, validCells, testMasters } from "../../support/form-rows";

const EXAMPLE = path.join(__dirname, "..", "..", "..", "profiles", "municipality-fills-4-7.json");

function loadExample(): FormProfile {
  const loaded = loadProfileJson(readFileSync(EXAMPLE, "utf8"));
  if (!loaded.ok) throw new Error(loaded.problems.map(messageOf).join("\n"));
  return loaded.profile;
}

/** Items 4–7 left blank, as an institution sends the form when the municipality fills them. */
const blank47 = () => validCells({ orgType: null, cityCode: null, healthCenterCode: null, downloadFlag: null });

describe("who fills what: filledByMunicipality", () => {
  it("the shipped example profile is valid and names items 4–7 (E, I, K, AG)", () => {
    const profile = loadExample();
    expect(profile.filledByMunicipality).toEqual(["orgType", "cityCode", "healthCenterCode", "downloadFlag"]);
    expect(profile.filledByMunicipality!.map((k) => profile.fields[k].column)).toEqual(["E", "I", "K", "AG"]);
    expect(profile.filledByMunicipality!.map((k) => profile.fields[k].item)).toEqual([4, 5, 6, 7]);
    expect(DEFAULT_PROFILE.filledByMunicipality).toBeUndefined();
  });

  it("an unknown field name in the profile is a load error", () => {
    const bad = loadProfileJson(JSON.stringify({ ...DEFAULT_PROFILE, filledByMunicipality: ["orgType", "kcode"] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map(messageOf).join()).toContain("filledByMunicipality.1");
  });

  it("in the institution's view a blank municipality item is info (自治体が記入します), not an error", () => {
    const profile = loadExample();
    const r = checkCells(blank47(), testMasters(), 4, profile);
    // not verified here: E is missing, so AJ cannot be looked up (no error for it either)
    const institution = new FormChecker(createCheckContext(profile, testMasters(), "institution"), 3);
    institution.reset([{ row: 4, cells: blank47() }]);
    const found = institution.result().findings;
    expect(keys(found)).toEqual(["E:required.municipality-fills", "I:required.municipality-fills", "K:required.municipality-fills", "AG:required.municipality-fills"]);
    expect(found.every((f) => f.severity === "info")).toBe(true);
    expect(messageOf(found[0])).toBe("所属機関分類コードは自治体が記入します（医療機関での記入は不要です）。");
    expect(institution.result().rows).toEqual([{ row: 4, status: "complete" }]);
    // the reviewer's view (the default) still requires them
    expect(keys(r.findings)).toEqual(["E:required.missing", "I:required.missing", "K:required.missing", "AG:required.missing"]);
  });

  it("items the institution fills stay required in its view; a filled municipality item is checked as usual", () => {
    const profile = loadExample();
    const institution = new FormChecker(createCheckContext(profile, testMasters(), "institution"), 3);
    institution.reset([{ row: 4, cells: validCells({ phone: null, orgType: null, healthCenterCode: "99999" }) }]);
    expect(keys(institution.result().findings)).toEqual(["C:required.missing", "E:required.municipality-fills", "K:healthCenter.unknown-ask"]);
  });

  it("in the default profile the institution's view is the reviewer's", () => {
    const institution = new FormChecker(createCheckContext(DEFAULT_PROFILE, testMasters(), "institution"), 3);
    institution.reset([{ row: 4, cells: blank47() }]);
    expect(keys(institution.result().findings)).toEqual(["E:required.missing", "I:required.missing", "K:required.missing", "AG:required.missing"]);
  });

  it("export (reviewer's view) refuses such a row", () => {
    const profile = loadExample();
    const checker = new FormChecker(createCheckContext(profile, testMasters()), 3);
    checker.reset([{ row: 4, cells: blank47() }]);
    const csv = registrationCsv([{ source: "f", row: 4, cells: blank47(), result: checker.rowResult(4), findings: checker.rowFindings(4) }], profile);
    expect(csv.written).toEqual([]);
    expect(csv.refused[0].reasons.map(refusalText).join()).toContain("所属機関分類コードが入力されていません");
  });
});
