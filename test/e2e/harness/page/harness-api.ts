// window.harness: what tests and the benchmark use to drive the stand-in host as a person would (typing, pasting,
// inserting rows, renaming) and to observe it (cells with fills, events, the add-in's syncs).
import { formatArea, parseArea, splitSheet } from "../../../support/stand-in/model/address";
import { generateForm } from "../../../support/stand-in/model/generate-form";
import type { LoggedEvent, SyncRecord } from "../../../support/stand-in/model/host-events";
import type { CellSnapshot, SheetModel } from "../../../support/stand-in/model/sheet-model";
import { parseInput, type ModelValue } from "../../../support/stand-in/model/values";
import type { WorkbookJson } from "../../../support/stand-in/model/workbook-json";
import type { WorkbookModel } from "../../../support/stand-in/model/workbook-model";
import { pasteText } from "./grid-view";

export interface HarnessApi {
  readonly model: WorkbookModel;
  /** Typed into a cell, as a person would (Excel's parsing: "09" stays text only in a text-formatted cell). */
  setCell(sheet: string, address: string, value: string): void;
  /** A paste of several rows at `address` (top-left): one change event. */
  setRows(sheet: string, address: string, rows: (string | null)[][]): void;
  getCell(sheet: string, address: string): CellSnapshot;
  /** Resolves once every change event so far has been handed to the add-in's handlers. */
  eventsDelivered(): Promise<void>;
  /** Change events raised and not yet handed to the add-in. */
  eventsPending(): number;
  /** The active sheet and its selection. */
  selection(): { sheet: string; address: string };
  select(sheet: string, address: string): void;
  activate(sheet: string): void;
  insertRows(sheet: string, row: number, count?: number): void;
  deleteRows(sheet: string, row: number, count?: number): void;
  renameSheet(sheet: string, newName: string): void;
  deleteSheet(sheet: string): void;
  sheetNames(): string[];
  loadWorkbook(json: WorkbookJson): void;
  /** The workbook the page started with (the converted sample unless another was given). */
  loadSample(): void;
  /** The sample's form with `rows` generated data rows (default 10,000). */
  loadGeneratedForm(rows?: number): void;
  events(): LoggedEvent[];
  clearEvents(): void;
  syncs(): SyncRecord[];
  /** Resolves with the next sync of the add-in that matches (default: one that writes), or rejects after timeoutMs. */
  waitForSync(match?: (s: SyncRecord) => boolean, timeoutMs?: number): Promise<SyncRecord>;
  /**
   * Types `value` into a cell and resolves with the milliseconds until the add-in's next sync that writes
   * (its re-colouring of the edited row: the pane has re-checked it), for the benchmark.
   */
  timeEdit(sheet: string, address: string, value: string, timeoutMs?: number): Promise<number>;
  /** Reloads the task pane (after loadWorkbook, so the add-in starts on the new workbook). */
  reloadPane(): Promise<void>;
  paneWindow(): Window | null;
  excelApi: string;
}

export function createHarnessApi(model: WorkbookModel, initial: WorkbookJson, frame: HTMLIFrameElement): HarnessApi {
  const sheetOf = (name: string): SheetModel => {
    const s = model.sheet(name);
    if (!s) throw new Error(`シート「${name}」がありません / no sheet named ${name}`);
    return s;
  };
  const areaOf = (address: string) => {
    const rect = parseArea(splitSheet(address).range);
    if (!rect) throw new Error(`セル番地「${address}」を読めません / bad address ${address}`);
    return rect;
  };
  return {
    model,
    excelApi: model.options.excelApi,
    setCell(sheet, address, value) {
      const s = sheetOf(sheet);
      const rect = areaOf(address);
      const v: ModelValue = parseInput(value, s.numberFormat(rect.row, rect.column));
      model.writeValues(s.id, { ...rect, rowCount: 1, columnCount: 1 }, [[v]], "user");
    },
    setRows(sheet, address, rows) {
      const s = sheetOf(sheet);
      const rect = areaOf(address);
      pasteText(model, s, rect.row, rect.column, rows.map((r) => r.map((c) => c ?? "").join("\t")).join("\n"));
    },
    getCell(sheet, address) {
      const rect = areaOf(address);
      return sheetOf(sheet).cell(rect.row, rect.column);
    },
    selection() {
      const s = model.activeSheet();
      return { sheet: s.name, address: formatArea(s.selection) };
    },
    select(sheet, address) {
      model.select(sheetOf(sheet).id, areaOf(address), "user");
    },
    activate(sheet) {
      model.activate(sheetOf(sheet).id, "user");
    },
    insertRows(sheet, row, count = 1) {
      model.insertRows(sheetOf(sheet).id, row - 1, count, "user");
    },
    deleteRows(sheet, row, count = 1) {
      model.deleteRows(sheetOf(sheet).id, row - 1, count, "user");
    },
    renameSheet(sheet, newName) {
      model.rename(sheetOf(sheet).id, newName, "user");
    },
    deleteSheet(sheet) {
      model.deleteSheet(sheetOf(sheet).id, "user");
    },
    sheetNames() {
      return model.sheets().map((s) => s.name);
    },
    loadWorkbook(json) {
      model.load(json);
    },
    loadSample() {
      model.load(initial);
    },
    loadGeneratedForm(rows = 10000) {
      model.load(generateForm(initial, { rows }));
    },
    events() {
      return model.eventLog.slice();
    },
    eventsDelivered() {
      return model.eventsDelivered();
    },
    eventsPending() {
      return model.eventsPending;
    },
    clearEvents() {
      model.eventLog.length = 0;
    },
    syncs() {
      return model.syncLog.slice();
    },
    waitForSync(match = (s) => s.writes > 0, timeoutMs = 30000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no matching sync of the add-in within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = model.onSync((s) => {
          if (!match(s)) return;
          clearTimeout(timer);
          off();
          resolve(s);
        });
      });
    },
    async timeEdit(sheet, address, value, timeoutMs = 30000) {
      const written = this.waitForSync((s) => s.writes > 0, timeoutMs);
      const started = performance.now();
      this.setCell(sheet, address, value);
      const s = await written;
      return s.time - started;
    },
    reloadPane() {
      return new Promise((resolve) => {
        frame.addEventListener("load", () => resolve(), { once: true });
        frame.contentWindow?.location.reload();
      });
    },
    paneWindow() {
      return frame.contentWindow;
    },
  };
}
