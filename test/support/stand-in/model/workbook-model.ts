// The stand-in Excel host's workbook: sheets of cells (value, number format, fill), selection, settings, and the
// events Excel fires after a change. The grid page and the fake Office.js both work on one instance of it.
import { formatArea, MAX_COLUMNS, type Rect } from "./address";
import { isModelError, valueType, type ModelValue, type ValueType } from "./values";

export interface SheetJson {
  name: string;
  id?: string;
  /** Row-major; row 0 = sheet row 1, column 0 = column A. Missing entries are empty. */
  values: ModelValue[][];
  /** Number formats by cell; missing = "General". */
  numberFormats?: (string | null)[][];
  /** Fill colours "#RRGGBB" by cell; missing/null = no fill. */
  fills?: (string | null)[][];
  columnWidths?: number[];
}

export interface WorkbookJson {
  sheets: SheetJson[];
  activeSheet?: string;
  settings?: Record<string, unknown>;
}

export type ChangeSource = "user" | "addin";
export type DataChangeType = "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted";

export type HostEvent =
  | {
      type: "changed";
      sheetId: string;
      address: string;
      changeType: DataChangeType;
      source: ChangeSource;
      details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: ValueType; valueTypeAfter: ValueType };
    }
  | { type: "formatChanged"; sheetId: string; address: string; source: ChangeSource }
  | { type: "selectionChanged"; sheetId: string; address: string; source: ChangeSource }
  | { type: "activated"; sheetId: string; source: ChangeSource }
  | { type: "deactivated"; sheetId: string; source: ChangeSource }
  | { type: "nameChanged"; sheetId: string; nameBefore: string; nameAfter: string; source: ChangeSource }
  | { type: "added"; sheetId: string; source: ChangeSource }
  | { type: "deleted"; sheetId: string; source: ChangeSource };

export interface LoggedEvent {
  time: number;
  event: HostEvent;
}

export interface SyncRecord {
  /** performance.now() when the sync finished (when it failed: when it started). */
  time: number;
  /** Operations in the batch (loads, writes, method calls). */
  actions: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
}

export interface CellSnapshot {
  value: ModelValue;
  valueType: ValueType;
  numberFormat: string;
  fill: string | null;
}

export interface HostOptions {
  /** Highest ExcelApi 1.x the emulated host supports ("1.8" = Office 2019). */
  excelApi: string;
  platform: "OfficeOnline" | "PC" | "Mac";
  /** Request/response payload limit per sync in bytes (Excel on the web: 5 MB); null = none. */
  payloadLimit: number | null;
  /**
   * Also fire onChanged for fill changes. Off by default (Excel reports them with onFormatChanged); on, it plays
   * a host that reports formatting as data changes, to prove the add-in's colouring cannot feed back into itself.
   */
  fillsFireChanged?: boolean;
}

export const DEFAULT_HOST: HostOptions = { excelApi: "1.17", platform: "OfficeOnline", payloadLimit: 5 * 1024 * 1024 };

/** "1.10" > "1.9": compares ExcelApi minor versions numerically. */
export function apiAtLeast(have: string, need: string): boolean {
  const [hMaj, hMin] = have.split(".").map(Number);
  const [nMaj, nMin] = need.split(".").map(Number);
  return hMaj > nMaj || (hMaj === nMaj && hMin >= nMin);
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
}

function rowHasValue(row: ModelValue[] | undefined): boolean {
  return !!row && row.some((v) => v !== null && v !== undefined);
}

function spliceRows<T>(grid: T[][], at: number, remove: number, insert: T[][]): void {
  if (grid.length < at) grid.length = at;
  grid.splice(at, remove, ...insert);
}

type Listener = (e: HostEvent) => void;

export class WorkbookModel {
  readonly options: HostOptions;
  private sheetList: SheetModel[] = [];
  private activeId = "";
  private nextId = 1;
  private listeners = new Set<Listener>();
  private owners = new Map<Listener, string>();
  private syncListeners = new Set<(s: SyncRecord) => void>();
  settings: Record<string, unknown> = {};
  readonly eventLog: LoggedEvent[] = [];
  readonly syncLog: SyncRecord[] = [];
  /** Bumped on every change, so views can tell when to repaint. */
  version = 0;

  constructor(json?: WorkbookJson, options: Partial<HostOptions> = {}) {
    this.options = { ...DEFAULT_HOST, ...options };
    if (json) this.load(json);
  }

