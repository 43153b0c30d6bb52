import { cellText, hasValue, isUncachedFormula, type Cell } from "../cell";
import { problem, type Problem, compareCellProblems, cellProblem, type CellProblem } from "../problems/problem";
import { columnLetter } from "../columns";
import { checkForm, createCheckContext } from "../check/check-form";
import type { FormChecker } from "../check/form-checker";
import type { CheckView } from "../check/context";
import type { FormRow } from "../check/row-state";
import type { MasterSet } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import type { SheetData } from "../workbook/sheet-data";
import { locateByHeadings, mapFormColumns, type ColumnMapping } from "./column-mapping";
import { locateHeader, rowHasData, type FormLocation } from "./locate-form";

export interface FormSheet {
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  rows: FormRow[];
  /** The header row's labels for the exported columns (the registration CSV's header line). */
  headerCells: readonly Cell[];
  /**
   * What the file shows differently from its cells, found while reading: merged cells inside the data area (warning)
   * and values far below the data (error; those rows are not in `rows`). Sorted like the checker's findings.
   */
  readFindings: CellProblem[];
  /** About the sheet or its workbook as read: hidden data rows, hidden form sheets left out, how its columns were found (columns.*). */
  notices: Problem[];
  /**
   * The profile with this sheet's own columns (column-mapping.ts): the given profile itself when every item is where it
   * says. Check and export the sheet with it. Absent on sheets made by hand (then the given profile is used).
   */
  profile?: FormProfile;
  /** Where the sheet's items were found (absent on sheets made by hand). */
  mapping?: ColumnMapping;
}

export interface FindFormOptions {
  /** Take hidden and veryHidden sheets as forms too (default: they are only named in a notice). */
  includeHidden?: boolean;
  /**
   * Find the items by their headings (column-mapping.ts): each form gets its own `profile` and `mapping`, and a form
   * whose marker moved out of its column is found too. Off by default: the pane's review still reads by the
   * profile's letters until it shows the mapping (the CLI turns it on).
   */
  mapColumns?: boolean;
}

/** A form sheet that was left out because it is hidden. */
export interface HiddenFormSheet {
  sheet: string;
  state: "hidden" | "veryHidden";
}

/**
 * A run of at least this many empty rows after the data, followed by values, makes those values "far below the data":
 * they are reported as such instead of turning every row in between into a gap row.
 */
export const STRAY_GAP_ROWS = 1000;

/**
 * Every form sheet of a workbook (利用者名 in B of a header row near the top), preferred name first, and the form
 * sheets left out because they are hidden (unless asked for).
 */
export function findForms(sheets: readonly SheetData[], profile: FormProfile, options: FindFormOptions = {}): { forms: FormSheet[]; hidden: HiddenFormSheet[] } {
  const ctx = createCheckContext(profile, {});
  const found: FormSheet[] = [];
  const hidden: HiddenFormSheet[] = [];
  for (const s of sheets) {
    const top = s.values.slice(0, profile.sheet.headerSearchRows);
    const location = locateHeader(top, profile, { anyColumn: options.mapColumns }) ?? (options.mapColumns ? locateByHeadings(top, profile) : undefined);
    if (!location) continue;
    if (s.state && s.state !== "visible" && !options.includeHidden) {
      hidden.push({ sheet: s.name, state: s.state });
      continue;
    }
    found.push(options.mapColumns ? mappedFormSheet(s, location, profile) : formSheetOf(s, location, ctx.dataColumns));
  }
  const preferred = profile.sheet.preferredName;
  return { forms: found.sort((a, b) => Number(b.sheet === preferred) - Number(a.sheet === preferred)), hidden };
}

export function hiddenSheetNotices(hidden: readonly HiddenFormSheet[]): Problem[] {
  return hidden.map((h) => problem("sheet.hidden", { sheet: h.sheet, state: h.state === "veryHidden" ? "完全に非表示（veryHidden）" : "非表示" }));
}

/**
 * A sheet as a form: its columns mapped from the header row (and the 項目N row above it), then its rows read with the
 * sheet's own profile. `layout: "list"` for a plain table (header in row 1, no status or grey columns).
 */
export function mappedFormSheet(s: SheetData, location: FormLocation, profile: FormProfile, layout: "form" | "list" = "form"): FormSheet {
  const header = s.values[location.headerRow - 1] ?? [];
  const above = location.headerRow > 1 ? s.values[location.headerRow - 2] : undefined;
  const mapped = mapFormColumns(header, above, profile, { layout, headerRow: location.headerRow });
  const form = formSheetOf(s, location, createCheckContext(mapped.profile, {}).dataColumns);
  form.notices.push(...mapped.problems);
  form.profile = mapped.profile;
  form.mapping = mapped.mapping;
  return form;
}

