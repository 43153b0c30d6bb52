import { DEFAULT_PROFILE, importSubmissions, messageOf, reviewCheck, type CellProblem, type ReviewSubmission } from "../../../src/domain";
import { importAndCheck } from "./review-workflow";
import { keepRows, otherInstitution, setCell, submittedFile } from "./submitted-files";

const errorsOf = (c: { findings: readonly CellProblem[] }) => c.findings.filter((f) => f.severity === "error").map((f) => `${f.place.column}${f.place.row} ${f.code}`);

describe("reviewCheck: all submissions checked together", () => {
  it("gives each submission its own rule findings (the sample's planted problems)", async () => {
    const { checked } = importAndCheck([await submittedFile("a.xlsx")]);
    expect(errorsOf(checked[0])).toEqual(["C14 required.missing", "D15 email.fullwidth", "A16 row.gap", "K17 healthCenter.unknown"]);
    expect(checked[0].summary).toEqual({ rows: 14, complete: 10, incomplete: 3, gap: 1, errors: 4, warnings: 1, infos: 0 });
  });

  it("finds the same person applying twice for the same institution from two files, as an error in the later file", async () => {
    const a = await submittedFile("a.xlsx", keepRows(4, 6));
    const b = await submittedFile("b.xlsx", keepRows(6, 8));
    const { checked } = importAndCheck([a, b]);
    expect(errorsOf(checked[0])).toEqual([]);
    // Row 6 (高橋 翔) is in both; b.xlsx keeps rows 6..8 in place (rows 4-5 become gap rows).
    expect(errorsOf(checked[1])).toEqual(["A4 row.gap", "A5 row.gap", "B6 name.duplicate-other-file"]);
    const dup = checked[1].findings.find((f) => f.code === "name.duplicate-other-file")!;
    expect(messageOf(dup)).toContain("a.xlsx:申請様式");
    expect(checked[1].rows.find((r) => r.row === 6)!.status).toBe("incomplete");
  });

  it("a submission sent back (差戻し) is not compared: its corrected resubmission is no duplicate of it, and its own errors stay", async () => {
    const first = await submittedFile("a.xlsx");
    const corrected = await submittedFile("a_修正.xlsx", setCell("C14", "03-5555-1010"), setCell("D15", "yamada.11@example-hosp.jp"), setCell("K17", "25654"));
    const imported = importSubmissions([first, corrected], { profile: DEFAULT_PROFILE });
    const masters = (s: ReviewSubmission) => imported.fileMasters.get(s.id) ?? {};
    const both = reviewCheck(imported.submissions, DEFAULT_PROFILE, masters);
    expect(both[1].findings.filter((f) => f.code === "name.duplicate-other-file").length).toBeGreaterThan(5);
    const [sentBack, resubmitted] = reviewCheck(imported.submissions, DEFAULT_PROFILE, masters, new Set(["S001"]));
    expect(errorsOf(resubmitted)).toEqual(["A16 row.gap"]);
    expect(errorsOf(sentBack)).toEqual(errorsOf(both[0]));
  });

  it("does not call one person in two institutions a duplicate", async () => {
    const a = await submittedFile("a.xlsx", keepRows(4, 5));
    const b = await submittedFile("b.xlsx", keepRows(4, 5), setCell("AJ4", "2511500718"), setCell("AJ5", "2511500718"), setCell("AM4", "sato.other@example-hosp.jp"), setCell("AL5", "090-9999-0001"));
    const { checked } = importAndCheck([a, b]);
    expect(checked[1].findings.filter((f) => f.code.startsWith("name.duplicate"))).toEqual([]);
  });

  it("warns when different people in different files share one 2FA address", async () => {
    const a = await submittedFile("a.xlsx", keepRows(4, 4));
    const b = await submittedFile("b.xlsx", otherInstitution, keepRows(4, 4), setCell("AM4", "sato.0@example-hosp.jp"));
    const { checked } = importAndCheck([a, b]);
    expect(checked[0].findings.map((f) => `${f.place.column}${f.place.row} ${f.code}`)).toEqual(["AM4 tfa.shared-other-file"]);
    expect(checked[1].findings.map((f) => `${f.place.column}${f.place.row} ${f.code}`)).toEqual(["AM4 tfa.shared-other-file"]);
    expect(messageOf(checked[0].findings[0])).toContain("b.xlsx:申請様式");
  });
});
