// Excel's object model over the workbook model: Workbook, WorksheetCollection, Worksheet, Range, RangeAreas,
// RangeFormat/RangeFill and events — the subset the add-in uses, with Office.js's rules enforced.
import { formatArea, parseArea, parseAreas, splitSheet, type Rect } from "../model/address";
import { apiValue, displayText, valueType, writtenValue, type ModelValue } from "../model/values";
import type { HostEvent, SheetModel, WorkbookModel } from "../model/workbook-model";
import { apiNotFound, ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { ClientObject, HostRequestContext, jsonBytes, parseLoadArgument } from "./request-context";

/** Excel on the web rejects getRanges addresses of about 8,200 characters (office-js issue #5198). */
export const MAX_MULTI_AREA_ADDRESS = 8192;

function requireApi(ctx: HostRequestContext, member: string, version: string): void {
  if (!ctx.host.apiSupported(version)) throw apiNotFound(member, version);
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", lightblue: "#ADD8E6", lightgreen: "#90EE90", pink: "#FFC0CB",
};

function normalizeColor(color: unknown, location: string): string {
  if (typeof color !== "string") throw invalidArgument("color", location);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(color)) return color.toUpperCase();
  throw invalidArgument("color", location);
}

// ---------------------------------------------------------------------------------------------- Workbook

export class Workbook extends ClientObject {
  protected readonly scalarProperties = ["name"] as const;
  readonly worksheets: WorksheetCollection;

  constructor(ctx: HostRequestContext) {
    super(ctx, "Workbook");
    this.worksheets = new WorksheetCollection(ctx);
    this.nullState = false;
  }

  get name(): string {
    return this.read("name");
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "worksheets" ? this.worksheets : undefined;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, "Book1.xlsx"]));
  }

  getSelectedRange(): Range {
    const host = this.context.host;
    const sheet = new Worksheet(this.context, "Workbook.getSelectedRange", () => host.activeSheet(), false);
    return new Range(this.context, sheet, "Workbook.getSelectedRange", (s) => s.selection);
  }

  getActiveCell(): Range {
    requireApi(this.context, "Workbook.getActiveCell", "1.7");
    const host = this.context.host;
    const sheet = new Worksheet(this.context, "Workbook.getActiveCell", () => host.activeSheet(), false);
    return new Range(this.context, sheet, "Workbook.getActiveCell", (s) => ({ row: s.selection.row, column: s.selection.column, rowCount: 1, columnCount: 1 }));
  }
}

// ------------------------------------------------------------------------------------ WorksheetCollection

export class WorksheetCollection extends ClientObject {
  protected readonly scalarProperties = [] as const;
  private loadedItems: Worksheet[] | undefined;

  constructor(ctx: HostRequestContext) {
    super(ctx, "WorksheetCollection");
    this.nullState = false;
  }

  get items(): Worksheet[] {
    if (!this.loadedItems) throw new OfficeExtensionError(ErrorCodes.propertyNotLoaded, `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, "WorksheetCollection.items");
    return this.loadedItems;
  }

  protected readScalars(): Record<string, unknown> {
    return {};
  }

  /** load("items/name,items/id"), load("name"), load({ select: "name" }) or load(): every item with those properties. */
  override load(arg?: unknown): this {
    const parsed = parseLoadArgument(arg);
    const props = parsed === "all" ? Worksheet.SCALARS : parsed.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items" && p !== "");
    const wanted = props.length ? props : Worksheet.SCALARS;
    for (const p of wanted) if (!Worksheet.SCALARS.includes(p)) throw new OfficeExtensionError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on Worksheet.`, "WorksheetCollection.load");
    const ctx = this.context;
    this.queue({
      location: "WorksheetCollection.load",
      requestBytes: jsonBytes(wanted) + 60,
      write: false,
      run: () => {
        const sheets = ctx.host.sheets();
        const data = sheets.map((s, i) => Worksheet.scalarsOf(s, i, wanted, ctx.host));
        return {
          responseBytes: jsonBytes(data),
          deliver: () => {
            this.loadedItems = sheets.map((s, i) => {
              const ws = new Worksheet(ctx, "WorksheetCollection.items", () => ctx.host.sheetById(s.id), false);
              ws.bindLoaded(s.id, data[i]);
              return ws;
            });
          },
        };
      },
    });
    return this;
  }

