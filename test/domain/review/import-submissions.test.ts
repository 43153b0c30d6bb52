import { messageOf, DEFAULT_PROFILE, importSubmissions, isCellError, unreadableFileNotice, type Cell } from "../../../src/domain";
import { readFileSync } from "node:fs";
import { readWorkbook } from "../../../src/cli/read-workbook";
import { SAMPLE_FORM } from "../../support/samples";
import { addSheet, keepRows, otherInstitution, OTHER_INSTITUTION, readSubmitted, removeSheet, renameForm, setCell, submittedFile } from "./submitted-files";

const profile = DEFAULT_PROFILE;

describe("importSubmissions: each form sheet of each file becomes a submission", () => {
  it("takes the sample form with its cells exactly as the file has them, and names the institution from the master", async () => {
    const file = await submittedFile("山手10医院.xlsx");
    const { submissions, notices, fileMasters } = importSubmissions([file], { profile, now: "2025-04-01T09:00:00.000Z" });
    expect(notices).toEqual([]);
    expect(submissions).toHaveLength(1);
    const s = submissions[0];
    expect(s).toMatchObject({ id: "S001", fileName: "山手10医院.xlsx", sourceSheet: "申請様式", sheetName: "S001_山手10医院", headerRow: 3, importedAt: "2025-04-01T09:00:00.000Z" });
    expect(s.institution).toEqual({ code: "2513100103", name: "山手10医院", basis: "AJ", text: "山手10医院（2513100103）" });
    expect(s.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    // The same cells the CLI reads from the file: text codes stay text ("09", "06100005"), nothing is converted.
    const cli = (await readWorkbook(SAMPLE_FORM)).find((x) => x.name === "申請様式")!;
    for (const r of s.rows) expect(r.cells).toEqual(cli.values[r.row - 1]);
    expect(s.rows[0].cells[4]).toBe("09");
    expect(s.rows[8].cells[35]).toBe("06100005");
    expect(Object.keys(fileMasters.get("S001")!).sort()).toEqual(["healthCenter", "teiten", "zensu"]);
  });

  it("reports a file without any form sheet and imports nothing of it", async () => {
    const file = await submittedFile("メモだけ.xlsx", removeSheet("申請様式"), removeSheet("保健所マスタ"), removeSheet("医療機関マスタ（全数）"), removeSheet("医療機関マスタ（定点）"), addSheet("メモ", [["よろしくお願いします"]]));
    const { submissions, notices } = importSubmissions([file], { profile });
    expect(submissions).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ place: { file: "メモだけ.xlsx" }, code: "import.no-form-sheet", severity: "error" });
    expect(messageOf(notices[0])).toContain("「メモ」");
  });

  it("finds a renamed form sheet by its header and says so; extra sheets are listed as not imported", async () => {
    const file = await submittedFile("b.xlsx", renameForm("申請（4月分）"), addSheet("記入例", [["記入例です"]]), addSheet("連絡事項", [["担当：事務"]]));
    const { submissions, notices } = importSubmissions([file], { profile });
    expect(submissions.map((s) => s.sourceSheet)).toEqual(["申請（4月分）"]);
    expect(notices.map((n) => [n.code, n.place.sheet, n.severity])).toEqual([
      ["import.extra-sheet", "記入例", "info"],
      ["import.extra-sheet", "連絡事項", "info"],
      ["import.renamed-form-sheet", "申請（4月分）", "info"],
    ]);
  });

  it("imports each of several form sheets as its own submission, with a warning", async () => {
    const copy = (wb: import("exceljs").Workbook) => {
      const src = wb.getWorksheet("申請様式")!;
      const ws = wb.addWorksheet("申請様式 (2)");
      src.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => (ws.getRow(r).getCell(c).value = cell.value)));
    };
    const file = await submittedFile("two.xlsx", copy);
    const { submissions, notices } = importSubmissions([file], { profile });
    expect(submissions.map((s) => [s.id, s.sourceSheet, s.sheetName])).toEqual([
      ["S001", "申請様式", "S001_two"],
      ["S002", "申請様式 (2)", "S002_two"],
    ]);
    expect(notices.map((n) => n.code)).toEqual(["import.several-form-sheets", "import.renamed-form-sheet"]);
  });

  it("keeps numbers typed for codes as numbers and lists their cells", async () => {
    const file = await submittedFile("numbers.xlsx", setCell("E4", 9), setCell("K5", 25654), setCell("C6", 355551002), setCell("AJ7", 2513100103));
    const { submissions, notices } = importSubmissions([file], { profile });
    const cells = submissions[0].rows;
    expect(cells[0].cells[4]).toBe(9);
    expect(cells[1].cells[10]).toBe(25654);
    expect(cells[2].cells[2]).toBe(355551002);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: "import.numeric-codes", severity: "warning", place: { sheet: "申請様式" } });
    for (const address of ["E4", "K5", "C6", "AJ7"]) expect(messageOf(notices[0])).toContain(address);
  });

  it("refuses an empty form sheet with a reason, and continues ids and sheet names after the review workbook's", async () => {
    const empty = await submittedFile("empty.xlsx", keepRows(0, 0));
    const other = await submittedFile("other.xlsx", otherInstitution, keepRows(4, 7));
    const { submissions, notices } = importSubmissions([empty, other], {
      profile,
      existingIds: ["S001", "S007"],
      takenSheetNames: ["S008_other"],
      importedFileNames: ["other.xlsx"],
    });
    expect(notices.map((n) => [n.place.file, n.code])).toEqual([
      ["empty.xlsx", "import.empty-form"],
      ["other.xlsx", "import.same-file-name"],
    ]);
    expect(submissions.map((s) => [s.id, s.sheetName])).toEqual([["S008", "S008_other(2)"]]);
    expect(submissions[0].institution).toMatchObject({ code: OTHER_INSTITUTION, name: "緑71診療所" });
    expect(submissions[0].rows.map((r) => r.row)).toEqual([4, 5, 6, 7]);
  });

  it("labels a submission by its 保健所 when no row has AJ", async () => {
    const file = await submittedFile("no-aj.xlsx", keepRows(13, 13));
    const { submissions } = importSubmissions([file], { profile });
    expect(submissions[0].institution).toEqual({ basis: "K", name: "宮城県中央保健所", text: "機関コード未記入（宮城県中央保健所管内）" });
  });

  it("keeps error values and rich text as the reader gives them", async () => {
    const file = await submittedFile("odd.xlsx", setCell("C4", { error: "#N/A" } as never), setCell("B5", { richText: [{ text: "鈴木" }, { text: "　美咲" }] }));
    const { submissions } = importSubmissions([file], { profile });
    const first: Cell = submissions[0].rows[0].cells[2];
    expect(isCellError(first) && first.error).toBe("#N/A");
    expect(submissions[0].rows[1].cells[1]).toBe("鈴木　美咲");
  });

  it("turns a reader failure into an error notice naming the file", async () => {
    const bytes = readFileSync(__filename);
    await expect(readSubmitted("壊れた.xlsx", bytes)).rejects.toThrow();
    const notice = unreadableFileNotice("壊れた.xlsx", "ZIP形式ではありません");
    expect(notice).toMatchObject({ code: "import.unreadable", severity: "error" });
    expect(messageOf(notice)).toContain("壊れた.xlsx");
  });
});
