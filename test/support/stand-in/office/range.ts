// Range: one rectangle of a worksheet — values, formulas, number formats, text, fill — and the ranges derived from it.
import { formatArea, type Rect } from "../model/address";
import type { SheetModel } from "../model/sheet-model";
import { apiValue, displayText, valueType, writtenValue, type ModelValue } from "../model/values";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { RangeFormat } from "./range-format";
import { ClientObject, HostRequestContext, jsonBytes } from "./request-context";
import { requireApi } from "./require-api";

/** What a range needs of its worksheet (worksheet.ts's Worksheet): the sheet it stands for, found at sync. */
export interface SheetProxy extends ClientObject {
  resolve(): SheetModel | undefined;
}

type Grid = unknown[][];

function sameShape(value: unknown, rect: Rect): value is Grid {
  return Array.isArray(value) && value.length === rect.rowCount && value.every((r) => Array.isArray(r) && r.length === rect.columnCount);
}

/** A 2-D array of exactly the range's size, or one value for every cell; anything else is InvalidArgument. */
function cellsOf(value: unknown, rect: Rect, property: string): (r: number, c: number) => unknown {
  if (Array.isArray(value)) {
    if (!sameShape(value, rect)) {
      throw new OfficeExtensionError(
        ErrorCodes.invalidArgument,
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: range is ${rect.rowCount}×${rect.columnCount}).`,
        `Range.${property}`,
      );
    }
    return (r, c) => value[r][c];
  }
  return () => value;
}

export class Range extends ClientObject {
  static readonly SCALARS = ["address", "addressLocal", "cellCount", "columnCount", "columnIndex", "rowCount", "rowIndex", "values", "valueTypes", "numberFormat", "text", "formulas"] as const;
  protected readonly scalarProperties: readonly string[] = Range.SCALARS;
  private resolved: { sheet: SheetModel; rect: Rect } | null | undefined;
  readonly format: RangeFormat;

  constructor(
    ctx: HostRequestContext,
    readonly worksheetProxy: SheetProxy,
    private readonly origin: string,
    private readonly area: (s: SheetModel) => Rect | undefined,
    private readonly orNull = false,
  ) {
    super(ctx, "Range");
    this.format = new RangeFormat(ctx, () => this.resolveAreas());
  }

  get worksheet(): SheetProxy {
    return this.worksheetProxy;
  }

  /** Sheet and rectangle at sync; fixed once found (later row inserts do not move it, as untracked ranges in Excel). */
  resolve(): { sheet: SheetModel; rect: Rect } | null {
    if (this.resolved !== undefined) {
      if (this.resolved && !this.context.host.sheetById(this.resolved.sheet.id)) throw itemNotFound(this.origin);
      return this.resolved;
    }
    const sheet = this.worksheetProxy.resolve();
    if (!sheet) return (this.resolved = null);
    const rect = this.area(sheet);
    if (!rect) {
      if (this.orNull) return (this.resolved = null);
      throw itemNotFound(this.origin);
    }
    return (this.resolved = { sheet, rect });
  }

  private resolveAreas(): { sheet: SheetModel; rects: Rect[] } | null {
    const r = this.resolve();
    return r ? { sheet: r.sheet, rects: [r.rect] } : null;
  }

  queueResolve(): void {
    this.queue({ location: this.origin, requestBytes: 60, write: false, run: () => {
      const r = this.resolve();
      return { responseBytes: 20, deliver: () => { this.nullState = !r; } };
    } });
  }

  protected override queueLoad(names: readonly string[]): void {
    super.queueLoad(names);
    this.queue({ location: this.origin, requestBytes: 0, write: false, run: () => {
      const r = this.resolve();
      return { responseBytes: 0, deliver: () => { this.nullState = !r; } };
    } });
  }

  protected override navigation(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheetProxy;
    return undefined;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> | undefined {
    const r = this.resolve();
    if (!r) return undefined;
    const { sheet, rect } = r;
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
      const out: T[][] = new Array(rect.rowCount);
      for (let i = 0; i < rect.rowCount; i++) {
        const row: T[] = new Array(rect.columnCount);
        for (let j = 0; j < rect.columnCount; j++) row[j] = f(rect.row + i, rect.column + j);
        out[i] = row;
      }
      return out;
    };
    const data: Record<string, unknown> = {};
    for (const n of names) {
      switch (n) {
        case "address":
        case "addressLocal":
          data[n] = formatArea(rect, sheet.name);
          break;
        case "cellCount":
          data[n] = rect.rowCount * rect.columnCount;
          break;
        case "columnCount":
          data[n] = rect.columnCount;
          break;
        case "rowCount":
          data[n] = rect.rowCount;
          break;
        case "columnIndex":
          data[n] = rect.column;
          break;
        case "rowIndex":
          data[n] = rect.row;
          break;
        case "values":
        case "formulas":
          data[n] = grid((i, j) => apiValue(sheet.value(i, j)));
          break;
        case "valueTypes":
          data[n] = grid((i, j) => valueType(sheet.value(i, j)));
          break;
        case "numberFormat":
          data[n] = grid((i, j) => sheet.numberFormat(i, j));
          break;
        case "text":
          data[n] = grid((i, j) => displayText(sheet.value(i, j)));
          break;
      }
    }
    return data;
  }

  get address(): string { return this.read("address"); }
  get addressLocal(): string { return this.read("addressLocal"); }
  get cellCount(): number { return this.read("cellCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get valueTypes(): string[][] { return this.read("valueTypes"); }
  get text(): string[][] { return this.read("text"); }

  get values(): unknown[][] { return this.read("values"); }
  set values(value: unknown[][]) {
    this.setValues.set("values", value);
    this.writeCells("values", value);
  }

  get formulas(): unknown[][] { return this.read("formulas"); }
  set formulas(value: unknown[][]) {
    this.setValues.set("formulas", value);
    this.writeCells("formulas", value);
  }

  get numberFormat(): unknown[][] { return this.read("numberFormat"); }
  set numberFormat(value: unknown[][]) {
    this.setValues.set("numberFormat", value);
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.queue({ location: "Range.numberFormat", requestBytes: jsonBytes(copy) + 60, write: true, run: () => {
      const r = this.resolve();
      if (!r) return;
      const at = cellsOf(copy, r.rect, "numberFormat");
      const formats: (string | undefined)[][] = [];
      for (let i = 0; i < r.rect.rowCount; i++) {
        formats.push([]);
        for (let j = 0; j < r.rect.columnCount; j++) {
          const f = at(i, j);
          if (f !== null && f !== undefined && typeof f !== "string") throw invalidArgument("numberFormat", "Range.numberFormat");
          formats[i].push(f === null ? undefined : (f as string | undefined));
        }
      }
      this.context.host.writeNumberFormats(r.sheet.id, r.rect, formats, "addin");
    } });
  }

  private writeCells(property: string, value: unknown): void {
    // Copied now: the caller may change its array after the assignment; Excel sees the value as it was.
    const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    this.queue({ location: `Range.${property}`, requestBytes: jsonBytes(copy) + 60, write: true, run: () => {
      const r = this.resolve();
      if (!r) return;
      const at = cellsOf(copy, r.rect, property);
      const values: (ModelValue | undefined)[][] = [];
      for (let i = 0; i < r.rect.rowCount; i++) {
        const row: (ModelValue | undefined)[] = [];
        for (let j = 0; j < r.rect.columnCount; j++) {
          const v = at(i, j);
          if (v === null || v === undefined) {
            row.push(undefined); // null leaves the cell as it is
            continue;
          }
          if (typeof v === "object") throw invalidArgument(property, `Range.${property}`);
          row.push(writtenValue(v, r.sheet.numberFormat(r.rect.row + i, r.rect.column + j)));
        }
        values.push(row);
      }
      this.context.host.writeValues(r.sheet.id, r.rect, values, "addin");
    } });
  }

  select(): void {
    this.queue({ location: "Range.select", requestBytes: 60, write: true, run: () => {
      const r = this.resolve();
      if (r) this.context.host.select(r.sheet.id, r.rect, "addin");
    } });
  }

  clear(applyTo?: string): void {
    this.queue({ location: "Range.clear", requestBytes: 60, write: true, run: () => {
      const r = this.resolve();
      if (!r) return;
      const what = applyTo ?? "All";
      if (what === "All" || what === "Contents") {
        this.context.host.writeValues(r.sheet.id, r.rect, Array.from({ length: r.rect.rowCount }, () => new Array(r.rect.columnCount).fill(null)), "addin");
      }
      if (what === "All" || what === "Formats") {
        this.context.host.writeFill(r.sheet.id, [r.rect], null, "addin");
        this.context.host.writeNumberFormats(r.sheet.id, r.rect, Array.from({ length: r.rect.rowCount }, () => new Array(r.rect.columnCount).fill("General")), "addin");
      }
    } });
  }

  private derived(origin: string, f: (rect: Rect) => Rect): Range {
    return new Range(this.context, this.worksheetProxy, origin, () => {
      const r = this.resolve();
      if (!r) throw itemNotFound(origin);
      const out = f(r.rect);
      if (out.row < 0 || out.column < 0 || out.rowCount < 1 || out.columnCount < 1) throw invalidArgument("offset", origin);
      return out;
    });
  }

  /** The used cells within this range; ItemNotFound at sync when there are none (as Excel). */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, this.worksheetProxy, "Range.getUsedRange", (s) => {
      const r = this.resolve();
      return r ? s.usedRect(!!valuesOnly, r.rect) : undefined;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    requireApi(this.context, "Range.getUsedRangeOrNullObject", "1.4");
    const used = new Range(this.context, this.worksheetProxy, "Range.getUsedRangeOrNullObject", (s) => {
      const r = this.resolve();
      return r ? s.usedRect(!!valuesOnly, r.rect) : undefined;
    }, true);
    used.queueResolve();
    return used;
  }

  getCell(row: number, column: number): Range {
    return this.derived("Range.getCell", (rect) => ({ row: rect.row + row, column: rect.column + column, rowCount: 1, columnCount: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived("Range.getOffsetRange", (rect) => ({ ...rect, row: rect.row + rowOffset, column: rect.column + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("Range.getResizedRange", (rect) => ({ ...rect, rowCount: rect.rowCount + deltaRows, columnCount: rect.columnCount + deltaColumns }));
  }

  getRow(row: number): Range {
    return this.derived("Range.getRow", (rect) => ({ row: rect.row + row, column: rect.column, rowCount: 1, columnCount: rect.columnCount }));
  }

  getColumn(column: number): Range {
    return this.derived("Range.getColumn", (rect) => ({ row: rect.row, column: rect.column + column, rowCount: rect.rowCount, columnCount: 1 }));
  }
}
