import {
  buildMasterIndex,
  cellText,
  columnIndex,
  checkNotices,
  checkForm,
  describeMasters,
  detectMasterKind,
  FormChecker,
  type CellProblem,
  type ProblemCode,
  type FormProfile,
  type FormRow,
  type LoadedMaster,
  type MasterKind,
  type MasterRecord,
  type MasterSet,
} from "../../domain";
import type { ExcelGateway, Progress, SheetChange, SheetInfo } from "../../excel/gateway-types";
import { editsFor } from "./fix-kinds";
import { pageCount, type SeverityFilter, groupFindings } from "./findings-view";
import { fullPlanRows, highlightPlan } from "./highlight-plan";
import { failureSentence } from "./office-errors";
import { PANE_FAILURES } from "./pane-failures";
import { initialPaneState, type FixNote, type MasterLoadReport, type PaneMessage, type PanePlace, type PaneState, type PaneView } from "./pane-state";
import { describeRow } from "./row-detail";
import { createStore, type Store } from "./store";
import { TaskQueue } from "./task-queue";

type Edit = { address: string; value: string };

/**
 * The form view is the institution's (the one filling the form): items the profile leaves to the municipality are info
 * when blank. The municipality's review (review mode) and every export use the reviewer's view.
 */
const FORM_VIEW = "institution" as const;
/** How often a long step's progress is shown at most (ms). */
const PROGRESS_EVERY = 150;

/** Reads a master file chosen in the pane; loaded lazily (the reader runs in a worker where it can). */
export type MasterFileReader = (
  file: File,
  profile: FormProfile,
  onProgress: (p: Progress & { phase: string }) => void,
  /** values: false → the masters' values may come back empty (only the indexes are used). */
  options?: { values?: boolean },
) => Promise<LoadedMaster[]>;

const defaultMasterFileReader: MasterFileReader = async (file, profile, onProgress, options) => {
  const { readMasterFile } = await import(/* webpackChunkName: "master-file" */ "../masters/read-master-file");
  return readMasterFile(file, profile, onProgress, options);
};

/**
 * The pane's only actor: it calls the Excel gateway and the domain, and publishes what the components render.
 * Every Office call runs through one queue (a change event never races a read or a fix), and every failure
 * becomes a Japanese message in the pane.
 */
export class PaneController {
  readonly store: Store<PaneState>;
  private checker?: FormChecker;
  private highlightedUpTo = 0;
  private unwatch: (() => Promise<void>)[] = [];
  private pendingRows = new Map<number, FormRow>();
  /** Masters read from files, by kind: read again only if the user asks to keep one in the workbook. */
  private masterFiles: Partial<Record<MasterKind, File>> = {};
  /** The form sheet whose changes are being listened to (set before its first read completes). */
  private watchedSheet?: string;
  private pendingScheduled = false;
  private lastPaneSelection?: string;
  private messageId = 0;
  /** The progress last shown: its label and when (see showProgress). */
  private shownProgress: { label: string; at: number } | undefined;
  private disposed = false;

  constructor(
    /** The form's Excel layer; the review tab reads submission and master sheets through it too. */
    readonly gateway: ExcelGateway,
    profile: FormProfile,
    private readonly readMasterFile: MasterFileReader = defaultMasterFileReader,
    /** The pane's one queue of Office calls: the review tab is given the same one. */
    readonly queue: TaskQueue = new TaskQueue(),
  ) {
    this.store = createStore(initialPaneState(profile));
  }

  private get state(): PaneState {
    return this.store.get();
  }

  private get profile(): FormProfile {
    return this.state.profile;
  }

  /** Resolves when every queued Office operation has finished (tests, the harness). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  // --- opening the workbook ---

  /** Detects the host, loads the master sheets of the workbook and opens the form sheet (or says there is none). */
  start(): Promise<void> {
    return this.task("form", PANE_FAILURES.start(), async () => {
      const capabilities = this.gateway.capabilities();
      this.store.set({ capabilities, phase: "loading" });
      const sheets = await this.gateway.listSheets();
      this.store.set({ sheets });
      const found: MasterKind[] = [];
      for (const s of sheets) {
        if (s.masterKind && !this.state.masters[s.masterKind]) {
          await this.readMasterSheet(s.name, s.masterKind);
          found.push(s.masterKind);
        }
      }
      if (found.length > 0) this.store.set({ lastMasterLoad: reports(found, this.state.masters) });
      const sheet = await this.chooseFormSheet(sheets);
      if (!sheet) {
        this.store.set({ phase: "no-form" });
        return;
      }
      await this.openSheet(sheet);
    });
  }

