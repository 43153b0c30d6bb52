// One sheet of the stand-in host's workbook: cells (value, number format, fill), selection, used range, row and column inserts.
import { MAX_COLUMNS, type Rect } from "./address";
import { valueType, type ModelValue, type ValueType } from "./values";

export interface CellSnapshot {
  value: ModelValue;
  valueType: ValueType;
  numberFormat: string;
  fill: string | null;
}

export class SheetModel {
  values: ModelValue[][] = [];
  formats: (string | null | undefined)[][] = [];
  fills: (string | null | undefined)[][] = [];
  columnWidths: number[] = [];
  selection: Rect = { row: 0, column: 0, rowCount: 1, columnCount: 1 };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(row: number, column: number): ModelValue {
    return this.values[row]?.[column] ?? null;
  }

  numberFormat(row: number, column: number): string {
    return this.formats[row]?.[column] ?? "General";
  }

  fill(row: number, column: number): string | null {
    return this.fills[row]?.[column] ?? null;
  }

  setValue(row: number, column: number, v: ModelValue): void {
    (this.values[row] ??= [])[column] = v;
  }

  setNumberFormat(row: number, column: number, f: string): void {
    (this.formats[row] ??= [])[column] = f === "General" ? undefined : f;
  }

  setFill(row: number, column: number, color: string | null): void {
    (this.fills[row] ??= [])[column] = color;
  }

  cell(row: number, column: number): CellSnapshot {
    const value = this.value(row, column);
    return { value, valueType: valueType(value), numberFormat: this.numberFormat(row, column), fill: this.fill(row, column) };
  }

  /** Rows the sheet has anything in (values, or formats/fills unless valuesOnly). */
  rowExtent(valuesOnly: boolean): number {
    let n = this.values.length;
    while (n > 0 && !rowHasValue(this.values[n - 1])) n--;
    if (valuesOnly) return n;
    const styled = (grid: unknown[][]) => {
      let m = grid.length;
      while (m > 0 && !(grid[m - 1] ?? []).some((x) => x !== undefined && x !== null)) m--;
      return m;
    };
    return Math.max(n, styled(this.formats), styled(this.fills));
  }

  /** The used range: the smallest rectangle holding every value (and, unless valuesOnly, every format). */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | undefined {
    let top = -1, bottom = -1, left = MAX_COLUMNS, right = -1;
    const inside = (r: number, c: number) =>
      !within || (r >= within.row && r < within.row + within.rowCount && c >= within.column && c < within.column + within.columnCount);
    const scan = (grid: unknown[][], isUsed: (x: unknown) => boolean) => {
      grid.forEach((row, r) => {
        if (!row) return;
        row.forEach((x, c) => {
          if (!isUsed(x) || !inside(r, c)) return;
          if (top < 0 || r < top) top = r;
          if (r > bottom) bottom = r;
          if (c < left) left = c;
          if (c > right) right = c;
        });
      });
    };
    scan(this.values, (x) => x !== null && x !== undefined);
    if (!valuesOnly) {
      scan(this.formats, (x) => x !== null && x !== undefined);
      scan(this.fills, (x) => x !== null && x !== undefined);
    }
    if (bottom < 0) return undefined;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  insertRows(at: number, count: number): void {
    // Inserted rows take the formats and fills of the row above, as Excel's "Format Same As Above".
    const above = at > 0 ? at - 1 : undefined;
    const blank = <T>(src: T[][]) => Array.from({ length: count }, () => (above === undefined ? [] : [...(src[above] ?? [])]));
    spliceRows(this.values, at, 0, Array.from({ length: count }, () => []));
    spliceRows(this.formats, at, 0, blank(this.formats));
    spliceRows(this.fills, at, 0, blank(this.fills));
  }

  deleteRows(at: number, count: number): void {
    spliceRows(this.values, at, count, []);
    spliceRows(this.formats, at, count, []);
    spliceRows(this.fills, at, count, []);
  }

  /** Inserts empty columns at `at`; they take the formats and fills of the column to their left, as Excel does. */
  insertColumns(at: number, count: number): void {
    const left = <T>(row: T[]) => Array.from({ length: count }, () => (at > 0 ? row[at - 1] : undefined) as T);
    for (const row of this.values) if (row && row.length > at) row.splice(at, 0, ...Array.from({ length: count }, () => null));
    for (const grid of [this.formats, this.fills]) for (const row of grid) if (row && row.length > at) row.splice(at, 0, ...left(row));
    if (this.columnWidths.length > at) this.columnWidths.splice(at, 0, ...left(this.columnWidths));
  }

  deleteColumns(at: number, count: number): void {
    for (const grid of [this.values, this.formats, this.fills]) for (const row of grid) if (row && row.length > at) row.splice(at, count);
    if (this.columnWidths.length > at) this.columnWidths.splice(at, count);
  }
}

function rowHasValue(row: ModelValue[] | undefined): boolean {
  return !!row && row.some((v) => v !== null && v !== undefined);
}

function spliceRows<T>(grid: T[][], at: number, remove: number, insert: T[][]): void {
  if (grid.length < at) grid.length = at;
  grid.splice(at, remove, ...insert);
}