  getItem(key: string): Worksheet {
    const host = this.context.host;
    return new Worksheet(this.context, `WorksheetCollection.getItem(${JSON.stringify(key)})`, () => host.sheet(String(key)), false);
  }

  getItemOrNullObject(key: string): Worksheet {
    requireApi(this.context, "WorksheetCollection.getItemOrNullObject", "1.4");
    const host = this.context.host;
    const ws = new Worksheet(this.context, `WorksheetCollection.getItemOrNullObject(${JSON.stringify(key)})`, () => host.sheet(String(key)), true);
    ws.queueResolve();
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    const host = this.context.host;
    return new Worksheet(this.context, "WorksheetCollection.getActiveWorksheet", () => host.activeSheet(), false);
  }

  getCount(): ClientResult<number> {
    requireApi(this.context, "WorksheetCollection.getCount", "1.4");
    const result = new ClientResult<number>();
    const host = this.context.host;
    this.queue({ location: "WorksheetCollection.getCount", requestBytes: 60, write: false, run: () => {
      const n = host.sheets().length;
      return { responseBytes: 8, deliver: () => result.set(n) };
    } });
    return result;
  }

  add(name?: string): Worksheet {
    const host = this.context.host;
    let created: SheetModel | undefined;
    const ws = new Worksheet(this.context, "WorksheetCollection.add", () => created, false);
    this.queue({ location: "WorksheetCollection.add", requestBytes: jsonBytes(name ?? null) + 60, write: true, run: () => {
      let n = name;
      if (!n) for (let i = host.sheets().length + 1; !n || host.sheetByName(n); i++) n = `Sheet${i}`;
      if (host.sheetByName(n)) throw new OfficeExtensionError(ErrorCodes.itemAlreadyExists, "The resource already exists.", "WorksheetCollection.add");
      created = host.addSheet(n, "addin");
    } });
    return ws;
  }

  get onActivated() { return this.collectionEvent("onActivated", "1.7", "activated"); }
  get onDeactivated() { return this.collectionEvent("onDeactivated", "1.7", "deactivated"); }
  get onAdded() { return this.collectionEvent("onAdded", "1.7", "added"); }
  get onDeleted() { return this.collectionEvent("onDeleted", "1.7", "deleted"); }
  get onChanged() { return this.collectionEvent("onChanged", "1.9", "changed"); }
  get onSelectionChanged() { return this.collectionEvent("onSelectionChanged", "1.9", "selectionChanged"); }
  get onFormatChanged() { return this.collectionEvent("onFormatChanged", "1.9", "formatChanged"); }
  get onNameChanged() { return this.collectionEvent("onNameChanged", "1.17", "nameChanged"); }

  private events = new Map<string, EventHandlers>();
  private collectionEvent(member: string, version: string, type: HostEvent["type"]): EventHandlers {
    requireApi(this.context, `WorksheetCollection.${member}`, version);
    let e = this.events.get(member);
    if (!e) {
      e = new EventHandlers(this, this.context, `WorksheetCollection.${member}`, () => (ev) => ev.type === type);
      this.events.set(member, e);
    }
    return e;
  }
}

// ------------------------------------------------------------------------------------------- Worksheet

export class Worksheet extends ClientObject {
  static readonly SCALARS: readonly string[] = ["id", "name", "position", "visibility"];
  protected readonly scalarProperties = Worksheet.SCALARS;
  private boundId: string | undefined;

  constructor(
    ctx: HostRequestContext,
    private readonly origin: string,
    private readonly locate: () => SheetModel | undefined,
    private readonly orNull: boolean,
  ) {
    super(ctx, "Worksheet");
  }

  static scalarsOf(s: SheetModel, position: number, names: readonly string[], _host: WorkbookModel): Record<string, unknown> {
    const all: Record<string, unknown> = { id: s.id, name: s.name, position, visibility: "Visible" };
    return Object.fromEntries(names.map((n) => [n, all[n]]));
  }

  bindLoaded(id: string, data: Record<string, unknown>): void {
    this.boundId = id;
    this.nullState = false;
    for (const [k, v] of Object.entries(data)) this.loadedValues.set(k, v);
  }

