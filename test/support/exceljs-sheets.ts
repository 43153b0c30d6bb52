import type ExcelJS from "exceljs";
import { findForms, hiddenSheetNotices, type Cell, type FormProfile, type FormSheet, type SheetData } from "../../src/domain";

/**
 * A second reader for tests: exceljs cell value → domain cell (the product reads with src/domain/workbook). Tests use it
 * to compare the product's reader with exceljs and to read back workbooks the product wrote.
 * Hyperlinks (emails!) give their text; formulas their cached result; rich text its plain text.
 */
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

/** A worksheet's values: row 0 = sheet row 1, column 0 = A; empty cells inside a row are null. */
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

/** Every worksheet of a loaded workbook, in workbook order. */
export function workbookSheets(wb: ExcelJS.Workbook): SheetData[] {
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => sheets.push({ name: ws.name, values: sheetValues(ws) }));
  return sheets;
}

/**
 * Every sheet of a workbook that is a form, preferred name first; hidden form sheets are named in a notice of the first
 * form (what the CLI and the review see through findForms).
 */
export function findFormSheets(sheets: readonly SheetData[], profile: FormProfile, options: { includeHidden?: boolean } = {}): FormSheet[] {
  const { forms, hidden } = findForms(sheets, profile, options);
  if (forms.length > 0) forms[0].notices.unshift(...hiddenSheetNotices(hidden));
  return forms;
}
