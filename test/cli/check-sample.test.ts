import { run } from "./support/run-cli";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

describe("nesid-account check on the sample form", () => {
  it("reports exactly the planted problems as errors, with row statuses", async () => {
    const { code, out } = await run(["check", SAMPLE_FORM, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.files).toHaveLength(1);
    const file = report.files[0];
    expect(file).toMatchObject({ path: SAMPLE_FORM, sheet: "申請様式", headerRow: 3 });
    const errors = file.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { row: number; column: string; code: string }) => [f.row, f.column, f.code])).toEqual([
      [14, "C", "required.missing"],
      [15, "D", "email.fullwidth"],
      [16, "A", "row.gap"],
      [17, "K", "healthCenter.unknown"],
    ]);
    expect(errors[1].fix).toBe("tanaka@example-hosp.jp");
    const statuses = Object.fromEntries(file.rows.map((r: { row: number; status: string }) => [r.row, r.status]));
    expect(file.rows.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    for (const r of [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) expect(statuses[r]).toBe("complete");
    expect([statuses[14], statuses[15], statuses[16], statuses[17]]).toEqual(["incomplete", "incomplete", "gap", "incomplete"]);
    const warnings = file.findings.filter((f: { severity: string }) => f.severity === "warning").map((f: { row: number; code: string }) => [f.row, f.code]);
    // row 12 is a 16 (定点) row: an ordinary account, no "deferred" warning
    expect(warnings).toEqual([[13, "institution.blank"]]);
  });

  it("gives the same answer with the masters from masters.xlsx", async () => {
    const a = await run(["check", SAMPLE_FORM, "--json"]);
    const b = await run(["check", SAMPLE_FORM, "--masters", SAMPLE_MASTERS, "--json"]);
    expect(b.code).toBe(1);
    expect(JSON.parse(b.out).files[0].findings).toEqual(JSON.parse(a.out).files[0].findings);
  });

  it("exits 2 and names the file when it cannot be read", async () => {
    const { code, err } = await run(["check", "no-such-file.xlsx"]);
    expect(code).toBe(2);
    expect(err).toContain("no-such-file.xlsx");
  });
});
