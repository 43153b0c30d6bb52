import {
  buildMasterIndex,
  describeMasters,
  detectMasterKind,
  type FormProfile,
  type LoadedMaster,
  type MasterKind,
  type MasterRecord,
  type MasterSet,
  searchPreference,
} from "../../domain";
import type { Progress } from "../../excel/gateway-types";
import type { CheckedForm } from "./checked-form";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";
import type { MasterLoadReport } from "./pane-state";
import type { WatchController } from "./watch-controller";

/** A picker's search: at most `limit` records, those whose 保健所 is in `nearest` first. */
export interface PickerSearch {
  limit?: number;
  nearest?: readonly (string | undefined)[];
}

/** Reads a master file chosen in the pane; loaded lazily (the reader runs in a worker where it can). */
export type MasterFileReader = (
  file: File,
  profile: FormProfile,
  onProgress: (p: Progress & { phase: string }) => void,
  /** values: false → the masters' values may come back empty (only the indexes are used). */
  options?: { values?: boolean },
) => Promise<LoadedMaster[]>;

export const defaultMasterFileReader: MasterFileReader = async (file, profile, onProgress, options) => {
  const { readMasterFile } = await import(/* webpackChunkName: "master-file" */ "../masters/read-master-file");
  return readMasterFile(file, profile, onProgress, options);
};

/**
 * The masters the form is checked against: read from the workbook's sheets (followed for changes) or from files
 * (kept in memory, and in the workbook only when the user asks), and searched by the pickers. New masters re-check
 * the rows already read.
 */
export class MastersController {
  /** Masters read from files, by kind: read again only if the user asks to keep one in the workbook. */
  private files: Partial<Record<MasterKind, File>> = {};

