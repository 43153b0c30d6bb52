// ② 登録用CSV: what was not exported, grouped for the reader (rows with errors in approved submissions first, one
// line per submission not approved), and ③ matching only rows that were exported — on three real submissions made
// from the sample form, one of them sent back (差戻し).
import { DEFAULT_PROFILE, exportedRecords, exportSourceOf, groupRefusedRows, problem, refusalText, reviewExport, type ReviewDecision } from "../../../src/domain";
import { importAndCheck } from "./review-workflow";
import { keepRows, otherInstitution, submittedFile } from "./submitted-files";

const decisions = (entries: [string, ReviewDecision["status"]][]) => new Map(entries.map(([id, status]) => [id, { status, remark: "" }]));

async function threeSubmissions() {
  // S001: the sample as submitted (14 rows: errors in rows 14–17, AJ blank in row 13), approved with its errors;
  // S002: another institution's rows 4–7, sent back; S003: the same people as S002's rows 4–5 again, approved.
  const { checked } = importAndCheck([
    await submittedFile("山手10医院.xlsx"),
    await submittedFile("緑71診療所.xlsx", otherInstitution, keepRows(4, 7)),
    await submittedFile("第三病院.xlsx", otherInstitution, keepRows(4, 5)),
  ]);
  const decided = decisions([["S001", "承認"], ["S002", "差戻し"], ["S003", "承認"]]);
  return { checked, decided };
}

describe("groupRefusedRows: the rows left out of the registration CSV, for the reader", () => {
  it("puts the approved submission's rows with errors first, each with its cell, and the sent-back submission on one line", async () => {
    const { checked, decided } = await threeSubmissions();
    const csv = reviewExport(checked, decided, DEFAULT_PROFILE);
    const submissions = checked.map((c) => ({ id: c.submission.id, source: exportSourceOf(c.submission), status: decided.get(c.submission.id)!.status }));
    const groups = groupRefusedRows(csv.refused, submissions);
    expect(groups.map((g) => [g.kind, g.title])).toEqual([
      ["errors", "S001 山手10医院.xlsx（承認）：エラーのある行 4行"],
      ["errors", "S003 第三病院.xlsx（承認）：エラーのある行 2行"],
      ["other", "S001 山手10医院.xlsx（承認）：ほかの理由で出力しなかった行 1行"],
      ["not-approved", "S002（差戻し）：4行"],
    ]);
    const errors = groups[0];
    expect(errors.lines.map((l) => l.cell)).toEqual(["C14", "D15", "A16", "K17"]);
    expect(refusalText(errors.lines[0].reasons[0])).toBe("C列：連絡先電話番号が入力されていません。");
    expect(refusalText(errors.lines[2].reasons[0])).toBe("空行です（一括登録でエラーになるため詰めてください）");
    expect(groups[1].lines.map((l) => l.cell)).toEqual(["B4", "B5"]);
    expect(groups[2].lines.map((l) => l.cell)).toEqual(["AJ13"]);
    // The sent-back rows are counted, not listed one by one with the same sentence.
    expect(groups[3].lines).toEqual([]);
    // Every refused row is in exactly one group.
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(csv.refused.length);
    expect(csv.written).toHaveLength(9);
  });

  it("keeps approved rows left out for another reason apart from the errors, and names them", async () => {
    const { checked } = importAndCheck([await submittedFile("a.xlsx", keepRows(4, 6))]);
    // Rows 7.. were cleared: the form's rows 4–6 are written; nothing else is refused.
    const csv = reviewExport(checked, decisions([["S001", "承認"]]), DEFAULT_PROFILE);
    expect(groupRefusedRows(csv.refused, [{ id: "S001", source: "S001 a.xlsx", status: "承認" }])).toEqual([]);
    const blankAj = { source: "S001 a.xlsx", row: 9, reasons: [problem("export.institution-blank", {}, { row: 9, column: "AJ" })] };
    const gap = { source: "S001 a.xlsx", row: 8, reasons: [problem("export.gap", {}, { row: 8 })] };
    const groups = groupRefusedRows([gap, blankAj], [{ id: "S001", source: "S001 a.xlsx", status: "承認" }]);
    expect(groups.map((g) => [g.title, g.lines.map((l) => l.cell)])).toEqual([
      ["S001 a.xlsx（承認）：エラーのある行 1行", ["A8"]],
      ["S001 a.xlsx（承認）：ほかの理由で出力しなかった行 1行", ["AJ9"]],
    ]);
  });
});

describe("exportedRecords: what ③ matches issued accounts with", () => {
  it("holds only the rows the CSV writes: not the sent-back submission's, not rows with errors or a blank AJ", async () => {
    const { checked, decided } = await threeSubmissions();
    const records = exportedRecords(checked, decided, DEFAULT_PROFILE);
    const written = reviewExport(checked, decided, DEFAULT_PROFILE).written;
    expect(records).toHaveLength(written.length);
    expect(records.map((r) => `${r.source}#${r.row}`)).toEqual([
      ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((row) => `山手10医院.xlsx:申請様式#${row}`),
    ]);
    expect(records.some((r) => r.hasErrors)).toBe(false);
  });
});
