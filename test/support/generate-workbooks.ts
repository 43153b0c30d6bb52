// Generated masters and forms as .xlsx files (ExcelJS), for the CLI, the readers and the benchmarks.
import type { Cell } from "../../src/domain";
import type { GeneratedForm } from "./generate-form-rows";
import type { GeneratedMasters } from "./generate-masters";

/**
 * An .xlsx of a generated form (sheet 申請様式) and, when given, the masters as extra sheets (保健所マスタ,
 * 医療機関マスタ（全数）, 医療機関マスタ（定点）), as a hospital would send it. Text stays text, numbers stay numbers.
 */
export async function formWorkbook(form: GeneratedForm, masters?: GeneratedMasters): Promise<Buffer> {
  const sheets: [string, Cell[][]][] = [["申請様式", form.values]];
  if (masters) sheets.push(...mastersSheets(masters));
  return workbookOf(sheets);
}

/** An .xlsx holding only the masters, like samples/masters.xlsx. */
export async function mastersWorkbook(masters: GeneratedMasters): Promise<Buffer> {
  return workbookOf(mastersSheets(masters));
}

function mastersSheets(masters: GeneratedMasters): [string, Cell[][]][] {
  return [
    ["保健所マスタ", masters.healthCenter],
    ["医療機関マスタ（全数）", masters.zensu],
    ["医療機関マスタ（定点）", masters.teiten],
  ];
}

async function workbookOf(sheets: [string, Cell[][]][]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const [name, values] of sheets) {
    const ws = wb.addWorksheet(name);
    values.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = typeof v === "object" ? { error: v.error as ExcelErrorValue } : v;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ExcelErrorValue = "#N/A" | "#REF!" | "#NAME?" | "#DIV/0!" | "#NULL!" | "#VALUE!" | "#NUM!";