  /** Opens (or re-opens) a sheet as the form: a full read and check. */
  open(sheet: string): Promise<void> {
    return this.task("form", PANE_FAILURES.open(sheet), () => this.openSheet(sheet));
  }

  /** Reads the whole form again and checks every row (the 再チェック button). */
  recheck(): Promise<void> {
    const sheet = this.state.check?.sheet;
    if (!sheet) return this.start();
    return this.task("form", PANE_FAILURES.recheck(), () => this.openSheet(sheet));
  }

  // --- fixes ---

  /**
   * Applies one finding's suggested value, if the cell still holds what the finding was about. The confirmation is
   * shown in the findings list before the finding `near` (see findingKey), where the user is.
   */
  applyFix(target: CellProblem, near?: string): Promise<void> {
    return this.task("fix", PANE_FAILURES.fix(), async () => {
      const sheet = this.requireSheet();
      await this.refreshRows(sheet, [target.place.row]);
      const current = this.checker!.rowFindings(target.place.row).find(
        (f) => f.code === target.code && f.place.column === target.place.column && f.fix === target.fix,
      );
      if (!current || current.fix === undefined) {
        this.say("fix", "warning", `${target.place.column}${target.place.row} はすでに変更されています。最新のチェック結果を確認してください。`);
        this.publish("incremental", [target.place.row]);
        return;
      }
      await this.write(sheet, [{ address: `${current.place.column}${current.place.row}`, value: current.fix }], "修正", near ?? "");
    });
  }

  /** How many cells a bulk fix of this kind would change now (for the confirmation dialog). */
  pendingFixes(code: ProblemCode): Edit[] {
    const findings = this.state.check?.result.findings.filter((f) => f.code === code) ?? [];
    return editsFor(findings);
  }

  /** The same edits with what each cell holds now, so a confirmation can show 前 → 後. */
  pendingFixPreview(code: ProblemCode): (Edit & { before: string })[] {
    return this.pendingFixes(code).map((e) => {
      const [, column, row] = /^([A-Z]+)(\d+)$/.exec(e.address)!;
      const cell = this.checker?.rowInput(Number(row))?.cells[columnIndex(column)] ?? null;
      return { ...e, before: cellText(cell) };
    });
  }

  /** Applies every suggested fix of one kind (after the user confirmed the count). */
  applyFixes(code: ProblemCode): Promise<void> {
    return this.task("fix", PANE_FAILURES.bulkFix(), async () => {
      const sheet = this.requireSheet();
      const rows = [...new Set(this.pendingFixes(code).map((e) => Number(/\d+$/.exec(e.address)![0])))];
      if (rows.length === 0) return;
      await this.refreshRows(sheet, rows);
      const findings = rows.flatMap((r) => this.checker!.rowFindings(r).filter((f) => f.code === code));
      const edits = editsFor(findings);
      if (edits.length === 0) {
        this.say("fix", "warning", "修正できるセルはもうありません（すでに変更されています）。");
        this.publish("incremental", rows);
        return;
      }
      await this.write(sheet, edits, "まとめて修正");
    });
  }

  // --- pickers ---

  searchHealthCenters(query: string, limit = 50): MasterRecord[] {
    return this.state.masters.healthCenter?.search(query, limit) ?? [];
  }

  searchInstitutions(kind: MasterKind, query: string, limit = 50): MasterRecord[] {
    return this.state.masters[kind]?.search(query, limit) ?? [];
  }

  healthCenterRecord(code: string | undefined): MasterRecord | undefined {
    return code ? this.state.masters.healthCenter?.get(code) : undefined;
  }

  /** Fills 中核市コード (I) and 保健所コード (K) from a 保健所マスタ record. */
  pickHealthCenter(row: number, record: MasterRecord): Promise<void> {
    return this.task("fix", PANE_FAILURES.healthCenter(), async () => {
      const sheet = this.requireSheet();
      const f = this.profile.fields;
      const edits: Edit[] = [{ address: `${f.healthCenterCode.column}${row}`, value: record.code }];
      if (record.cityCode !== undefined) edits.unshift({ address: `${f.cityCode.column}${row}`, value: record.cityCode });
      await this.write(sheet, edits, "保健所の設定");
    });
  }

