// importSubmissions with other channels and re-imports (domain only): an online application list (CSV or .xlsx
// without a 別紙2 sheet) becomes a submission mapped as a list; a form with the same content as one already in the
// review is not imported again (import.same-content names it); a changed file of the same name is a newer version;
// a choice of none for an item says columns.missing/absent and its column extra.
import { contentKey, DEFAULT_PROFILE, EMPTY_REVIEW_RECORD, parseReviewRecord, serializeReviewRecord, importSubmissions, mapSubmissionColumns, messageOf, readSubmissionSheet, sameContentAs, sheetFromCsv, type SubmittedFile } from "../../../src/domain";
import { csvText, eApplicationRecords } from "../../support/e-application-list";
import { insertFurigana, setCell, submittedFile } from "./submitted-files";

const profile = DEFAULT_PROFILE;
const csvFile = (fileName: string, records: string[][]): SubmittedFile => ({ fileName, sheets: [sheetFromCsv(csvText(records), "電子申請")] });

let records: string[][];
beforeAll(async () => {
  records = await eApplicationRecords();
});

describe("other channels: lists", () => {
  it("a CSV list is a submission mapped as a list: header row 1, rows as in the file, its width and layout recorded", () => {
    const { submissions, notices } = importSubmissions([csvFile("電子申請.csv", records)], { profile });
    expect(submissions).toHaveLength(1);
    const s = submissions[0];
    expect(s).toMatchObject({ id: "S001", sourceSheet: "電子申請", headerRow: 1 });
    expect(s.rows[0].row).toBe(2);
    expect(s.mapping?.layout).toBe("list");
    expect(s.columns).toEqual({ width: 13, choices: {}, confirmed: false, layout: "list" });
    expect(s.profile?.fields.name.column).toBe("D");
    expect(notices.map((n) => n.code)).toEqual(["columns.extra", "columns.extra"]);
    expect(notices.map((n) => n.code)).not.toContain("import.renamed-form-sheet");
  });

  it("an .xlsx list needs every required item in row 1; a CSV without any known heading is refused as before", () => {
    const partial = records.map((r) => r.slice(2, 4));
    const xlsx: SubmittedFile = { fileName: "一部.xlsx", sheets: [{ name: "一覧", values: partial }] };
    const csv = csvFile("他.csv", [["a", "b"], ["1", "2"]]);
    const { submissions, notices } = importSubmissions([xlsx, csv], { profile });
    expect(submissions).toEqual([]);
    expect(notices.map((n) => [n.code, n.place.file])).toEqual([
      ["import.no-form-sheet", "一部.xlsx"],
      ["import.no-form-sheet", "他.csv"],
    ]);
    expect(messageOf(notices[0])).toContain("1行目の見出しが申請様式の必須の項目をすべて含む一覧");
  });

  it("a list read back from the review workbook is mapped as a list again (the provenance right of its width ignored)", () => {
    const [s] = importSubmissions([csvFile("電子申請.csv", records)], { profile }).submissions;
    const sheet = records.map((r, i) => [...r, null, i === 0 ? "提出ファイル" : "電子申請.csv"]);
    const read = readSubmissionSheet(s.sheetName, sheet, profile, s.columns!, s.headerRow)!;
    expect(read.mapping.layout).toBe("list");
    expect(read.rows.map((r) => r.row)).toEqual(s.rows.map((r) => r.row));
    expect(read.profile.fields).toEqual(s.profile!.fields);
  });
});

