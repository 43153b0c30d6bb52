// Addresses as Excel gives them in events and takes them in getRange/getRanges: "C14", "A4:AN1003", "5:7", "C:C".
import { columnIndex, columnLetter } from "../domain";

export const SHEET_ROWS = 1048576;

/** Rows (1-based, inclusive) and columns (0-based, inclusive) of one area; whole rows/columns are open-ended. */
export interface Area {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

const PART = /^\$?([A-Z]{1,3})?\$?(\d{1,7})?$/i;

function corner(text: string): { column?: number; row?: number } | undefined {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** One area of an address, without the sheet part; undefined when it cannot be read. */
export function parseArea(text: string): Area | undefined {
  const body = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const [a, b = a, extra] = body.trim().split(":");
  if (extra !== undefined) return undefined;
  const p = corner(a);
  const q = corner(b);
  if (!p || !q) return undefined;
  const rows = [p.row, q.row];
  const cols = [p.column, q.column];
  const r1 = rows[0] ?? 1, r2 = rows[1] ?? SHEET_ROWS;
  const c1 = cols[0] ?? 0, c2 = cols[1] ?? 16383;
  if ((p.row === undefined) !== (q.row === undefined) || (p.column === undefined) !== (q.column === undefined)) return undefined;
  return { firstRow: Math.min(r1, r2), lastRow: Math.max(r1, r2), firstColumn: Math.min(c1, c2), lastColumn: Math.max(c1, c2) };
}

/** Every area of a possibly multi-area address ("A1:B2, D4"); areas that cannot be read are left out. */
export function parseAreas(text: string): Area[] {
  return text.split(",").flatMap((part) => {
    const a = parseArea(part);
    return a ? [a] : [];
  });
}

/** The top-left cell of an address, e.g. the selection "C14:D15" → { row: 14, column: "C" }. */
export function topLeft(address: string): { row: number; column: string } | undefined {
  const a = parseArea(address.split(",")[0]);
  return a ? { row: a.firstRow, column: columnLetter(a.firstColumn) } : undefined;
}

/** A single cell "C14" (no sheet, no range) → its row and column index; undefined otherwise. */
export function parseCell(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const column = columnIndex(m[1]);
  if (row < 1 || row > SHEET_ROWS || column > 16383) return undefined;
  return { row, column };
}

/** Sorted, distinct row numbers → runs of consecutive rows [first, last]. */
export function rowRuns(rows: Iterable<number>): [number, number][] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Column indexes → runs of adjacent columns [first, last]. */
export function columnRuns(columns: Iterable<number>): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** "A4:E10", or "A4" for one cell. */
export function areaAddress(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  const a = `${columnLetter(firstColumn)}${firstRow}`;
  return firstColumn === lastColumn && firstRow === lastRow ? a : `${a}:${columnLetter(lastColumn)}${lastRow}`;
}

/** Joins area addresses with commas into strings of at most `maxLength` characters (for Worksheet.getRanges). */
export function joinAreas(areas: readonly string[], maxLength: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    if (current && current.length + 1 + a.length > maxLength) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}
