// Domain cells as Excel values + number formats, for the sheets the add-in writes (submissions, masters).
import type { Cell } from "../domain";

const TEXT = "@";
const GENERAL = "General";

/** One submitted cell as Excel values/numberFormat: text as text, numbers as numbers, error values as the same error. */
export function excelCell(cell: Cell | undefined): { value: string | number | boolean; format: string } {
  if (cell === null || cell === undefined) return { value: "", format: GENERAL };
  if (typeof cell === "string") return { value: cell, format: TEXT };
  if (typeof cell === "number" || typeof cell === "boolean") return { value: cell, format: GENERAL };
  // An error literal is a valid formula: =#N/A gives #N/A, so the copy has the same error value as the file.
  return { value: /^#[A-Z0-9/!?]+$/.test(cell.error) ? `=${cell.error}` : `=NA()`, format: GENERAL };
}

/** The widest row's length, at least `min` (a loop: spreading 180,000 rows into Math.max overflows the stack). */
export function widthOf(rows: readonly (readonly unknown[])[], min: number): number {
  let width = min;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}
