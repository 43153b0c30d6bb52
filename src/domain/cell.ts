/**
 * One cell as the domain sees it: what Excel (Office.js `values` + `valueTypes`) or exceljs gives,
 * reduced to plain data. Error values (#N/A, #REF!…) are objects so that they can never be mistaken
 * for text the user typed.
 */
export interface CellError {
  error: string;
  /**
   * Set by the workbook reader when the file holds no value Excel could show: a formula saved without its result,
   * a shared string that is not in the file. Such a cell is never blank (its row stays in the data area).
   */
  unread?: UnreadCell;
}

export type UnreadCell = "formula-uncached" | "shared-string-missing";
export type Cell = string | number | boolean | null | CellError;

export function isCellError(cell: Cell | undefined): cell is CellError {
  return typeof cell === "object" && cell !== null;
}

/**
 * Number → text without losing digits: the shortest form that reads back as the same number, which has no
 * exponent below 1e21 (312345678 → "312345678"). Unlike toFixed it invents no digits beyond 2^53.
 */
export function numberText(n: number): string {
  return String(n);
}

/** The text of a cell as the user sees it (before trimming). Error values give their code (#N/A). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.error;
}

/** A formula saved without its result (written by a program that keeps none: exceljs, openpyxl). */
export function isUncachedFormula(cell: Cell | undefined): boolean {
  return isCellError(cell) && cell.unread === "formula-uncached";
}

/**
 * Whether a cell makes its row a data row: a value, or an error value Excel would show. A formula with no stored
 * result and nothing typed does not (the distributable form's lookup formula in I of every empty row); a data row
 * whose formula has no result still reports it (cell.formula-uncached).
 */
export function hasValue(cell: Cell | undefined): boolean {
  return isCellError(cell) ? cell.unread !== "formula-uncached" : !isBlankCell(cell);
}

const BLANK = /^[\s\u3000]*$/;

export function isBlankCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell === "" || (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(0) >= 0x80 ? BLANK.test(cell) : false);
  return false;
}