  /** Replaces the whole workbook (no events: a new workbook was opened). */
  load(json: WorkbookJson): void {
    this.sheetList = [];
    for (const s of json.sheets) {
      const sheet = new SheetModel(s.id ?? this.newId(), s.name);
      sheet.values = s.values.map((r) => (r ? r.map((v) => (v === undefined ? null : v)) : []));
      sheet.formats = (s.numberFormats ?? []).map((r) => (r ? [...r] : []));
      sheet.fills = (s.fills ?? []).map((r) => (r ? [...r] : []));
      sheet.columnWidths = s.columnWidths ?? [];
      this.sheetList.push(sheet);
    }
    if (this.sheetList.length === 0) this.sheetList.push(new SheetModel(this.newId(), "Sheet1"));
    const active = json.activeSheet ? this.sheetByName(json.activeSheet) : undefined;
    this.activeId = (active ?? this.sheetList[0]).id;
    this.settings = { ...(json.settings ?? {}) };
    this.version++;
  }

  toJson(): WorkbookJson {
    return {
      sheets: this.sheetList.map((s) => ({ name: s.name, id: s.id, values: s.values, numberFormats: s.formats as (string | null)[][], fills: s.fills as (string | null)[][], columnWidths: s.columnWidths })),
      activeSheet: this.activeSheet().name,
      settings: this.settings,
    };
  }

  private newId(): string {
    // Excel's worksheet ids are GUIDs in braces; a counter keeps them readable in logs.
    return `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`;
  }

  sheets(): readonly SheetModel[] {
    return this.sheetList;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheetList.find((s) => s.id === id);
  }

