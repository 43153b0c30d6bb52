import { messageOf, readXlsx, type SubmittedFile } from "../../../src/domain";
/**
 * Submitted files for the review tests: the real sample form, and variants made from it with exceljs the way an
 * institution would (rename the form sheet, add a memo sheet, type codes as numbers, another institution's rows),
 * written to .xlsx bytes and read back through the same reader the CLI and the pane use (src/domain/workbook).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { SAMPLE_FORM } from "../../support/samples";

export type Edit = (wb: ExcelJS.Workbook) => void;

let unedited: Promise<Buffer> | undefined;

/** The sample saved by exceljs with the edits applied (the unedited one is made once per test file and shared). */
export async function xlsxBytes(...edits: Edit[]): Promise<Buffer> {
  if (edits.length === 0) return Buffer.from(await (unedited ??= edited([])));
  return edited(edits);
}

async function edited(edits: Edit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE_FORM) as unknown as ArrayBuffer);
  for (const e of edits) e(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A submitted file as the CLI and the pane read it (the domain's workbook reader). */
export async function readSubmitted(fileName: string, bytes: Buffer): Promise<SubmittedFile> {
  const read = readXlsx(new Uint8Array(bytes), fileName);
  if (!read.ok) throw new Error(messageOf(read.problem));
  return { fileName, sheets: read.sheets };
}

export async function submittedFile(fileName: string, ...edits: Edit[]): Promise<SubmittedFile> {
  return readSubmitted(fileName, await xlsxBytes(...edits));
}

export const form = (wb: ExcelJS.Workbook) => wb.getWorksheet("申請様式")!;

export const renameForm =
  (name: string): Edit =>
  (wb) => {
    form(wb).name = name;
  };

export const addSheet =
  (name: string, rows: (string | number)[][]): Edit =>
  (wb) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  };

export const setCell =
  (address: string, value: ExcelJS.CellValue, sheet = "申請様式"): Edit =>
  (wb) => {
    wb.getWorksheet(sheet)!.getCell(address).value = value;
  };

export const removeSheet =
  (name: string): Edit =>
  (wb) => {
    wb.removeWorksheet(wb.getWorksheet(name)!.id);
  };

/** Keeps only data rows `from`..`to` of the form (the rest of the data area is cleared). */
export const keepRows =
  (from: number, to: number): Edit =>
  (wb) => {
    const ws = form(wb);
    for (let r = 4; r <= ws.rowCount; r++) {
      if (r >= from && r <= to) continue;
      for (let c = 2; c <= 40; c++) ws.getRow(r).getCell(c).value = null;
    }
  };

/** Rewrites the form's rows 4..7 as another institution's (a 全数 code in the sample masters, other people). */
export const otherInstitution: Edit = (wb) => {
  const ws = form(wb);
  const people = ["青木　誠", "石井　綾", "上野　光", "遠藤　仁"];
  people.forEach((name, i) => {
    const row = ws.getRow(4 + i);
    row.getCell("B").value = name;
    row.getCell("D").value = `aoki${i}@other-clinic.jp`;
    row.getCell("AJ").value = OTHER_INSTITUTION;
    if (row.getCell("AM").value) row.getCell("AM").value = `aoki${i}.2fa@other-clinic.jp`;
    if (row.getCell("AL").value) row.getCell("AL").value = `090-7000-800${i}`;
  });
};

/** A code of 医療機関マスタ（全数） in samples/application-form.xlsx (same 保健所 25654) other than the sample's own 2513100103. */
export const OTHER_INSTITUTION = "2511500718";

/** A column 「フリガナ」 inserted after B (利用者名), as an institution would: every column from C moves one to the right. */
export const insertFurigana: Edit = (wb) => {
  const ws = form(wb);
  ws.spliceColumns(3, 0, []);
  ws.getCell("C3").value = "フリガナ";
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 2).text.trim() !== "") ws.getCell(r, 3).value = "サトウ";
};