  /** Fills 所属医療機関/動物診療施設コード (AJ) from the master that E selects. */
  pickInstitution(row: number, record: MasterRecord): Promise<void> {
    return this.task("fix", PANE_FAILURES.institution(), async () => {
      const sheet = this.requireSheet();
      await this.write(sheet, [{ address: `${this.profile.fields.institutionCode.column}${row}`, value: record.code }], "医療機関の設定");
    });
  }

  // --- masters ---

  /** Loads a sheet of the open workbook as a master (kind by name/header unless given). */
  loadMasterFromSheet(sheet: string, kind?: MasterKind): Promise<void> {
    return this.task("masters", PANE_FAILURES.masterSheet(sheet), async () => {
      await this.readMasterSheet(sheet, kind);
      await this.rebuildChecker();
    });
  }

  /** Loads a master from an .xlsx / .csv file chosen in the pane; kept in memory, the workbook is not changed. */
  /**
   * The file picker for masters is shown: the code and the workers that read an .xlsx are loaded now, while the user
   * looks for the file. A failure here changes nothing (the read itself reports its problems).
   */
  prepareMasterFileReading(): void {
    if (this.readMasterFile !== defaultMasterFileReader) return;
    import(/* webpackChunkName: "master-file" */ "../masters/read-master-file")
      .then((m) => m.prepareMasterFileReading())
      .catch(() => undefined);
  }

  loadMasterFromFile(file: File): Promise<void> {
    return this.task("masters", PANE_FAILURES.masterFile(file.name), async () => {
      this.store.set({ busy: { label: `「${file.name}」を読み込んでいます` } });
      // Only the indexes are kept (values: false lets the worker index an .xlsx and send no values back).
      const loaded = await this.readMasterFile(
        file,
        this.profile,
        (p) => this.showProgress(`「${file.name}」を${p.phase}`, p),
        { values: false },
      );
      if (loaded.length === 0) {
        this.say(
          "masters",
          "error",
          `ファイル「${file.name}」にマスタが見つかりません。ファイル名・シート名（保健所マスタ、医療機関マスタ（全数）、医療機関マスタ（定点）、動物診療施設マスタ）または1行目の見出し（保健所コード・中核市コード、医療機関コード、医療機関コードhos_cd、動物診療施設コード）で判別します。`,
        );
        return;
      }
      const masters = { ...this.state.masters };
      const origins = { ...this.state.masterOrigins };
      for (const m of loaded) {
        masters[m.kind] = m.index;
        origins[m.kind] = { from: "file", fileName: file.name };
        this.masterFiles[m.kind] = file;
      }
      this.store.set({ masters, masterOrigins: origins, lastMasterLoad: reports(loaded.map((m) => m.kind), masters) });
      await this.rebuildChecker();
      await this.rewatch();
    });
  }

  /**
   * Keeps a master read from a file in the workbook, when the user asks: a new sheet (an existing sheet is never
   * replaced), after which the master follows that sheet like any master sheet. The file is read again here so
   * that its values are not held in memory in the meantime.
   */
  saveMasterToWorkbook(kind: MasterKind): Promise<void> {
    return this.task("masters", PANE_FAILURES.saveMaster(), async () => {
      const file = this.masterFiles[kind];
      const label = this.profile.masters[kind].label;
      if (!file) {
        this.say("masters", "warning", `${label}はファイルから読み込んでいないため、保存するものがありません。`);
        return;
      }
      this.store.set({ busy: { label: `${label}をシートに書き込んでいます` } });
      const loaded = (await this.readMasterFile(file, this.profile, () => undefined)).find((m) => m.kind === kind);
      if (!loaded) {
        this.say("masters", "error", `ファイル「${file.name}」から${label}をもう一度読めませんでした。ファイルが変更・移動されていないか確認してください。`);
        return;
      }
      const sheet = await this.gateway.addValuesSheet(this.profile.masters[kind].sheetNames[0], loaded.values, (p) => this.showProgress(`${label}をシートに書き込んでいます`, p));
      delete this.masterFiles[kind];
      this.store.set({ masterOrigins: { ...this.state.masterOrigins, [kind]: { from: "sheet", sheet } } });
      await this.rewatch();
      this.say("masters", "success", `${label}（${loaded.index.size.toLocaleString("ja-JP")}件）をシート「${sheet}」としてブックに保存しました。`);
    });
  }

