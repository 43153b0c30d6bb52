/**
 * A test double of the Excel boundary (ExcelGateway) over in-memory sheets: what the pane's store, controller and
 * components see from Excel, with Excel's observable behaviour — change events after a (simulated) debounce,
 * also for the add-in's own writes; a selection event when the add-in selects a cell; fills recorded by meaning.
 * The thing under test (controller, components, domain) runs for real on it. For the form tab only: the review's
 * controllers run on the real gateways over the stand-in host (see test/support/README.md for which double is for what).
 */
import {
  cellText,
  columnIndex,
  createCheckContext,
  DEFAULT_PROFILE,
  dataRows,
  detectMasterKind,
  locateMovedForm,
  mapFormHeader,
  type Cell,
  type FormRow,
} from "../../../src/domain";
import type {
  ExcelGateway,
  FormSnapshot,
  HighlightPlan,
  HostCapabilities,
  Progress,
  SheetChange,
  Watch,
  SheetInfo,
} from "../../../src/excel/gateway-types";

export const FULL_CAPABILITIES: HostCapabilities = {
  excelApi: "1.17",
  changeEvents: true,
  selectionEvents: true,
  multiAreaRanges: true,
  triggerSource: true,
  insertWorksheets: true,
};

export type Fill = "complete" | "incomplete" | "gap" | "problem" | "warning";
type Method = keyof ExcelGateway;

const WIDTH = 40;
const PROFILE = DEFAULT_PROFILE;
const DATA_COLUMNS = createCheckContext(PROFILE, {}).dataColumns;

function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

export class FakeGateway implements ExcelGateway {
  readonly sheets = new Map<string, Cell[][]>();
  readonly fills = new Map<string, Map<string, Fill>>();
  readonly calls: { method: Method; args: unknown[] }[] = [];
  readonly highlightPlans: HighlightPlan[] = [];
  selected?: string;
  active?: string;
  private changeListeners: { form: string; masters: readonly string[]; fn: (c: SheetChange) => void }[] = [];
  private selectionListeners: { sheet: string; fn: (a: { row: number; column: string }) => void }[] = [];
  private failures = new Map<Method, unknown>();

  constructor(
    sheets: { name: string; values: Cell[][] }[],
    private caps: HostCapabilities = FULL_CAPABILITIES,
  ) {
    for (const s of sheets) this.sheets.set(s.name, s.values.map((r) => [...r]));
  }

  /** The next call of `method` rejects with `error` (an Office error, say). */
  failNext(method: Method, error: unknown): void {
    this.failures.set(method, error);
  }