/** A sheet's rows as a form read with a profile already fitted to its columns (a review submission's own profile). */
export function formSheetWith(s: SheetData, location: FormLocation, profile: FormProfile): FormSheet {
  return formSheetOf(s, location, createCheckContext(profile, {}).dataColumns);
}

function formSheetOf(s: SheetData, location: FormLocation, dataColumns: readonly number[]): FormSheet {
  const values = s.values;
  const first = location.firstDataRow;
  // The data area ends at the last filled row before a run of STRAY_GAP_ROWS empty rows; what follows is stray.
  let lastMain = location.headerRow;
  const stray: number[] = [];
  for (let r = first; r <= values.length; r++) {
    if (!rowHasData(values[r - 1] ?? [], dataColumns)) continue;
    if (stray.length > 0 || r - lastMain > STRAY_GAP_ROWS) stray.push(r);
    else lastMain = r;
  }
  const rows: FormRow[] = [];
  for (let r = first; r <= lastMain; r++) rows.push({ row: r, cells: values[r - 1] ?? [] });
  const readFindings: CellProblem[] = [];
  for (const r of stray) {
    const cells = values[r - 1];
    const filled = dataColumns.filter((i) => hasValue(cells[i]));
    const sample = filled.slice(0, 3).map((i) => `${columnLetter(i)}${r}「${cellText(cells[i])}」`).join("、") + (filled.length > 3 ? " ほか" : "");
    readFindings.push(cellProblem(r, columnLetter(filled[0]), "row.stray", { row: r, lastRow: lastMain, cells: sample }));
  }
  const lo = Math.min(...dataColumns);
  const hi = Math.max(...dataColumns);
  for (const m of s.merges ?? []) {
    if (m.bottom < first || m.top > lastMain || m.right < lo || m.left > hi) continue;
    if (m.top === m.bottom && m.left === m.right) continue;
    const anchor = `${columnLetter(m.left)}${m.top}`;
    const column = columnLetter(Math.max(m.left, lo));
    for (let r = Math.max(m.top, first); r <= Math.min(m.bottom, lastMain); r++) {
      readFindings.push(cellProblem(r, column, "cell.merged", { range: m.ref, anchor }));
    }
  }
  readFindings.sort(compareCellProblems);
  const notices: Problem[] = [];
  const hiddenRows = (s.hiddenRows ?? []).filter((r) => r >= first && r <= lastMain);
  if (hiddenRows.length > 0) notices.push(problem("rows.hidden", { sheet: s.name, rows: rowRangesText(hiddenRows) }));
  const uncached = uncachedFormulaCount(values, first, dataColumns);
  if (uncached > 0) notices.push(problem("sheet.formulas-uncached", { sheet: s.name, count: uncached }));
  return {
    sheet: s.name,
    headerRow: location.headerRow,
    firstDataRow: location.firstDataRow,
    rows,
    headerCells: values[location.headerRow - 1] ?? [],
    readFindings,
    notices,
  };
}

/**
 * Formulas saved without their results in the data columns below the header: one notice for the sheet, however many
 * rows hold them (the distributable form has one in I of each of its 300 rows).
 */
function uncachedFormulaCount(values: readonly (readonly Cell[])[], firstDataRow: number, dataColumns: readonly number[]): number {
  let count = 0;
  for (let r = firstDataRow; r <= values.length; r++) {
    const cells = values[r - 1];
    if (!cells || cells.length === 0) continue;
    for (const i of dataColumns) if (isUncachedFormula(cells[i])) count++;
  }
  return count;
}

/** Row numbers as short Japanese ranges: [5,6,7,10] → "5〜7・10行目" (at most 10 ranges, then ほか). */
export function rowRangesText(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}〜${sorted[j]}`);
    i = j + 1;
  }
  return `${ranges.slice(0, 10).join("・")}行目${ranges.length > 10 ? " ほか" : ""}`;
}

/** Checks one form sheet against the masters. */
export function checkFormSheet(form: FormSheet, profile: FormProfile, masters: MasterSet, view: CheckView = "reviewer"): FormChecker {
  return checkForm(form.rows, form.headerRow, form.profile ?? profile, masters, view);
}
