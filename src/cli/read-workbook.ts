import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { Cell, SheetData } from "../domain";

/** exceljs cell value → domain cell. Hyperlinks (emails!) give their text; formulas their cached result. */
export function toCell(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("error" in v && v.error) return { error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return toCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in v) return toCell((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(v);
}

export function sheetValues(ws: ExcelJS.Worksheet): Cell[][] {
  const values: Cell[][] = [];
  const rows = ws.rowCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    if (row.hasValues) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = toCell(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    }
    values.push(cells);
  }
  return values;
}

export class UnreadableFileError extends Error {}

/** Reads every worksheet of an .xlsx into plain values. Unreadable files become an UnreadableFileError naming the file. */
export async function readWorkbook(path: string): Promise<SheetData[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」を開けません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」はExcelブック（.xlsx）として読めません: ${(e as Error).message}`);
  }
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => sheets.push({ name: ws.name, values: sheetValues(ws) }));
  return sheets;
}