  /** The sheet this proxy stands for, found at sync (by id once found, so a rename does not lose it). */
  resolve(): SheetModel | undefined {
    const host = this.context.host;
    const found = this.boundId !== undefined ? host.sheetById(this.boundId) : this.locate();
    if (found) this.boundId = found.id;
    if (!found && !this.orNull) throw itemNotFound(this.origin);
    return found;
  }

  queueResolve(): void {
    this.queue({ location: this.origin, requestBytes: 60, write: false, run: () => {
      const found = this.resolve();
      return { responseBytes: 20, deliver: () => { this.nullState = !found; } };
    } });
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> | undefined {
    const s = this.resolve();
    if (!s) return undefined;
    const position = this.context.host.sheets().indexOf(s);
    return Worksheet.scalarsOf(s, position, names, this.context.host);
  }

  protected override queueLoad(names: readonly string[]): void {
    super.queueLoad(names);
    // A proxy that has been to Excel knows whether it is a null object.
    this.queue({ location: this.origin, requestBytes: 0, write: false, run: () => {
      const found = this.resolve();
      return { responseBytes: 0, deliver: () => { this.nullState = !found; } };
    } });
  }

  get id(): string { return this.read("id"); }
  get position(): number { return this.read("position"); }
  get visibility(): string { return this.read("visibility"); }
  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.setValues.set("name", value);
    this.queue({ location: "Worksheet.name", requestBytes: jsonBytes(value) + 60, write: true, run: () => {
      const s = this.resolve();
      if (!s) return;
      const clash = this.context.host.sheetByName(value);
      if (clash && clash !== s) throw new OfficeExtensionError(ErrorCodes.itemAlreadyExists, "The resource already exists.", "Worksheet.name");
      try {
        this.context.host.rename(s.id, value, "addin");
      } catch {
        throw invalidArgument("name", "Worksheet.name");
      }
    } });
  }

  private rangeOf(origin: string, rect: (s: SheetModel) => Rect | undefined): Range {
    return new Range(this.context, this, origin, rect);
  }

  getRange(address?: string): Range {
    if (address === undefined || address === "") return this.rangeOf("Worksheet.getRange", () => ({ row: 0, column: 0, rowCount: 1048576, columnCount: 16384 }));
    const { range } = splitSheet(String(address));
    const rect = parseArea(range);
    return this.rangeOf(`Worksheet.getRange(${JSON.stringify(address)})`, () => {
      if (!rect) throw invalidArgument("address", "Worksheet.getRange");
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    requireApi(this.context, "Worksheet.getRangeByIndexes", "1.7");
    return this.rangeOf("Worksheet.getRangeByIndexes", () => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw invalidArgument("rowCount", "Worksheet.getRangeByIndexes");
      }
      return { row: startRow, column: startColumn, rowCount, columnCount };
    });
  }

  getCell(row: number, column: number): Range {
    return this.rangeOf("Worksheet.getCell", () => ({ row, column, rowCount: 1, columnCount: 1 }));
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return this.rangeOf("Worksheet.getUsedRange", (s) => s.usedRect(!!valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    requireApi(this.context, "Worksheet.getUsedRangeOrNullObject", "1.4");
    const r = new Range(this.context, this, "Worksheet.getUsedRangeOrNullObject", (s) => s.usedRect(!!valuesOnly), true);
    r.queueResolve();
    return r;
  }

  getRanges(address: string): RangeAreas {
    requireApi(this.context, "Worksheet.getRanges", "1.9");
    return new RangeAreas(this.context, this, String(address));
  }

  activate(): void {
    this.queue({ location: "Worksheet.activate", requestBytes: 60, write: true, run: () => {
      const s = this.resolve();
      if (s) this.context.host.activate(s.id, "addin");
    } });
  }

  delete(): void {
    this.queue({ location: "Worksheet.delete", requestBytes: 60, write: true, run: () => {
      const s = this.resolve();
      if (s) this.context.host.deleteSheet(s.id, "addin");
    } });
  }

  private events = new Map<string, EventHandlers>();
  private sheetEvent(member: string, version: string, type: HostEvent["type"]): EventHandlers {
    requireApi(this.context, `Worksheet.${member}`, version);
    let e = this.events.get(member);
    if (!e) {
      e = new EventHandlers(this, this.context, `Worksheet.${member}`, () => {
        const s = this.resolve();
        if (!s) throw itemNotFound(this.origin);
        const id = s.id;
        return (ev) => ev.type === type && ev.sheetId === id;
      });
      this.events.set(member, e);
    }
    return e;
  }

  get onChanged() { return this.sheetEvent("onChanged", "1.7", "changed"); }
  get onSelectionChanged() { return this.sheetEvent("onSelectionChanged", "1.7", "selectionChanged"); }
  get onActivated() { return this.sheetEvent("onActivated", "1.7", "activated"); }
  get onDeactivated() { return this.sheetEvent("onDeactivated", "1.7", "deactivated"); }
  get onFormatChanged() { return this.sheetEvent("onFormatChanged", "1.9", "formatChanged"); }
  get onNameChanged() { return this.sheetEvent("onNameChanged", "1.17", "nameChanged"); }
}

// ----------------------------------------------------------------------------------------------- Range

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
    readonly worksheetProxy: Worksheet,
    private readonly origin: string,
    private readonly area: (s: SheetModel) => Rect | undefined,
    private readonly orNull = false,
  ) {
    super(ctx, "Range");
    this.format = new RangeFormat(ctx, () => this.resolveAreas());
  }