  // --- highlights and selection ---

  /** ハイライトを消す: the data area's A column and input cells back to the template's look; values untouched. */
  clearHighlights(): Promise<void> {
    return this.task("highlights", PANE_FAILURES.clearHighlights(), async () => {
      const sheet = this.requireSheet();
      const first = this.checker!.firstDataRow;
      const last = Math.max(this.checker!.lastRow, this.highlightedUpTo, first);
      await this.gateway.clearHighlights(sheet, first, last);
      this.highlightedUpTo = 0;
      this.store.set({ highlights: false });
      this.say("highlights", "success", "ハイライトを消しました。入力値は変更していません。");
    });
  }

  showHighlights(): Promise<void> {
    return this.task("highlights", PANE_FAILURES.showHighlights(), async () => {
      this.store.set({ highlights: true });
      await this.highlight(fullPlanRows(this.checker!, this.highlightedUpTo));
    });
  }

  /** A finding (or a row) clicked in the pane: select its cell in the sheet and show the row. */
  select(target: CellProblem | { row: number; column?: string }): Promise<void> {
    const cell = "place" in target ? target.place : target;
    const column = cell.column ?? this.profile.fields.name.column;
    const address = `${column}${cell.row}`;
    this.showRow(cell.row);
    return this.task("form", PANE_FAILURES.selectCell(address), async () => {
      const sheet = this.requireSheet();
      this.lastPaneSelection = address;
      await this.gateway.selectCell(sheet, address);
    });
  }

  /** A row link of the findings list: select the row in the sheet and show it, the focus going to the row view. */
  openRow(row: number, column?: string): Promise<void> {
    const selecting = this.select({ row, column });
    this.store.set({ view: "row", focusRowDetail: true });
    return selecting;
  }

  /** The row view has taken the focus it was opened with. */
  rowDetailFocused(): void {
    if (this.state.focusRowDetail) this.store.set({ focusRowDetail: undefined });
  }

  // --- view state (no Office calls) ---

  setView(view: PaneView): void {
    this.store.set({ view });
  }

  setSeverity(severity: SeverityFilter): void {
    this.store.set({ severity, page: 0 });
  }

  setPage(page: number): void {
    this.store.set({ page });
  }

  showRow(row: number): void {
    const check = this.state.check;
    this.store.set({
      selectedRow: row,
      rowDetail: this.checker && check ? describeRow(this.checker, row, this.profile, this.state.masters) : undefined,
    });
  }

  dismissFixNote(): void {
    this.store.set({ fixNote: undefined });
  }

  dismissMessage(id: number): void {
    this.store.set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopWatching();
  }

  // --- internals ---

  private async chooseFormSheet(sheets: SheetInfo[]): Promise<string | undefined> {
    const forms = sheets.filter((s) => s.formHeaderRow !== undefined);
    if (forms.length === 0) return undefined;
    let active: string | undefined;
    try {
      active = await this.gateway.activeSheetName();
    } catch {
      active = undefined; // not knowing the active sheet only changes which form is preferred
    }
    return (
      forms.find((s) => s.name === active)?.name ??
      forms.find((s) => s.name === this.profile.sheet.preferredName)?.name ??
      forms[0].name
    );
  }

  private async openSheet(sheet: string): Promise<void> {
    await this.stopWatching();
    this.pendingRows.clear();
    // Watch before reading: an edit made while a large form loads is queued and re-checked right after the
    // full check (re-reading a row the snapshot already has is harmless; missing an edit is not).
    this.watchedSheet = sheet;
    await this.startWatching(sheet);
    this.store.set({ phase: "loading", busy: { label: `シート「${sheet}」を読み込んでいます` } });
    const snapshot = await this.gateway.readForm(sheet, (p) => this.showProgress(`シート「${sheet}」を読み込んでいます`, p));
    // What was coloured before belongs to the previous sheet when the user switches forms.
    if (this.state.check?.sheet !== sheet) this.highlightedUpTo = 0;
    this.checker = checkForm(snapshot.rows, snapshot.headerRow, this.profile, this.state.masters, FORM_VIEW);
    this.store.set({ phase: "ready" });
    const rows = fullPlanRows(this.checker, this.highlightedUpTo);
    this.publish("full", rows, sheet);
    if (this.state.highlights) await this.highlight(rows);
  }

