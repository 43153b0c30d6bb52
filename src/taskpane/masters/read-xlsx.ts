import type ExcelJS from "exceljs";
import { workbookSheets, type SheetData } from "../../domain";

/**
 * Every worksheet of an .xlsx as plain values, parsed in the browser with exceljs (its browser build, fetched only
 * when the user picks an .xlsx master). Cells are read the same way as the CLI reads them (domain workbookSheets).
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetData[]> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  const Workbook = (mod.Workbook ?? mod.default!.Workbook) as typeof ExcelJS.Workbook;
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbookSheets(wb);
}
