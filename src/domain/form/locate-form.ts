import { cellText, hasValue, type Cell } from "../cell";
import { columnIndex } from "../columns";
import type { FormProfile } from "../profile/schema";
import { nfkc, trimSpaces } from "../text/normalize";
import type { FormRow } from "../check/row-state";

export interface FormLocation {
  /** Sheet row number of the header (利用者名 in B). */
  headerRow: number;
  firstDataRow: number;
}

/**
 * Finds the header row: the one whose marker column holds the marker label (利用者名 in B) within the first
 * rows. `top` holds the sheet's first rows starting at row 1; returns undefined when the sheet is not a form.
 */
export function locateHeader(top: readonly (readonly Cell[])[], profile: FormProfile, options: { anyColumn?: boolean } = {}): FormLocation | undefined {
  const { column, label } = profile.sheet.headerMarker;
  const col = columnIndex(column);
  const want = nfkc(label).replace(/\s+/g, "");
  const limit = Math.min(top.length, profile.sheet.headerSearchRows);
  const marks = (cell: Cell | undefined) => nfkc(trimSpaces(cellText(cell ?? null))).replace(/\s+/g, "") === want;
  for (let i = 0; i < limit; i++) {
    if (marks(top[i]?.[col])) return { headerRow: i + 1, firstDataRow: i + 2 };
  }
  // A form whose columns were inserted or moved before the marker: the marker's label in any column of a row.
  if (options.anyColumn) {
    for (let i = 0; i < limit; i++) {
      if ((top[i] ?? []).some((c) => marks(c))) return { headerRow: i + 1, firstDataRow: i + 2 };
    }
  }
  return undefined;
}

/**
 * True when a row has any value in the form's data columns (B..AN): formatting alone does not count, nor does a
 * formula saved without its result (`hasValue`).
 */
export function rowHasData(cells: readonly Cell[], dataColumns: readonly number[]): boolean {
  for (const i of dataColumns) {
    if (hasValue(cells[i])) return true;
  }
  return false;
}

/**
 * The data area of a sheet read as a grid (row 0 of `grid` = sheet row `gridFirstRow`): from the row after
 * the header down to the last row with data. Rows below the last filled row are not part of the form.
 */
export function dataRows(
  grid: readonly (readonly Cell[])[],
  gridFirstRow: number,
  location: FormLocation,
  dataColumns: readonly number[],
): FormRow[] {
  const start = location.firstDataRow - gridFirstRow;
  let end = grid.length - 1;
  while (end >= start && !rowHasData(grid[end], dataColumns)) end--;
  const rows: FormRow[] = [];
  for (let i = Math.max(start, 0); i <= end; i++) rows.push({ row: gridFirstRow + i, cells: grid[i] });
  return rows;
}