  /**
   * Progress of a long step, shown at most every PROGRESS_EVERY ms, except a step's first report (a new label) and its
   * last: each update lays out and repaints the pane, and a read that reports 50 times a second takes CPU from the
   * worker doing the read.
   */
  private showProgress(label: string, p: Progress): void {
    const now = Date.now();
    const shown = this.shownProgress;
    const last = p.total > 0 && p.done >= p.total;
    if (!last && shown?.label === label && now - shown.at < PROGRESS_EVERY) return;
    this.shownProgress = { label, at: now };
    this.store.set({ busy: { label, done: p.done, total: p.total } });
  }

  private async readMasterSheet(sheet: string, kind?: MasterKind): Promise<void> {
    const label = kind ? this.profile.masters[kind].label : `シート「${sheet}」`;
    this.store.set({ busy: { label: `${label}を読み込んでいます` } });
    const values = await this.gateway.readSheetValues(sheet, (p) => this.showProgress(`${label}を読み込んでいます`, p));
    const headerRow = values[this.profile.masters.healthCenter.headerRow - 1];
    const found = kind ?? detectMasterKind(sheet, headerRow, this.profile);
    if (!found) {
      this.say("masters", "error", `シート「${sheet}」はマスタとして判別できません。読み込むマスタの種類を選んでください。`);
      return;
    }
    const index = buildMasterIndex(found, `シート「${sheet}」`, values, this.profile);
    if (index.size === 0) {
      this.say("masters", "warning", `シート「${sheet}」に${this.profile.masters[found].label}のコードが1件もありません（見出しは1行目、コードは見出しの列で判別します）。`);
    }
    const masters = { ...this.state.masters, [found]: index };
    this.store.set({
      masters,
      masterOrigins: { ...this.state.masterOrigins, [found]: { from: "sheet", sheet } },
      lastMasterLoad: reports([found], masters),
    });
  }

  /** New masters → a new checker over the same rows (no re-read of the form). */
  private async rebuildChecker(): Promise<void> {
    const old = this.checker;
    const sheet = this.state.check?.sheet;
    if (!old || !sheet) return;
    const rows = old.filledRows().map((r) => old.rowInput(r)!);
    this.checker = checkForm(rows, old.headerRow, this.profile, this.state.masters, FORM_VIEW);
    const all = fullPlanRows(this.checker, this.highlightedUpTo);
    this.publish("full", all, sheet);
    if (this.state.highlights) await this.highlight(all);
  }

  private async startWatching(sheet: string): Promise<void> {
    const caps = this.state.capabilities;
    if (!caps || this.disposed) return;
    if (caps.changeEvents) {
      const masterSheets = Object.values(this.state.masterOrigins).flatMap((o) => (o?.from === "sheet" ? [o.sheet] : []));
      const watch = await this.gateway.watch(
        sheet,
        masterSheets,
        (change) => this.onSheetChange(change),
        (error) => this.say("form", "error", failureSentence(PANE_FAILURES.readChanges(), error)),
      );
      this.unwatch.push(() => watch.stop());
    }
    if (caps.selectionEvents) {
      this.unwatch.push(await this.gateway.onSelection(sheet, (a) => this.onExcelSelection(a)));
    }
  }

  private async rewatch(): Promise<void> {
    const sheet = this.state.check?.sheet;
    if (!sheet) return;
    await this.stopWatching();
    await this.startWatching(sheet);
  }

  private async stopWatching(): Promise<void> {
    const list = this.unwatch;
    this.unwatch = [];
    for (const off of list) {
      try {
        await off();
      } catch (e) {
        this.say("form", "warning", failureSentence(PANE_FAILURES.stopWatching(), e));
      }
    }
  }