  get worksheet(): Worksheet {
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

// ------------------------------------------------------------------------------------------ RangeAreas

export class RangeAreas extends ClientObject {
  protected readonly scalarProperties: readonly string[] = ["address", "addressLocal", "areaCount", "cellCount"];
  readonly format: RangeFormat;
  private resolved: { sheet: SheetModel; rects: Rect[] } | undefined;

  constructor(
    ctx: HostRequestContext,
    private readonly worksheetProxy: Worksheet,
    private readonly addressText: string,
  ) {
    super(ctx, "RangeAreas");
    this.nullState = false;
    this.format = new RangeFormat(ctx, () => this.resolve());
  }

  resolve(): { sheet: SheetModel; rects: Rect[] } {
    if (this.resolved) return this.resolved;
    const sheet = this.worksheetProxy.resolve();
    if (!sheet) throw itemNotFound("Worksheet.getRanges");
    if (this.addressText.length > MAX_MULTI_AREA_ADDRESS) throw invalidArgument("address", "Worksheet.getRanges");
    const rects = parseAreas(this.addressText.split(",").map((a) => splitSheet(a.trim()).range).join(","));
    if (!rects) throw invalidArgument("address", "Worksheet.getRanges");
    return (this.resolved = { sheet, rects });
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "format" ? this.format : undefined;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    const { sheet, rects } = this.resolve();
    const all: Record<string, unknown> = {
      address: rects.map((r) => formatArea(r, sheet.name)).join(","),
      addressLocal: rects.map((r) => formatArea(r, sheet.name)).join(","),
      areaCount: rects.length,
      cellCount: rects.reduce((n, r) => n + r.rowCount * r.columnCount, 0),
    };
    return Object.fromEntries(names.map((n) => [n, all[n]]));
  }

  get address(): string { return this.read("address"); }
  get areaCount(): number { return this.read("areaCount"); }
  get cellCount(): number { return this.read("cellCount"); }

  select(): void {
    this.queue({ location: "RangeAreas.select", requestBytes: 60, write: true, run: () => {
      const { sheet, rects } = this.resolve();
      this.context.host.select(sheet.id, rects[0], "addin");
    } });
  }
}

// --------------------------------------------------------------------------------- RangeFormat / Fill

type AreasOf = () => { sheet: SheetModel; rects: Rect[] } | null;

export class RangeFormat extends ClientObject {
  protected readonly scalarProperties: readonly string[] = [];
  readonly fill: RangeFill;

  constructor(ctx: HostRequestContext, areas: AreasOf) {
    super(ctx, "RangeFormat");
    this.nullState = false;
    this.fill = new RangeFill(ctx, areas);
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "fill" ? this.fill : undefined;
  }

  protected readScalars(): Record<string, unknown> {
    return {};
  }
}

export class RangeFill extends ClientObject {
  protected readonly scalarProperties: readonly string[] = ["color"];

  constructor(
    ctx: HostRequestContext,
    private readonly areas: AreasOf,
  ) {
    super(ctx, "RangeFill");
    this.nullState = false;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    const a = this.areas();
    let color: string | null | undefined;
    if (a) {
      for (const rect of a.rects) {
        for (let i = 0; i < rect.rowCount; i++) for (let j = 0; j < rect.columnCount; j++) {
          const c = a.sheet.fill(rect.row + i, rect.column + j) ?? "#FFFFFF";
          if (color === undefined) color = c;
          else if (color !== c) color = null; // mixed fills read as null, as in Excel
        }
      }
    }
    return Object.fromEntries(names.map((n) => [n, color ?? null]));
  }

  get color(): string | null { return this.read("color"); }
  set color(value: string | null) {
    this.setValues.set("color", value);
    this.queue({ location: "RangeFill.color", requestBytes: jsonBytes(value) + 60, write: true, run: () => {
      const a = this.areas();
      if (a) this.context.host.writeFill(a.sheet.id, a.rects, normalizeColor(value, "RangeFill.color"), "addin");
    } });
  }

  clear(): void {
    this.queue({ location: "RangeFill.clear", requestBytes: 60, write: true, run: () => {
      const a = this.areas();
      if (a) this.context.host.writeFill(a.sheet.id, a.rects, null, "addin");
    } });
  }
}

// ------------------------------------------------------------------------------------------ results

export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw new OfficeExtensionError(ErrorCodes.valueNotLoaded, 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', "ClientResult.value");
    return this.v as T;
  }
}

// ------------------------------------------------------------------------------------------- events

type Handler = (args: Record<string, unknown>) => unknown;

/** Event args as Excel builds them; fields of later API versions only when the host has that version. */
export function eventArgs(host: WorkbookModel, ev: HostEvent): Record<string, unknown> {
  const source = "Local";
  switch (ev.type) {
    case "changed": {
      const args: Record<string, unknown> = { type: "WorksheetChanged", worksheetId: ev.sheetId, address: ev.address, changeType: ev.changeType, source };
      if (host.apiSupported("1.9") && ev.details) args.details = { ...ev.details };
      if (host.apiSupported("1.14")) args.triggerSource = ev.source === "addin" ? "ThisLocalAddin" : "Unknown";
      return args;
    }
    case "formatChanged":
      return { type: "WorksheetFormatChanged", worksheetId: ev.sheetId, address: ev.address, source };
    case "selectionChanged":
      return { type: "WorksheetSelectionChanged", worksheetId: ev.sheetId, address: ev.address };
    case "activated":
      return { type: "WorksheetActivated", worksheetId: ev.sheetId };
    case "deactivated":
      return { type: "WorksheetDeactivated", worksheetId: ev.sheetId };
    case "nameChanged":
      return { type: "WorksheetNameChanged", worksheetId: ev.sheetId, nameBefore: ev.nameBefore, nameAfter: ev.nameAfter, source };
    case "added":
      return { type: "WorksheetAdded", worksheetId: ev.sheetId, source };
    case "deleted":
      return { type: "WorksheetDeleted", worksheetId: ev.sheetId, source };
  }
}

export class EventHandlerResult {
  unsubscribe: (() => void) | undefined;
  constructor(readonly context: HostRequestContext) {}