  private enter(method: Method, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failures.has(method)) {
      const e = this.failures.get(method);
      this.failures.delete(method);
      throw e;
    }
  }

  private grid(sheet: string): Cell[][] {
    const g = this.sheets.get(sheet);
    if (!g) throw Object.assign(new Error(`The requested resource doesn't exist.`), { code: "ItemNotFound" });
    return g;
  }

  cell(sheet: string, address: string): Cell {
    const { row, col } = parseAddress(address);
    return this.grid(sheet)[row - 1]?.[col] ?? null;
  }

  text(sheet: string, address: string): string {
    return cellText(this.cell(sheet, address));
  }

  fill(sheet: string, address: string): Fill | undefined {
    return this.fills.get(sheet)?.get(address);
  }

  private setCell(sheet: string, address: string, value: Cell): number {
    const { row, col } = parseAddress(address);
    const g = this.grid(sheet);
    while (g.length < row) g.push([]);
    const line = g[row - 1];
    while (line.length <= col) line.push(null);
    line[col] = value === "" ? null : value;
    return row;
  }

  /** Each form sheet's width as read (A..its own last column when its columns were found elsewhere). */
  private widths = new Map<string, number>();

  private formRow(sheet: string, row: number): FormRow {
    const line = this.grid(sheet)[row - 1] ?? [];
    const cells: Cell[] = [];
    const width = this.widths.get(sheet) ?? WIDTH;
    for (let i = 0; i < width; i++) cells.push(line[i] ?? null);
    return { row, cells };
  }

  /** The user types into the sheet: cells change, then Excel tells the add-in (after its debounce). */
  async edit(sheet: string, edits: Record<string, Cell>): Promise<void> {
    const rows = new Set<number>();
    for (const [address, value] of Object.entries(edits)) rows.add(this.setCell(sheet, address, value));
    await this.emitChange(sheet, [...rows]);
  }

  /** The user clicks a cell in Excel. */
  userSelects(sheet: string, address: string): void {
    const { row } = parseAddress(address);
    const column = /^[A-Z]+/.exec(address)![0];
    for (const l of this.selectionListeners) if (l.sheet === sheet) l.fn({ row, column });
  }

  private async emitChange(sheet: string, rows: number[]): Promise<void> {
    this.undelivered++;
    try {
      await new Promise((r) => setTimeout(r, 0));
      for (const l of this.changeListeners) {
        if (l.form === sheet) l.fn({ kind: "rows", sheet, rows: rows.map((r) => this.formRow(sheet, r)) });
        else if (l.masters.includes(sheet)) l.fn({ kind: "master", sheet });
      }
    } finally {
      if (--this.undelivered === 0) this.wakeDeliveredWaiters();
    }
  }

  /** Change events emitted (after the simulated debounce) but not yet handed to the listeners. */
  private undelivered = 0;
  private deliveredWaiters: (() => void)[] = [];

  get eventsPending(): number {
    return this.undelivered;
  }

  /**
   * Resolves once every change event emitted so far has been handed to the listeners, a macrotask later (as the
   * stand-in host's model does): what a listener started in its first step has run by then. Tests wait on this.
   */
  eventsDelivered(): Promise<void> {
    return new Promise((resolve) => {
      this.deliveredWaiters.push(resolve);
      if (this.undelivered === 0) this.wakeDeliveredWaiters();
    });
  }

  private wakeDeliveredWaiters(): void {
    const waiters = this.deliveredWaiters.splice(0);
    if (waiters.length > 0) setTimeout(() => waiters.forEach((w) => w()), 0);
  }

  // --- ExcelGateway ---

  capabilities(): HostCapabilities {
    return this.caps;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.enter("listSheets");
    return [...this.sheets].map(([name, values]) => {
      const info: SheetInfo = { name };
      const location = locateMovedForm(values.slice(0, PROFILE.sheet.headerSearchRows), PROFILE);
      if (location) info.formHeaderRow = location.headerRow;
      else {
        const kind = detectMasterKind(name, values[0], PROFILE);
        if (kind) info.masterKind = kind;
      }
      return info;
    });
  }

  async activeSheetName(): Promise<string> {
    this.enter("activeSheetName");
    return this.active ?? [...this.sheets.keys()][0];
  }

  async readForm(sheet: string, onProgress?: (p: Progress) => void): Promise<FormSnapshot> {
    this.enter("readForm", sheet);
    const values = this.grid(sheet);
    const top = values.slice(0, PROFILE.sheet.headerSearchRows);
    const location = locateMovedForm(top, PROFILE);
    if (!location) throw new Error(`シート「${sheet}」に申請様式の見出し（B列の「利用者名」）がありません。`);
    // The sheet's columns found by their headings, as the real gateway does.
    const mapped = mapFormHeader(top, location, PROFILE);
    const dataColumns = mapped.profile === PROFILE ? DATA_COLUMNS : createCheckContext(mapped.profile, {}).dataColumns;
    this.widths.set(sheet, columnIndex(mapped.profile.sheet.lastColumn) + 1);
    const rows = dataRows(values, 1, location, dataColumns).map((r) => this.formRow(sheet, r.row));
    onProgress?.({ done: rows.length, total: rows.length });
    return {
      sheet,
      headerRow: location.headerRow,
      rows,
      headerCells: values[location.headerRow - 1] ?? [],
      syncs: 2,
      profile: mapped.profile,
      mapping: mapped.mapping,
      columnNotices: mapped.problems,
    };
  }

  async readRows(sheet: string, rows: readonly number[]): Promise<FormRow[]> {
    this.enter("readRows", sheet, rows);
    return rows.map((r) => this.formRow(sheet, r));
  }

  async readSheetValues(sheet: string, onProgress?: (p: Progress) => void): Promise<Cell[][]> {
    this.enter("readSheetValues", sheet);
    const values = this.grid(sheet).map((r) => [...r]);
    onProgress?.({ done: values.length, total: values.length });
    return values;
  }

  async watch(formSheet: string, masterSheets: readonly string[], onChange: (change: SheetChange) => void): Promise<Watch> {
    this.enter("watch", formSheet, masterSheets);
    const entry = { form: formSheet, masters: masterSheets, fn: onChange };
    this.changeListeners.push(entry);
    return {
      stop: async () => {
        this.changeListeners = this.changeListeners.filter((l) => l !== entry);
      },
      // Changes are delivered synchronously by edit(): nothing is ever pending.
      settled: async () => undefined,
    };
  }

  async onSelection(sheet: string, onSelect: (address: { row: number; column: string }) => void): Promise<() => Promise<void>> {
    this.enter("onSelection", sheet);
    const entry = { sheet, fn: onSelect };
    this.selectionListeners.push(entry);
    return async () => {
      this.selectionListeners = this.selectionListeners.filter((l) => l !== entry);
    };
  }

  async applyHighlights(sheet: string, plan: HighlightPlan): Promise<void> {
    this.enter("applyHighlights", sheet, plan);
    this.highlightPlans.push(plan);
    const fills = this.fills.get(sheet) ?? new Map<string, Fill>();
    this.fills.set(sheet, fills);
    for (const r of plan.resetRows) for (const a of [...fills.keys()]) if (parseAddress(a).row === r) fills.delete(a);
    for (const r of plan.completeRows) fills.set(`A${r}`, "complete");
    for (const r of plan.incompleteRows) fills.set(`A${r}`, "incomplete");
    for (const r of plan.gapRows) fills.set(`A${r}`, "gap");
    for (const c of plan.warningCells ?? []) fills.set(c, "warning");
    for (const c of plan.problemCells) fills.set(c, "problem");
  }

  async clearHighlights(sheet: string, firstRow: number, lastRow: number): Promise<void> {
    this.enter("clearHighlights", sheet, firstRow, lastRow);
    const fills = this.fills.get(sheet);
    if (!fills) return;
    for (const a of [...fills.keys()]) {
      const r = parseAddress(a).row;
      if (r >= firstRow && r <= lastRow) fills.delete(a);
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.enter("selectCell", sheet, address);
    this.grid(sheet);
    this.selected = address;
    this.userSelects(sheet, address);
  }

  async writeValues(sheet: string, edits: readonly { address: string; value: string }[]): Promise<void> {
    this.enter("writeValues", sheet, edits);
    const rows = new Set<number>();
    for (const e of edits) rows.add(this.setCell(sheet, e.address, e.value));
    void this.emitChange(sheet, [...rows]);
  }

  async addValuesSheet(preferredName: string, values: readonly (readonly Cell[])[], onProgress?: (p: Progress) => void): Promise<string> {
    this.enter("addValuesSheet", preferredName, values.length);
    let name = preferredName;
    for (let i = 2; this.sheets.has(name); i++) name = `${preferredName}(${i})`;
    this.sheets.set(name, values.map((r) => [...r]));
    onProgress?.({ done: values.length, total: values.length });
    return name;
  }
}
