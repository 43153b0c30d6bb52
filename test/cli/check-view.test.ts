import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { DEFAULT_PROFILE } from "../../src/domain";
import { keepRows, setCell, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_FORM } from "../support/samples";

const PROFILE = path.join(__dirname, "..", "..", "profiles", "municipality-fills-4-7.json");

let dir: string;
let form: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-view-"));
  form = path.join(dir, "institution.xlsx");
  // rows 4–5 as an institution sends them when the municipality fills items 4–7 (E, I, K, AG)
  writeFileSync(form, await xlsxBytes(keepRows(4, 5), ...["E", "I", "K", "AG"].flatMap((c) => [setCell(`${c}4`, null), setCell(`${c}5`, null)])));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check --view institution with a profile where the municipality fills items 4–7", () => {
  it("blank E, I, K, AG are info (自治体が記入します): exit 0", async () => {
    const r = await run(["check", form, "--profile", PROFILE, "--view", "institution", "--json"]);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out).files[0].findings as { row: number; column: string; code: string; severity: string }[];
    expect(findings.map((f) => `${f.row}${f.column} ${f.severity} ${f.code}`)).toEqual(
      [4, 5].flatMap((row) => ["E", "I", "K", "AG"].map((c) => `${row}${c} info required.municipality-fills`)),
    );
    const text = await run(["check", form, "--profile", PROFILE, "--view", "institution"]);
    expect(text.out).toContain("・ 情報 E4：所属機関分類コードは自治体が記入します");
  });

  it("the reviewer's view (the default) and export still require them", async () => {
    const r = await run(["check", form, "--profile", PROFILE, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].findings.filter((f: { code: string }) => f.code === "required.missing")).toHaveLength(8);
    const exported = await run(["export", form, "--profile", PROFILE, "--out", path.join(dir, "reg.csv")]);
    expect(exported.code).toBe(1);
    expect(exported.out).toContain("出力しなかった行: 2 行");
  });

  it("--view with another value is a usage error in Japanese", async () => {
    const r = await run(["check", form, "--view", "hospital"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--view は institution");
  });
});

describe("a window that does not take every account type (profile acceptedOrgTypes)", () => {
  it("check warns on the 16 row naming where to apply; export leaves it out, listed with that reason", async () => {
    const profile = path.join(dir, "ward.json");
    writeFileSync(profile, JSON.stringify({ ...DEFAULT_PROFILE, id: "ward", name: "区の窓口（定点は都道府県）", acceptedOrgTypes: ["09", "11"] }));
    const check = await run(["check", SAMPLE_FORM, "--profile", profile, "--json"]);
    const warnings = JSON.parse(check.out).files[0].findings.filter((f: { code: string }) => f.code === "orgType.not-accepted");
    expect(warnings.map((f: { row: number; column: string; severity: string }) => `${f.column}${f.row} ${f.severity}`)).toEqual(["E12 warning"]);
    expect(warnings[0].message).toContain("都道府県（定点医療機関の担当課）に申請してください");
    const exported = await run(["export", SAMPLE_FORM, "--profile", profile, "--out", path.join(dir, "ward.csv")]);
    expect(exported.out).toContain("8 行を出力しました");
    expect(exported.out).toMatch(/12行目\n {4}- E列：16（医療機関管理者（定点））はこの窓口で受け付けていない種別のため出力しません（都道府県（定点医療機関の担当課）に申請）/);
  });
});
