import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../cli/support/run-cli";
import { REPORT_FORMAT, REPORT_VERSION, reportSchemas } from "../../../src/domain";
import { REPORT_SCHEMA_FILE, reportSchemaText } from "../../../scripts/report-schema";
import { keepRows, removeSheet, xlsxBytes } from "../review/submitted-files";
import { SAMPLE_FORM } from "../../support/samples";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check --json: a documented, versioned report", () => {
  it("docs/report-schema.json is generated from the zod schema and up to date (run: npx tsx scripts/report-schema.ts)", () => {
    expect(readFileSync(REPORT_SCHEMA_FILE, "utf8")).toBe(reportSchemaText());
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, "utf8"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(["format", "version", "valid", "view", "profile", "stats", "notices", "files"]);
  });

  it("on the sample: valid false, stats by status / severity / code, and the existing fields kept", async () => {
    const { code, out } = await run(["check", SAMPLE_FORM, "--json"]);
    expect(code).toBe(1);
    const report = reportSchemas().CheckReportSchema.parse(JSON.parse(out));
    expect(report).toMatchObject({ format: REPORT_FORMAT, version: REPORT_VERSION, valid: false, view: "reviewer", profile: { id: "besshi2-default" } });
    expect(report.profile.file).toBeUndefined();
    const [file] = report.files;
    expect(file).toMatchObject({ path: SAMPLE_FORM, sheet: "申請様式", headerRow: 3, valid: false });
    expect(file.stats).toEqual({
      rows: { total: 14, complete: 10, incomplete: 3, gap: 1 },
      findings: { total: 5, error: 4, warning: 1, info: 0, byCode: { "email.fullwidth": 1, "healthCenter.unknown": 1, "institution.blank": 1, "required.missing": 1, "row.gap": 1 } },
      notices: { total: 0, error: 0, warning: 0, info: 0 },
    });
    expect(report.stats).toMatchObject({ files: 1, sheets: 1, rows: file.stats.rows, findings: file.stats.findings });
    // .ci/run's sample check still works on the new document
    const errors = file.findings.filter((f) => f.severity === "error").map((f) => f.column + f.row).sort().join(",");
    expect(errors).toBe("A16,C14,D15,K17");
  });

  it("notices that went only to stderr are in the report, per file and sheet, as problems", async () => {
    const bare = path.join(dir, "bare.xlsx");
    writeFileSync(bare, await xlsxBytes(keepRows(4, 11), ...["保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"].map(removeSheet)));
    const profile = path.join(dir, "profile.json");
    writeFileSync(profile, readFileSync(path.join(__dirname, "..", "..", "..", "profiles", "municipality-fills-4-7.json")));
    const { code, out, err } = await run(["check", bare, "--json", "--profile", profile]);
    expect(code).toBe(0);
    const report = reportSchemas().CheckReportSchema.parse(JSON.parse(out));
    expect(report.valid).toBe(true);
    expect(report.profile).toEqual({ id: "besshi2-municipality-fills-4-7", name: "別紙2 システム利用申請様式（項目4〜7は自治体が記入）", file: profile });
    const notices = report.files[0].notices;
    expect(notices.map((n) => `${n.severity} ${n.code}`)).toEqual(["warning master.missing", "warning master.missing", "info profile.used"]);
    for (const n of notices) expect(n.place).toEqual({ file: bare, sheet: "申請様式" });
    expect(notices[0].message).toContain("保健所マスタが読み込まれていないため");
    expect(report.files[0].stats.notices).toEqual({ total: 3, error: 0, warning: 2, info: 1 });
    expect(report.stats.notices.warning).toBe(2);
    expect(err).toContain("保健所マスタが読み込まれていないため");
  });
});