  /** Sheet names are compared case-insensitively, as in Excel. */
  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheetList.find((s) => s.name.toLowerCase() === key);
  }

  /** By id or name, as Worksheets.getItem(key) accepts either. */
  sheet(key: string): SheetModel | undefined {
    return this.sheetById(key) ?? this.sheetByName(key);
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeId) ?? this.sheetList[0];
  }

  /** The host's clock (the page's performance.now()): the pane's frame has a clock of its own with another origin. */
  now(): number {
    return now();
  }

  apiSupported(version: string): boolean {
    return apiAtLeast(this.options.excelApi, version);
  }

  // --- changes (each fires the events Excel fires) ---

  activate(sheetId: string, source: ChangeSource): void {
    if (sheetId === this.activeId) return;
    const before = this.activeId;
    this.activeId = sheetId;
    this.version++;
    this.emit({ type: "deactivated", sheetId: before, source });
    this.emit({ type: "activated", sheetId, source });
  }

  select(sheetId: string, rect: Rect, source: ChangeSource): void {
    const sheet = this.mustSheet(sheetId);
    this.activate(sheetId, source);
    sheet.selection = { ...rect };
    this.version++;
    this.emit({ type: "selectionChanged", sheetId, address: formatArea(rect), source });
  }

  /** Writes stored values into a rectangle (row-major, exact size) and fires one onChanged for it. */
  writeValues(sheetId: string, rect: Rect, values: (ModelValue | undefined)[][], source: ChangeSource): void {
    const sheet = this.mustSheet(sheetId);
    const single = rect.rowCount === 1 && rect.columnCount === 1;
    const before = single ? sheet.value(rect.row, rect.column) : null;
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const v = values[r][c];
        if (v !== undefined) sheet.setValue(rect.row + r, rect.column + c, v);
      }
    }
    this.version++;
    const after = single ? sheet.value(rect.row, rect.column) : null;
    this.emit({
      type: "changed",
      sheetId,
      address: formatArea(rect),
      changeType: "RangeEdited",
      source,
      details: single
        ? { valueBefore: apiOut(before), valueAfter: apiOut(after), valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) }
        : undefined,
    });
  }

  writeNumberFormats(sheetId: string, rect: Rect, formats: (string | undefined)[][], source: ChangeSource): void {
    const sheet = this.mustSheet(sheetId);
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) {
      const f = formats[r][c];
      if (f !== undefined) sheet.setNumberFormat(rect.row + r, rect.column + c, f);
    }
    this.version++;
    this.emit({ type: "formatChanged", sheetId, address: formatArea(rect), source });
  }

  writeFill(sheetId: string, rects: readonly Rect[], color: string | null, source: ChangeSource): void {
    const sheet = this.mustSheet(sheetId);
    for (const rect of rects) {
      for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) sheet.setFill(rect.row + r, rect.column + c, color);
    }
    this.version++;
    this.emit({ type: "formatChanged", sheetId, address: rects.map((r) => formatArea(r)).join(","), source });
    if (this.options.fillsFireChanged) {
      for (const rect of rects) this.emit({ type: "changed", sheetId, address: formatArea(rect), changeType: "RangeEdited", source });
    }
  }

  insertRows(sheetId: string, at: number, count: number, source: ChangeSource): void {
    this.mustSheet(sheetId).insertRows(at, count);
    this.version++;
    this.emit({ type: "changed", sheetId, address: `${at + 1}:${at + count}`, changeType: "RowInserted", source });
  }

  deleteRows(sheetId: string, at: number, count: number, source: ChangeSource): void {
    this.mustSheet(sheetId).deleteRows(at, count);
    this.version++;
    this.emit({ type: "changed", sheetId, address: `${at + 1}:${at + count}`, changeType: "RowDeleted", source });
  }

  rename(sheetId: string, name: string, source: ChangeSource): void {
    const sheet = this.mustSheet(sheetId);
    const clash = this.sheetByName(name);
    if (clash && clash !== sheet) throw new Error(`シート名「${name}」は既に使われています / sheet name already in use`);
    if (!name.trim() || /[\\/?*[\]:]/.test(name) || name.length > 31) throw new Error(`シート名「${name}」は使えません / invalid sheet name`);
    const before = sheet.name;
    sheet.name = name;
    this.version++;
    this.emit({ type: "nameChanged", sheetId, nameBefore: before, nameAfter: name, source });
  }

  addSheet(name: string, source: ChangeSource): SheetModel {
    if (this.sheetByName(name)) throw new Error(`シート名「${name}」は既に使われています / sheet name already in use`);
    const sheet = new SheetModel(this.newId(), name);
    this.sheetList.push(sheet);
    this.version++;
    this.emit({ type: "added", sheetId: sheet.id, source });
    return sheet;
  }

  deleteSheet(sheetId: string, source: ChangeSource): void {
    if (this.sheetList.length === 1) throw new Error("最後のシートは削除できません / cannot delete the last sheet");
    const sheet = this.mustSheet(sheetId);
    if (this.activeId === sheetId) this.activate(this.sheetList.find((s) => s !== sheet)!.id, source);
    this.sheetList = this.sheetList.filter((s) => s !== sheet);
    this.version++;
    this.emit({ type: "deleted", sheetId, source });
  }

  private mustSheet(id: string): SheetModel {
    const s = this.sheetById(id);
    if (!s) throw new Error(`no sheet with id ${id}`);
    return s;
  }

  // --- events ---

  /** Listeners are called asynchronously, after the change that caused the event (as Excel does). */
  subscribe(listener: Listener, owner?: string): () => void {
    this.listeners.add(listener);
    if (owner) this.owners.set(listener, owner);
    return () => {
      this.listeners.delete(listener);
      this.owners.delete(listener);
    };
  }

  /** Drops every listener an add-in instance registered (its pane was closed or reloaded). */
  unsubscribeOwner(owner: string): void {
    for (const [l, o] of this.owners) {
      if (o !== owner) continue;
      this.listeners.delete(l);
      this.owners.delete(l);
    }
  }

  /** Events emitted but not yet handed to the listeners, and who waits for them to be. */
  private undelivered = 0;
  private deliveredWaiters: (() => void)[] = [];

  /**
   * Resolves once every event emitted so far has been handed to the add-in's handlers and their first step has run
   * (tests wait on this instead of sleeping).
   */
  eventsDelivered(): Promise<void> {
    return new Promise((resolve) => {
      this.deliveredWaiters.push(resolve);
      if (this.undelivered === 0) this.wakeDeliveredWaiters();
    });
  }

  /** How many events emitted so far have not yet been handed to the listeners. */
  get eventsPending(): number {
    return this.undelivered;
  }

  private wakeDeliveredWaiters(): void {
    const waiters = this.deliveredWaiters.splice(0);
    // A macrotask later: the handlers are called in microtasks after delivery.
    if (waiters.length > 0) setTimeout(() => waiters.forEach((w) => w()), 0);
  }

  private emit(event: HostEvent): void {
    this.eventLog.push({ time: now(), event });
    if (this.eventLog.length > 5000) this.eventLog.splice(0, this.eventLog.length - 5000);
    const targets = [...this.listeners];
    this.undelivered++;
    setTimeout(() => {
      for (const l of targets) {
        if (this.listeners.has(l)) l(event);
      }
      if (--this.undelivered === 0) this.wakeDeliveredWaiters();
    }, 0);
  }

  recordSync(record: SyncRecord): void {
    this.syncLog.push(record);
    if (this.syncLog.length > 5000) this.syncLog.splice(0, this.syncLog.length - 5000);
    for (const l of [...this.syncListeners]) l(record);
  }

  onSync(listener: (s: SyncRecord) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }
}

function apiOut(v: ModelValue): unknown {
  if (v === null) return "";
  return isModelError(v) ? v.error : v;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
