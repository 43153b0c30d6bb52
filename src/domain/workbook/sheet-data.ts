import type { Cell } from "../cell";

/** What the workbook reader gives: sheets as plain values, with their state, merges and hidden rows. */

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A rectangle of cells: rows as Excel numbers them (1-based), columns 0-based (A = 0). */
export interface CellRange {
  ref: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A sheet read into plain values: row 0 is sheet row 1, column 0 is column A. */
export interface SheetData {
  name: string;
  values: Cell[][];
  /** Known when read from a file by the workbook reader (absent: visible, nothing merged or hidden). */
  state?: SheetState;
  merges?: readonly CellRange[];
  /** Sheet row numbers of hidden rows. */
  hiddenRows?: readonly number[];
}

/**
 * Which columns of a sheet are worth reading. The first `head` rows are always read whole, and the choice is made
 * from them; cells of other columns below them are skipped (their shared strings are never decoded). A sheet whose
 * head rows turn up after later rows (no real file does that) is read again whole, so nothing depends on row order.
 */
export interface ColumnFilter {
  head: number;
  /** The columns (A = 0) to read below the head rows, or undefined to read them all. */
  columns(sheetName: string, head: readonly (readonly Cell[])[]): readonly number[] | undefined;
}
