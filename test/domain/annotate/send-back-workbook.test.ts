import ExcelJS from "exceljs";
import { checkFormSheet, japaneseDate, LETTER_CLOSING, SEND_BACK_SHEET, sendBackText, sendBackWorkbook, type Cell } from "../../../src/domain";
import { PROFILE, testMasters, validCells } from "../../support/form-rows";
import { workbookSheets, findFormSheets } from "../../support/exceljs-sheets";

const header: Cell[][] = [["システム利用申請様式"], [], ["No.", "利用者名"]];

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheets: [string, Cell[][]][] = [
    ["申請様式", [...header, validCells({ email: "ｓａｔｏ@example-hosp.jp" })]],
    ["追加分", [...header, validCells({ name: "鈴木　花子", email: "suzuki@example-hosp.jp", tfaEmail: null })]],
    ["メモ", [["提出者メモ"], ["よろしくお願いします"]]],
  ];
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name, { views: [{ tabSelected: name === "申請様式" }] as unknown as ExcelJS.WorksheetView[] });
    rows.forEach((cells, r) => cells.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("sendBackWorkbook", () => {
  it("marks every form sheet of the workbook, writes one letter for all, and leaves only the letter selected", async () => {
    const bytes = await workbook();
    const wbIn = new ExcelJS.Workbook();
    await wbIn.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheets = workbookSheets(wbIn);
    const forms = findFormSheets(sheets, PROFILE);
    expect(forms.map((f) => f.sheet)).toEqual(["申請様式", "追加分"]);
    const result = await sendBackWorkbook(
      bytes,
      forms.map((f) => ({ sheet: f.sheet, checker: checkFormSheet(f, PROFILE, testMasters()) })),
      { fileName: "提出.xlsx", remark: "お手数ですが修正をお願いします。" },
    );
    expect(result.marked.map((m) => [m.sheet, m.findings.map((f) => `${f.place.column}${f.place.row}:${f.code}`)])).toEqual([
      ["申請様式", ["D4:email.fullwidth"]],
      ["追加分", ["AM4:required.missing"]],
    ]);

    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
    // The submission's sheets as they were, then the masters its rows need (for the institution's own check).
    expect(out.worksheets.map((w) => w.name)).toEqual([SEND_BACK_SHEET, "申請様式", "追加分", "メモ", "保健所マスタ", "医療機関マスタ（全数）"]);
    expect(result.masterSheets).toEqual(["保健所マスタ", "医療機関マスタ（全数）"]);
    expect(workbookSheets(out).slice(1, 4)).toEqual(sheets);
    expect(out.worksheets.filter((w) => w.views?.some((v) => (v as { tabSelected?: boolean }).tabSelected)).map((w) => w.name)).not.toContain("申請様式");
    const letter: string[] = [];
    out.getWorksheet(SEND_BACK_SHEET)!.eachRow((row) => letter.push(String(row.getCell(1).value)));
    expect(letter.filter((l) => l.includes("シート「申請様式」")).length).toBe(1);
    expect(letter.filter((l) => l.includes("シート「追加分」")).length).toBe(1);
    expect(letter).toContain("お手数ですが修正をお願いします。");
    // the letter sheet is not mistaken for a form or a master
    expect(findFormSheets(workbookSheets(out), PROFILE).map((f) => f.sheet)).toEqual(["申請様式", "追加分"]);
  });
});

describe("the 差戻し letter's date, closing and sender", () => {
  const report = {
    id: "S001",
    fileName: "提出.xlsx",
    sourceSheet: "申請様式",
    institution: "山手10医院（2513100103）",
    decision: { status: "差戻し" as const, remark: "" },
    summary: { rows: 1, complete: 0, incomplete: 1, gap: 0, errors: 0, warnings: 0, infos: 0 },
    rows: [],
  };

  it("is dated in Japanese, addressed, and ends with 「以上」 and the sender block", () => {
    const text = sendBackText(report, { date: new Date(2026, 11, 6, 23, 59), sender: "\n滋賀県 感染症対策課\n担当：山田  \n\n" });
    const lines = text.split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["2026年12月6日", "山手10医院（2513100103） 御中"]);
    expect(lines.slice(-5)).toEqual(["以上、よろしくお願いいたします。", "", "滋賀県 感染症対策課", "担当：山田", ""]);
    expect(text.endsWith("以上、よろしくお願いいたします。\r\n\r\n滋賀県 感染症対策課\r\n担当：山田\r\n")).toBe(true);
    expect(japaneseDate(new Date(2027, 0, 1))).toBe("2027年1月1日");
  });

  it("without a date or a sender: no date line, the closing still ends it", () => {
    const text = sendBackText(report);
    expect(text.startsWith("山手10医院（2513100103） 御中\r\n")).toBe(true);
    expect(text.endsWith(`\r\n${LETTER_CLOSING}\r\n`)).toBe(true);
  });
});
