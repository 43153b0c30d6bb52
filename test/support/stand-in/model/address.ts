// A1-style addresses for the stand-in host: "C14", "A4:AN10", "A:A", "3:5", "$A$1", "'申請 様式'!A1:B2".
// Independent of src/excel on purpose: the stand-in must not share the code it tests.

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, zero-based. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(text: string): Corner | undefined {
  let m = CELL.exec(text);
  if (m) return { column: columnNumber(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { column: columnNumber(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

/** Splits "Sheet!A1:B2" into the sheet part (unquoted) and the range part. */
export function splitSheet(address: string): { sheet?: string; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** One area ("A1", "A1:B2", "A:C", "3:5") → rectangle, or undefined when it is not a valid address. */
export function parseArea(text: string): Rect | undefined {
  const parts = text.trim().split(":");
  if (parts.length > 2 || parts[0] === "") return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  const wholeColumns = a.row === undefined && b.row === undefined && a.column !== undefined && b.column !== undefined;
  const wholeRows = a.column === undefined && b.column === undefined && a.row !== undefined && b.row !== undefined;
  if (parts.length === 1 && (wholeColumns || wholeRows)) return undefined;
  let r1: number, r2: number, c1: number, c2: number;
  if (wholeColumns) {
    r1 = 0;
    r2 = MAX_ROWS - 1;
    c1 = a.column!;
    c2 = b.column!;
  } else if (wholeRows) {
    c1 = 0;
    c2 = MAX_COLUMNS - 1;
    r1 = a.row!;
    r2 = b.row!;
  } else if (a.row !== undefined && a.column !== undefined && b.row !== undefined && b.column !== undefined) {
    r1 = a.row;
    r2 = b.row;
    c1 = a.column;
    c2 = b.column;
  } else {
    return undefined;
  }
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  const rect = { row: top, column: left, rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
  if (rect.row < 0 || rect.column < 0 || rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS) return undefined;
  return rect;
}

/** "A1:B2,D4" → rectangles; undefined if any area is invalid. */
export function parseAreas(text: string): Rect[] | undefined {
  const out: Rect[] = [];
  for (const part of text.split(",")) {
    const r = parseArea(part);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

export function quoteSheetName(name: string): string {
  // Excel quotes sheet names that are not plain words (spaces, punctuation, a leading digit).
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Rectangle → "A1" or "A1:B2" (whole rows "3:5", whole columns "A:C"), optionally with the sheet. */
export function formatArea(rect: Rect, sheet?: string): string {
  let body: string;
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) {
    body = `${rect.row + 1}:${rect.row + rect.rowCount}`;
  } else if (rect.row === 0 && rect.rowCount === MAX_ROWS) {
    body = `${columnLetters(rect.column)}:${columnLetters(rect.column + rect.columnCount - 1)}`;
  } else {
    const first = `${columnLetters(rect.column)}${rect.row + 1}`;
    body =
      rect.rowCount === 1 && rect.columnCount === 1
        ? first
        : `${first}:${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
  }
  return sheet === undefined ? body : `${quoteSheetName(sheet)}!${body}`;
}
