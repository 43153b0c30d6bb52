// Node: an .xlsx (by default samples/application-form.xlsx) → the stand-in's workbook JSON, with values as
// Excel would hold them, number formats and solid fills (so the grey columns show grey in the harness).
import ExcelJS from "exceljs";
import path from "node:path";
import type { SheetJson, WorkbookJson } from "./model/workbook-json";
import type { ModelValue } from "./model/values";

export const DEFAULT_WORKBOOK = path.join(__dirname, "..", "..", "..", "samples", "application-form.xlsx");

function cellValue(v: ExcelJS.CellValue | undefined): ModelValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000; // Excel serial date
  if (typeof v === "object") {
    if ("error" in v && v.error) return { error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(v);
}

function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

export function sheetJson(ws: ExcelJS.Worksheet): SheetJson {
  const values: ModelValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const v: ModelValue[] = [];
    const f: (string | null)[] = [];
    const c: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      v[col - 1] = cellValue(cell.value);
      f[col - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      c[col - 1] = fillColor(cell.fill);
    });
    values.push(Array.from(v, (x) => x ?? null));
    numberFormats.push(Array.from(f, (x) => x ?? null));
    fills.push(Array.from(c, (x) => x ?? null));
  }
  const columnWidths = (ws.columns ?? []).map((col) => col?.width ?? 9);
  return { name: ws.name, values, numberFormats, fills, columnWidths };
}

export async function xlsxToWorkbookJson(file: string = DEFAULT_WORKBOOK): Promise<WorkbookJson> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetJson[] = [];
  wb.eachSheet((ws) => sheets.push(sheetJson(ws)));
  return { sheets, activeSheet: sheets[0]?.name };
}