  private onSheetChange(change: SheetChange): void {
    if (this.disposed) return;
    if (change.kind === "rows") {
      if (change.sheet !== this.watchedSheet) return;
      for (const r of change.rows) this.pendingRows.set(r.row, r);
      if (!this.pendingScheduled) {
        this.pendingScheduled = true;
        void this.task("form", PANE_FAILURES.recheckChanges(), async () => {
          this.pendingScheduled = false;
          const rows = [...this.pendingRows.values()];
          this.pendingRows.clear();
          if (rows.length > 0 && this.checker) await this.update(rows);
        });
      }
      return;
    }
    if (change.kind === "master") {
      const kind = (Object.keys(this.state.masterOrigins) as MasterKind[]).find((k) => {
        const o = this.state.masterOrigins[k];
        return o?.from === "sheet" && o.sheet === change.sheet;
      });
      void this.task("masters", PANE_FAILURES.reloadMaster(change.sheet), async () => {
        await this.readMasterSheet(change.sheet, kind);
        await this.rebuildChecker();
      });
      return;
    }
    if (change.reason === "deleted") {
      void this.task("form", PANE_FAILURES.reloadForm(), async () => {
        await this.stopWatching();
        this.checker = undefined;
        this.highlightedUpTo = 0;
        this.store.set({ check: undefined, rowDetail: undefined, selectedRow: undefined, phase: "no-form" });
        this.say("form", "warning", `シート「${change.sheet}」が削除されました。申請様式のシートを選んでください。`);
        this.store.set({ sheets: await this.gateway.listSheets() });
      });
      return;
    }
    if (change.reason === "renamed") {
      void this.start();
      return;
    }
    void this.task("form", PANE_FAILURES.reloadForm(), () => this.openSheet(change.sheet));
  }

  private onExcelSelection(address: { row: number; column: string }): void {
    if (this.disposed || !this.checker) return;
    const echo = this.lastPaneSelection === `${address.column}${address.row}`;
    this.lastPaneSelection = undefined;
    this.showRow(address.row);
    if (!echo && address.row >= this.checker.firstDataRow) this.store.set({ view: "row" });
  }

  /** Re-checks rows incrementally and recolours only the rows whose outcome may have changed. */
  private async update(rows: FormRow[]): Promise<void> {
    const changed = [...this.checker!.update(rows)].sort((a, b) => a - b);
    this.publish("incremental", changed);
    if (this.state.highlights && changed.length > 0) await this.highlight(changed);
  }

  private lastFix?: { sheet: string; before: Edit[]; after: Edit[] };

  private async refreshRows(sheet: string, rows: number[]): Promise<void> {
    const fresh = await this.gateway.readRows(sheet, rows);
    await this.update(fresh);
  }

  /** Writes the user's explicit fix, reads the rows back as Excel stored them, and re-checks them. */
  private async write(sheet: string, edits: Edit[], action: string, near?: string): Promise<void> {
    const rows = [...new Set(edits.map((e) => Number(/\d+$/.exec(e.address)![0])))];
    // What the cells held (just re-read), so the last fix can be undone.
    const before = edits.map((e) => ({ address: e.address, value: this.currentText(e.address) }));
    this.store.set({ busy: { label: `${action}: ${edits.length}セルを書き込んでいます` } });
    await this.gateway.writeValues(sheet, edits);
    await this.refreshRows(sheet, rows);
    this.lastFix = { sheet, before, after: edits };
    const text = `${action}: ${edits.length}セルを変更しました（${edits.map((e) => e.address).slice(0, 5).join("、")}${edits.length > 5 ? " ほか" : ""}）。`;
    if (near === undefined) this.say("fix", "success", text, true);
    else this.note({ intent: "success", text, undo: true, near: near || undefined });
  }

  /** What a cell of the form holds now, as text (for labels such as 「9」を「09」に直す). */
  cellText(address: string): string {
    return this.currentText(address);
  }

  private currentText(address: string): string {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return cellText(this.checker?.rowInput(Number(row))?.cells[columnIndex(column)] ?? null);
  }

