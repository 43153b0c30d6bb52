import ExcelJS from "exceljs";
import { type SheetData } from "../../../src/domain";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../../support/samples";
import { workbookSheets } from "../../support/exceljs-sheets";

const cache = new Map<string, SheetData[]>();

async function read(path: string): Promise<SheetData[]> {
  if (!cache.has(path)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    cache.set(path, workbookSheets(wb));
  }
  // Fresh copies: tests change cells.
  return cache.get(path)!.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) }));
}

/** samples/application-form.xlsx as Excel would show it: the form sheet 申請様式 and its master sheets. */
export function sampleFormWorkbook(): Promise<SheetData[]> {
  return read(SAMPLE_FORM);
}

/** samples/masters.xlsx. */
export function sampleMastersWorkbook(): Promise<SheetData[]> {
  return read(SAMPLE_MASTERS);
}
