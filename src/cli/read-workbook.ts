import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { workbookSheets, type SheetData } from "../domain";
import { fileErrorText } from "./file-error-text";

export { toCell, sheetValues } from "../domain";

export class UnreadableFileError extends Error {}

/** Reads every worksheet of an .xlsx into plain values. Unreadable files become an UnreadableFileError naming the file. */
export async function readWorkbook(path: string): Promise<SheetData[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」を開けません: ${fileErrorText(e)}`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」はExcelブック（.xlsx）として読めません: ${(e as Error).message}`);
  }
  return workbookSheets(wb);
}
