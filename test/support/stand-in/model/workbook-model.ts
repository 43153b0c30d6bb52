// The stand-in Excel host's workbook: sheets of cells (value, number format, fill), selection, settings, and the
// events Excel fires after a change. The grid page and the fake Office.js both work on one instance of it.
// Its parts: sheet-model.ts (one sheet), workbook-json.ts (as loaded/saved), host-events.ts, host-options.ts.
import { formatArea, MAX_ROWS, type Rect } from "./address";
import type { ChangeSource, HostEvent, LoggedEvent, SyncRecord } from "./host-events";
import { apiAtLeast, DEFAULT_HOST, type HostOptions } from "./host-options";
import { SheetModel } from "./sheet-model";
import { isModelError, valueType, type ModelValue } from "./values";
import type { WorkbookJson } from "./workbook-json";

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

  insertColumns(sheetId: string, at: number, count: number, source: ChangeSource): void {
    this.mustSheet(sheetId).insertColumns(at, count);
    this.version++;
    this.emit({ type: "changed", sheetId, address: formatArea({ row: 0, column: at, rowCount: MAX_ROWS, columnCount: count }), changeType: "ColumnInserted", source });
  }

  deleteColumns(sheetId: string, at: number, count: number, source: ChangeSource): void {
    this.mustSheet(sheetId).deleteColumns(at, count);
    this.version++;
    this.emit({ type: "changed", sheetId, address: formatArea({ row: 0, column: at, rowCount: MAX_ROWS, columnCount: count }), changeType: "ColumnDeleted", source });
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