  remove(): void {
    this.context.enqueue({ location: "EventHandlerResult.remove", requestBytes: 60, write: false, run: () => {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    } });
  }
}

export class EventHandlers {
  constructor(
    private readonly owner: ClientObject,
    private readonly context: HostRequestContext,
    private readonly member: string,
    /** Runs at sync: which host events this registration receives. */
    private readonly filterAtSync: () => (ev: HostEvent) => boolean,
  ) {}

  /** The handler is registered with Excel at the next sync, and called asynchronously after each change. */
  add(handler: Handler): EventHandlerResult {
    if (typeof handler !== "function") throw invalidArgument("handler", `${this.member}.add`);
    const result = new EventHandlerResult(this.context);
    const host = this.context.host;
    this.context.enqueue({ location: `${this.member}.add`, requestBytes: 60, write: false, run: () => {
      const accept = this.filterAtSync();
      result.unsubscribe = host.subscribe((ev) => {
        if (!accept(ev)) return;
        Promise.resolve()
          .then(() => handler(eventArgs(host, ev)))
          .catch((e) => console.error(`${this.member} handler failed`, e));
      }, this.context.owner);
    } });
    return result;
  }

  remove(_handler: Handler): void {
    throw new OfficeExtensionError(ErrorCodes.notImplemented, "Use the EventHandlerResult returned by add() to remove a handler.", `${this.member}.remove`);
  }
}
