import Papa from "papaparse";
import type { Cell } from "../cell";
import type { FormProfile } from "../profile/schema";
import type { SheetData } from "../workbook/sheet-data";
import { mappedFormSheet, type FormSheet } from "./find-forms";

/**
 * Other channels: a table exported by an online application service (電子申請) — one row per user, a header row 1 with
 * its own headings and order, extra columns (申請日時, 受付番号 …), no 別紙2 layout. It is checked and exported like a
 * form through the same column mapping ("list" layout: no status or grey columns). Rows are numbered as in the file
 * (header = 1).
 */
export function listFormSheet(s: SheetData, profile: FormProfile): FormSheet | undefined {
  if ((s.values[0] ?? []).every((c) => c === null || c === undefined || String(c).trim() === "")) return undefined;
  const form = mappedFormSheet(s, { headerRow: 1, firstDataRow: 2 }, profile, "list");
  const items = Object.values(form.mapping!.items);
  return items.some((i) => i.column !== undefined) ? form : undefined;
}

/** True when the list's header maps every required item of the profile (how an .xlsx without a 別紙2 sheet is taken as a list). */
export function mapsRequiredItems(form: FormSheet, profile: FormProfile): boolean {
  return profile.required.every((k) => form.mapping?.items[k].column !== undefined);
}

/** A CSV text (already decoded) as a sheet: every record a row, empty lines kept so row numbers are the file's. */
export function sheetFromCsv(text: string, name: string): SheetData {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { skipEmptyLines: false });
  const values = parsed.data as Cell[][];
  // The line break after the last record is no row.
  while (values.length > 0 && values[values.length - 1].every((c) => c === "")) values.pop();
  return { name, values };
}

/** A file name the list reader takes as CSV text (an online application service's export). */
export function isCsvName(fileName: string): boolean {
  return /\.(csv|txt)$/i.test(fileName);
}

/**
 * The lists of a file that has no 別紙2 sheet: a CSV's one sheet when its first row names any item; of a workbook,
 * each visible sheet whose first row names every required item (as the CLI reads other channels).
 */
export function listForms(fileName: string, sheets: readonly SheetData[], profile: FormProfile): FormSheet[] {
  if (isCsvName(fileName)) {
    const list = sheets.length === 1 ? listFormSheet(sheets[0], profile) : undefined;
    return list ? [list] : [];
  }
  return sheets.flatMap((s) => {
    if (s.state && s.state !== "visible") return [];
    const list = listFormSheet(s, profile);
    return list && mapsRequiredItems(list, profile) ? [list] : [];
  });
}

/** A CSV file's one sheet: named after the file (without its extension, within Excel's 31 characters). */
export function csvSheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").slice(0, 31) || "CSV";
}