describe("the review record of a list", () => {
  it("keeps layout \"list\" with the columns, and refuses any other layout", () => {
    const [s] = importSubmissions([csvFile("電子申請.csv", records)], { profile }).submissions;
    const entry = { id: s.id, fileName: s.fileName, sourceSheet: s.sourceSheet, sheetName: s.sheetName, institution: s.institution, headerRow: s.headerRow, decision: { status: "受付" as const, remark: "" }, columns: s.columns };
    const text = serializeReviewRecord({ ...EMPTY_REVIEW_RECORD, submissions: [entry] });
    const parsed = parseReviewRecord(text);
    expect(parsed.ok && parsed.record.submissions[0].columns).toEqual({ width: 13, choices: {}, confirmed: false, layout: "list" });
    const other = parseReviewRecord(text.replace('"layout":"list"', '"layout":"table"'));
    expect(other.ok).toBe(false);
  });
});

describe("re-imports", () => {
  it("the same content is not imported again, from the review or from an earlier file of the same import", async () => {
    const a = await submittedFile("a.xlsx");
    const first = importSubmissions([a], { profile });
    const again = importSubmissions([{ ...a, fileName: "a(1).xlsx" }, a], { profile, existing: first.submissions, existingIds: ["S001"] });
    expect(again.submissions).toEqual([]);
    expect(again.notices.map((n) => [n.code, n.place.file, n.params.id])).toEqual([
      ["import.same-content", "a(1).xlsx", "S001"],
      ["import.same-content", "a.xlsx", "S001"],
    ]);
    expect(messageOf(again.notices[0])).toBe("「a(1).xlsx」のシート「申請様式」は取り込み済みの S001 と同じ内容のため、取り込みませんでした（S001 の判定・備考はそのままです）。");
  });

  it("a changed file of the same name is a newer version, said once with the id of the one before", async () => {
    const first = importSubmissions([await submittedFile("a.xlsx")], { profile });
    const changed = await submittedFile("a.xlsx", setCell("D15", "tanaka@example-hosp.jp"));
    const next = importSubmissions([changed], { profile, existing: first.submissions, existingIds: ["S001"] });
    expect(next.submissions.map((s) => s.id)).toEqual(["S002"]);
    const same = next.notices.filter((n) => n.code === "import.same-file-name");
    expect(same.map((n) => messageOf(n))).toEqual([
      "「a.xlsx」と同じ名前のファイルは取り込み済みです（S001）。内容が変わっているため新しい版として取り込み、前の版との比較を表示します。新しい版は「未判定」から判定してください。前の版が不要になったら「審査から外す」で外してください（前の版を差戻しにするか審査から外すまでは、同じ利用者の行が重複として指摘されます）。",
    ]);
  });

  it("content compares the items row by row as text: moved columns or numbers read back as text are the same content", async () => {
    const plain = importSubmissions([await submittedFile("a.xlsx")], { profile }).submissions[0];
    const moved = importSubmissions([await submittedFile("b.xlsx", insertFurigana)], { profile }).submissions[0];
    expect(contentKey(moved, profile)).toBe(contentKey(plain, profile));
    const asText = { rows: plain.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => (typeof c === "number" ? String(c) : c)) })) };
    expect(sameContentAs(asText, [plain], profile)).toBe("S001");
    const shifted = { rows: plain.rows.map((r) => ({ row: r.row + 1, cells: r.cells })) };
    expect(sameContentAs(shifted, [plain], profile)).toBeUndefined();
  });
});

describe("a reviewer's choice of none", () => {
  it("says the item's column is missing and its column extra (the columns.* notices follow the corrected mapping)", async () => {
    const s = importSubmissions([await submittedFile("a.xlsx", insertFurigana)], { profile }).submissions[0];
    const auto = mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, profile);
    expect(auto.problems.map((p) => [p.code, p.params.column ?? p.params.label])).toEqual([["columns.extra", "C"]]);
    const none = mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, profile, { phone: null, tfaEmail: null });
    expect(none.problems.map((p) => [p.code, p.params.column ?? p.params.label])).toEqual([
      ["columns.missing", "連絡先電話番号"],
      ["columns.absent", "二要素認証用メールアドレス"],
      ["columns.extra", "C"],
      ["columns.extra", "D"],
      ["columns.extra", "AN"],
    ]);
  });
});