  private formCenters?: { version: number | undefined; codes: string[] };

  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
    private readonly watch: WatchController,
    private readonly readMasterFile: MasterFileReader = defaultMasterFileReader,
  ) {}

  /** Loads a sheet of the open workbook as a master (kind by name/header unless given). */
  loadFromSheet(sheet: string, kind?: MasterKind): Promise<void> {
    return this.session.task("masters", PANE_FAILURES.masterSheet(sheet), async () => {
      await this.readSheet(sheet, kind);
      await this.recheckForm();
    });
  }

  /** A master sheet the pane follows changed in Excel: read it again (as the kind it was loaded as). */
  reloadSheet(sheet: string): Promise<void> {
    const { masterOrigins } = this.session.state;
    const kind = (Object.keys(masterOrigins) as MasterKind[]).find((k) => {
      const o = masterOrigins[k];
      return o?.from === "sheet" && o.sheet === sheet;
    });
    return this.session.task("masters", PANE_FAILURES.reloadMaster(sheet), async () => {
      await this.readSheet(sheet, kind);
      await this.recheckForm();
    });
  }

  /**
   * The file picker for masters is shown: the code and the workers that read an .xlsx are loaded now, while the user
   * looks for the file. A failure here changes nothing (the read itself reports its problems).
   */
  prepareFileReading(): void {
    if (this.readMasterFile !== defaultMasterFileReader) return;
    import(/* webpackChunkName: "master-file" */ "../masters/read-master-file")
      .then((m) => m.prepareMasterFileReading())
      .catch(() => undefined);
  }

  /** Loads a master from an .xlsx / .csv file chosen in the pane; kept in memory, the workbook is not changed. */
  loadFromFile(file: File): Promise<void> {
    const { session } = this;
    return session.task("masters", PANE_FAILURES.masterFile(file.name), async () => {
      session.store.set({ busy: { label: `「${file.name}」を読み込んでいます` } });
      // Only the indexes are kept (values: false lets the worker index an .xlsx and send no values back).
      const loaded = await this.readMasterFile(file, session.profile, (p) => session.showProgress(`「${file.name}」を${p.phase}`, p), { values: false });
      if (loaded.length === 0) {
        session.say(
          "masters",
          "error",
          `ファイル「${file.name}」にマスタが見つかりません。ファイル名・シート名（保健所マスタ、医療機関マスタ（全数）、医療機関マスタ（定点）、動物診療施設マスタ）または1行目の見出し（保健所コード・中核市コード、医療機関コード、医療機関コードhos_cd、動物診療施設コード）で判別します。`,
        );
        return;
      }
      const masters = { ...session.state.masters };
      const origins = { ...session.state.masterOrigins };
      for (const m of loaded) {
        masters[m.kind] = m.index;
        origins[m.kind] = { from: "file", fileName: file.name };
        this.files[m.kind] = file;
      }
      session.store.set({ masters, masterOrigins: origins, lastMasterLoad: reports(loaded.map((m) => m.kind), masters) });
      await this.recheckForm();
      await this.watch.rewatch();
    });
  }

  /**
   * Keeps a master read from a file in the workbook, when the user asks: a new sheet (an existing sheet is never
   * replaced), after which the master follows that sheet like any master sheet. The file is read again here so
   * that its values are not held in memory in the meantime.
   */
  saveToWorkbook(kind: MasterKind): Promise<void> {
    const { session } = this;
    return session.task("masters", PANE_FAILURES.saveMaster(), async () => {
      const file = this.files[kind];
      const { label, sheetNames } = session.profile.masters[kind];
      if (!file) {
        session.say("masters", "warning", `${label}はファイルから読み込んでいないため、保存するものがありません。`);
        return;
      }
      session.store.set({ busy: { label: `${label}をシートに書き込んでいます` } });
      const loaded = (await this.readMasterFile(file, session.profile, () => undefined)).find((m) => m.kind === kind);
      if (!loaded) {
        session.say("masters", "error", `ファイル「${file.name}」から${label}をもう一度読めませんでした。ファイルが変更・移動されていないか確認してください。`);
        return;
      }
      const sheet = await session.gateway.addValuesSheet(sheetNames[0], loaded.values, (p) => session.showProgress(`${label}をシートに書き込んでいます`, p));
      delete this.files[kind];
      session.store.set({ masterOrigins: { ...session.state.masterOrigins, [kind]: { from: "sheet", sheet } } });
      await this.watch.rewatch();
      session.say("masters", "success", `${label}（${loaded.index.size.toLocaleString("ja-JP")}件）をシート「${sheet}」としてブックに保存しました。`);
    });
  }

  /** 保健所 for a picker: `nearest` (e.g. the 保健所 of the row's institution) first, then the form's, its 都道府県's, the rest. */
  searchHealthCenters(query: string, options: PickerSearch = {}): MasterRecord[] {
    return this.session.state.masters.healthCenter?.search(query, { limit: options.limit, prefer: this.preference(options.nearest) }) ?? [];
  }

  /** Institutions for a picker, ordered as searchHealthCenters by their 保健所 (`nearest`: e.g. the row's K). */
  searchInstitutions(kind: MasterKind, query: string, options: PickerSearch = {}): MasterRecord[] {
    return this.session.state.masters[kind]?.search(query, { limit: options.limit, prefer: this.preference(options.nearest) }) ?? [];
  }

  /** The 保健所 the form's rows name, most named first (worked out once per check shown). */
  private formHealthCenters(): string[] {
    const version = this.session.state.check?.version;
    const cached = this.formCenters;
    if (cached && cached.version === version) return cached.codes;
    const checker = this.form.checker;
    const counts = new Map<string, number>();
    for (const row of checker?.filledRows() ?? []) {
      const code = checker!.rowResult(row)?.values.healthCenterCode;
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const codes = [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    this.formCenters = { version, codes };
    return codes;
  }

  private preference(nearest: readonly (string | undefined)[] = []): ReadonlySet<string>[] {
    return searchPreference(this.session.state.masters.healthCenter, nearest, this.formHealthCenters());
  }

  healthCenterRecord(code: string | undefined): MasterRecord | undefined {
    return code ? this.session.state.masters.healthCenter?.get(code) : undefined;
  }

  /** Reads a sheet of the workbook as a master (in a queued task); the form is not re-checked here. */
  async readSheet(sheet: string, kind?: MasterKind): Promise<void> {
    const { session } = this;
    const { profile } = session;
    const label = kind ? profile.masters[kind].label : `シート「${sheet}」`;
    session.store.set({ busy: { label: `${label}を読み込んでいます` } });
    const values = await session.gateway.readSheetValues(sheet, (p) => session.showProgress(`${label}を読み込んでいます`, p));
    const headerRow = values[profile.masters.healthCenter.headerRow - 1];
    const found = kind ?? detectMasterKind(sheet, headerRow, profile);
    if (!found) {
      session.say("masters", "error", `シート「${sheet}」はマスタとして判別できません。読み込むマスタの種類を選んでください。`);
      return;
    }
    const index = buildMasterIndex(found, `シート「${sheet}」`, values, profile);
    if (index.size === 0) {
      session.say("masters", "warning", `シート「${sheet}」に${profile.masters[found].label}のコードが1件もありません（見出しは1行目、コードは見出しの列で判別します）。`);
    }
    const masters = { ...session.state.masters, [found]: index };
    session.store.set({
      masters,
      masterOrigins: { ...session.state.masterOrigins, [found]: { from: "sheet", sheet } },
      lastMasterLoad: reports([found], masters),
    });
  }

  /** "What was loaded" shows these kinds (the master sheets found when the pane starts). */
  reportLoaded(kinds: MasterKind[]): void {
    this.session.store.set({ lastMasterLoad: reports(kinds, this.session.state.masters) });
  }

  /** New masters → a new check of the same rows (no re-read of the form). */
  private async recheckForm(): Promise<void> {
    const { checker, sheet } = this.form;
    if (!checker || !sheet) return;
    this.form.check(this.form.rows(), checker.headerRow);
    await this.form.showAll(sheet);
  }
}

function reports(kinds: MasterKind[], masters: MasterSet): MasterLoadReport[] {
  return describeMasters(masters).filter((d) => kinds.includes(d.kind));
}