  /**
   * 元に戻す: the cells of the last fix (one or a bulk fix) get back what they held, when they still hold what the fix
   * wrote (a cell changed since is left alone and named).
   */
  undoLastFix(): Promise<void> {
    return this.task("fix", PANE_FAILURES.undoFix(), async () => {
      const fix = this.lastFix;
      if (!fix) return;
      this.lastFix = undefined;
      const rows = [...new Set(fix.before.map((e) => Number(/\d+$/.exec(e.address)![0])))];
      await this.refreshRows(fix.sheet, rows);
      const changed = fix.after.filter((e) => this.currentText(e.address) !== e.value).map((e) => e.address);
      const edits = fix.before.filter((e) => !changed.includes(e.address));
      if (edits.length > 0) {
        await this.gateway.writeValues(fix.sheet, edits);
        await this.refreshRows(fix.sheet, rows);
      }
      const intent = changed.length > 0 ? "warning" : "success";
      const text = `${edits.length}セルを修正前の値に戻しました。${changed.length > 0 ? `${changed.join("、")} は修正の後に変更されているため、そのままにしました。` : ""}`;
      const note = this.state.fixNote;
      // A one-click fix is undone where its confirmation is; a bulk fix in the message bar.
      if (note?.undo) this.note({ intent, text, undo: false, near: note.near });
      else this.say("fix", intent, text);
    });
  }

  private async highlight(rows: number[]): Promise<void> {
    const sheet = this.state.check?.sheet;
    if (!sheet || !this.checker || rows.length === 0) return;
    const plan = highlightPlan(this.checker, rows, this.profile.sheet.statusColumn);
    await this.gateway.applyHighlights(sheet, plan);
    this.highlightedUpTo = Math.max(this.highlightedUpTo, this.checker.lastRow);
  }

  private publish(mode: "full" | "incremental", changedRows: number[], sheet = this.state.check?.sheet): void {
    const checker = this.checker!;
    const result = checker.result();
    const severity = this.state.severity;
    const pages = pageCount(groupFindings(result, severity).groups.length);
    const selectedRow = this.state.selectedRow;
    this.store.set((s) => ({
      check: {
        sheet: sheet!,
        headerRow: checker.headerRow,
        result,
        version: (s.check?.version ?? 0) + 1,
        notices: checkNotices(checker, this.profile, s.masters),
        changedRows,
        mode,
      },
      page: Math.min(s.page, pages - 1),
      rowDetail: selectedRow !== undefined ? describeRow(checker, selectedRow, this.profile, s.masters) : undefined,
    }));
  }

  private requireSheet(): string {
    const sheet = this.state.check?.sheet;
    if (!sheet || !this.checker) throw new Error("申請様式のシートが開かれていません。");
    return sheet;
  }

  /** The confirmation of a one-click fix, in the list; the message bar no longer offers 元に戻す. */
  private note(note: Omit<FixNote, "id">): void {
    const id = ++this.messageId;
    this.store.set((s) => ({ fixNote: { id, ...note }, messages: s.messages.map((m) => (m.undo ? { ...m, undo: undefined } : m)) }));
  }

  /**
   * The current message of a place (the form, fixes, masters, highlights): a new one replaces the one before it, so
   * messages never pile up or contradict each other. Newest first; only the newest fix offers 元に戻す.
   */
  private say(place: PanePlace, intent: PaneMessage["intent"], text: string, undo = false): void {
    const id = ++this.messageId;
    // A bulk fix's confirmation replaces the last one-click fix's (only the newest fix offers 元に戻す).
    if (undo && this.state.fixNote) this.store.set({ fixNote: undefined });
    this.store.set((s) => ({
      messages: [{ id, place, intent, text, undo: undo || undefined }, ...s.messages.filter((m) => m.place !== place).map((m) => (m.undo ? { ...m, undo: undefined } : m))],
    }));
  }

  /** Queues an Office operation; a failure becomes its sentence (from PANE_FAILURES) and why, in the pane. */
  private task(place: PanePlace, failed: string, body: () => Promise<void>): Promise<void> {
    if (!this.state.working) this.store.set({ working: true });
    return this.queue.run(async () => {
      const before = this.messageId;
      try {
        await body();
        // Done this time: an earlier failure of this place is no longer the current status.
        this.store.set((s) => ({ messages: s.messages.filter((m) => !(m.place === place && m.intent === "error" && m.id <= before)) }));
      } catch (e) {
        this.say(place, "error", failureSentence(failed, e));
      } finally {
        if (this.state.busy) this.store.set({ busy: undefined });
        if (this.state.phase === "loading") this.store.set({ phase: this.checker ? "ready" : "no-form" });
        if (this.queue.size <= 1) this.store.set({ working: false });
      }
    });
  }
}

function reports(kinds: MasterKind[], masters: MasterSet): MasterLoadReport[] {
  return describeMasters(masters).filter((d) => kinds.includes(d.kind));
}
