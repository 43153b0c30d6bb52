import {
  applicationRecords,
  buildAccountDrafts,
  buildMasterIndex,
  decide,
  diffForms,
  distributableForm,
  formDiffText,
  EMPTY_REVIEW_RECORD,
  encodingLabel,
  exportSourceOf,
  importSubmissions,
  initialDecision,
  mailtoLink,
  matchAccounts,
  MATCH_METHOD_LABELS,
  pairManually,
  parseReviewRecord,
  previousVersions,
  readIssuedCsv,
  REMARK_MAX,
  reviewCheck,
  reviewExport,
  checkNotices,
  uncheckedMasters,
  uncheckedMastersMessage,
  reviewReport,
  reviewReportGrid,
  reviewReportHtml,
  selectHealthCenters,
  sendBackLetter,
  sendBackWorkbook,
  serializeReviewRecord,
  submissionSource,
  draftsZip,
  unreadableFileNotice,
  type AccountDraft,
  type ApplicationRecord,
  type CheckedSubmission,
  type FormProfile,
  type ImportNotice,
  type IssuedAccount,
  type IssuedColumnMapping,
  type MailTemplates,
  type MasterSet,
  type MatchResult,
  type ReviewDecision,
  type ReviewRecord,
  type ReviewSubmission,
  type SubmittedFile,
} from "../../domain";
import { columnIndex, cellText, type Cell } from "../../domain";
import type { ExcelGateway } from "../../excel/gateway-types";
import type { ReviewGateway } from "../../excel/review-gateway-types";
import { failureSentence } from "../state/office-errors";
import { copyText, downloadBytes, downloadSupport, stampedFileName, type DownloadSupport } from "./file-delivery";
import { bytesToBase64, readSubmittedFile } from "./read-submitted-file";
import { initialReviewState, type Delivery, type ReviewIntent, type ReviewMessage, type ReviewPlace, type ReviewState, type SubmissionView } from "./review-state";
import { ReviewStore } from "./review-store";
import { forgetSystemUrl, recallSystemUrl, rememberSystemUrl } from "./system-url-memory";

export const REPORT_SHEET = "審査結果";

/** Each Office task as the pane names it: what it is doing (spinner) and the whole sentence when it fails. */
export const REVIEW_TASKS = {
  審査の記録の読み込み: { doing: "審査の記録を読み込んでいます", failed: "審査の記録を読み込めませんでした。" },
  申請様式の取り込み: { doing: "申請様式を取り込んでいます", failed: "申請様式を取り込めませんでした。" },
  判定の保存: { doing: "判定を保存しています", failed: "判定をブックに保存できませんでした。" },
  申請の削除: { doing: "申請を審査から外しています", failed: "申請を審査から外せませんでした。" },
  申請の復元: { doing: "外した申請を元に戻しています", failed: "外した申請を元に戻せませんでした。" },
  設定の保存: { doing: "設定を保存しています", failed: "設定をブックに保存できませんでした。" },
  審査結果シートの作成: { doing: "審査結果シートを作成しています", failed: "審査結果シートを作成できませんでした。" },
  差戻し用の様式の作成: { doing: "差戻し用の様式を作成しています", failed: "差戻し用の様式を作成できませんでした。" },
  配布用の様式の作成: { doing: "配布用の様式を作成しています", failed: "配布用の様式を作成できませんでした。" },
  登録用CSVの出力: { doing: "登録用CSVを出力しています", failed: "登録用CSVを出力できませんでした。" },
  CSVのシートへの書き出し: { doing: "CSVをシートに書き出しています", failed: "CSVをシートに書き出せませんでした。" },
  セルの選択: { doing: "セルを選択しています", failed: "申請のシートのセルを選択できませんでした。" },
} as const;

const isUnchanged = (s: { added: number; removed: number; changed: number }) => s.added === 0 && s.removed === 0 && s.changed === 0;
export const CSV_SHEET = "登録用CSV";

export interface ReviewDeps {
  review: ReviewGateway;
  /** The form gateway: reads submission sheets and master sheets when a saved review workbook is reopened. */
  excel?: ExcelGateway;
  profile: FormProfile;
  now?: () => Date;
  readFile?: (fileName: string, bytes: Uint8Array) => Promise<SubmittedFile>;
  downloads?: () => DownloadSupport;
  download?: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  copy?: (text: string) => Promise<boolean>;
  openLink?: (href: string) => void;
}

const MIME_CSV = "text/csv";
const MIME_ZIP = "application/zip";
const MIME_HTML = "text/html";
const MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The reviewer's workflow (作業②③④): import submitted files, check them together, record decisions in the
 * workbook, export the registration CSV of approved rows, read the issued accounts and draft the mails.
 * Passwords live only in this object's private fields (accounts, drafts) and are dropped by forgetPasswords().
 */
export class ReviewController {
  readonly store = new ReviewStore(initialReviewState());
  private record: ReviewRecord = EMPTY_REVIEW_RECORD;
  private submissions: ReviewSubmission[] = [];
  private fileMasters = new Map<string, MasterSet>();
  private workbookMasters: MasterSet = {};
  private checked: CheckedSubmission[] = [];
  private how = new Map<string, "inserted" | "copied">();
  /** The submitted files' bytes, this session only (for the marked-up copy); not kept in the workbook. */
  private submittedBytes = new Map<string, Uint8Array>();
  private issuedBytes?: { fileName: string; bytes: Uint8Array };
  private accounts: IssuedAccount[] = [];
  private match?: MatchResult;
  private drafts: AccountDraft[] = [];
  /** Sentences about decisions carried to newer versions, said with the import's own message. */
  private carried: string[] = [];
  /** The last submission taken out of the review, kept for 元に戻す (this session only). */
  private removed?: {
    at: number;
    entry: ReviewRecord["submissions"][number];
    submission: ReviewSubmission;
    values?: Cell[][];
    how?: "inserted" | "copied";
    bytes?: Uint8Array;
    masters?: MasterSet;
  };
  private messageId = 0;
  private readonly now: () => Date;

  /** The form profile the review checks with (the export settings show only what it uses). */
  get profile(): FormProfile {
    return this.deps.profile;
  }

  constructor(private readonly deps: ReviewDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The current message of a place: a new one replaces the one before it (they never pile up or contradict). */
  private say(place: ReviewPlace, intent: ReviewIntent, text: string, action?: ReviewMessage["action"]): void {
    const id = ++this.messageId;
    this.store.set((s) => ({ messages: [...s.messages.filter((m) => m.place !== place), { id, place, intent, text, action }] }));
  }

  dismiss(id: number): void {
    this.store.set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  }

  private async busy<T>(place: ReviewPlace, label: keyof typeof REVIEW_TASKS, work: () => Promise<T>): Promise<T | undefined> {
    const task = REVIEW_TASKS[label];
    this.store.set({ busy: task.doing });
    try {
      return await work();
    } catch (e) {
      this.say(place, "error", failureSentence(task.failed, e));
      return undefined;
    } finally {
      this.store.set({ busy: undefined });
    }
  }

  // ---- 作業②: start, import, check, decide ----

  async start(): Promise<void> {
    const caps = this.deps.review.capabilities();
    const url = recallSystemUrl();
    this.store.set((s) => ({
      canInsertSheets: caps.insertWorksheets,
      canStoreRecord: caps.settings,
      downloads: (this.deps.downloads ?? downloadSupport)(),
      mail: { ...s.mail, url, urlRemembered: url !== "" },
    }));
    await this.busy("record", "審査の記録の読み込み", async () => {
      const parsed = parseReviewRecord(await this.deps.review.readRecord());
      if (!parsed.ok) {
        this.say("record", "error", `${parsed.message} 新しい審査として始めます（ブックの記録は上書きしません）。`);
        return;
      }
      this.record = parsed.record;
      this.store.set((s) => ({ settings: { ...s.settings, issueDeferred: this.record.settings.issueDeferred, header: this.record.settings.header } }));
      await this.loadWorkbookMasters();
      await this.reloadSubmissionSheets();
    });
    if (!caps.settings) this.say("host", "warning", "この Excel は古い版のため、審査の判定をブックに保存できません。判定はこの画面を閉じるまで有効です（新しい版の Excel では保存されます）。");
    this.store.set({ phase: "ready" });
  }

  private async loadWorkbookMasters(): Promise<void> {
    const excel = this.deps.excel;
    if (!excel) return;
    const sheets = await excel.listSheets();
    let masters: MasterSet = {};
    for (const s of sheets) {
      if (!s.masterKind) continue;
      const values = await excel.readSheetValues(s.name);
      masters = { ...masters, [s.masterKind]: buildMasterIndex(s.masterKind, s.name, values, this.deps.profile) };
    }
    this.workbookMasters = masters;
  }

  /** A reopened review workbook: each recorded submission's rows are read back from its sheet. */
  private async reloadSubmissionSheets(): Promise<void> {
    const excel = this.deps.excel;
    if (this.record.submissions.length === 0) return;
    if (!excel) {
      this.say("record", "warning", "保存された審査の申請シートを読み込めません。申請様式を取り込み直してください。");
      return;
    }
    const names = new Set(await this.deps.review.sheetNames());
    const loaded: ReviewSubmission[] = [];
    const missing: string[] = [];
    for (const r of this.record.submissions) {
      if (!names.has(r.sheetName)) {
        missing.push(`${r.id}（${r.fileName}）のシート「${r.sheetName}」`);
        continue;
      }
      const form = await excel.readForm(r.sheetName);
      loaded.push({
        id: r.id,
        fileName: r.fileName,
        sourceSheet: r.sourceSheet,
        sheetName: r.sheetName,
        institution: r.institution,
        headerRow: form.headerRow,
        headerCells: form.headerCells,
        rows: form.rows,
        importedAt: r.importedAt,
      });
    }
    this.submissions = loaded;
    if (missing.length > 0) this.say("record", "warning", `${missing.join("、")}が見つかりません。削除または名前が変更されています。`);
    this.recheck();
  }

  async importFiles(files: readonly { name: string; bytes: () => Promise<Uint8Array> }[]): Promise<void> {
    await this.busy("review", "申請様式の取り込み", async () => {
      const read: { file: SubmittedFile; bytes: Uint8Array }[] = [];
      const notices: ImportNotice[] = [];
      for (const f of files) {
        this.store.set({ busy: `申請様式を読み込んでいます: ${f.name}` });
        try {
          const bytes = await f.bytes();
          read.push({ file: await (this.deps.readFile ?? readSubmittedFile)(f.name, bytes), bytes });
        } catch (e) {
          notices.push(unreadableFileNotice(f.name, e instanceof Error ? e.message : String(e)));
        }
      }
      const imported = importSubmissions(
        read.map((r) => r.file),
        {
          profile: this.deps.profile,
          existingIds: this.record.submissions.map((s) => s.id),
          takenSheetNames: await this.deps.review.sheetNames(),
          importedFileNames: this.record.submissions.map((s) => s.fileName),
          masters: this.workbookMasters,
          now: this.now().toISOString(),
        },
      );
      notices.push(...imported.notices);
      const added: ReviewSubmission[] = [];
      for (const s of imported.submissions) {
        this.store.set({ busy: `シートを追加しています: ${s.sheetName}` });
        const source = read.find((r) => r.file.fileName === s.fileName)!;
        const sheet = source.file.sheets.find((x) => x.name === s.sourceSheet)!;
        const result = await this.deps.review.addSubmissionSheet({
          sheetName: s.sheetName,
          sourceSheet: s.sourceSheet,
          base64: this.deps.review.capabilities().insertWorksheets ? bytesToBase64(source.bytes) : undefined,
          values: sheet.values,
          headerRow: s.headerRow,
          rows: s.rows.map((r) => r.row),
          provenance: { fileName: s.fileName, institution: s.institution.text },
        });
        this.how.set(s.id, result.how);
        this.submittedBytes.set(s.id, source.bytes);
        this.fileMasters.set(s.id, imported.fileMasters.get(s.id) ?? {});
        added.push(s);
        this.record = {
          ...this.record,
          submissions: [
            ...this.record.submissions,
            {
              id: s.id,
              fileName: s.fileName,
              sourceSheet: s.sourceSheet,
              sheetName: s.sheetName,
              institution: s.institution,
              headerRow: s.headerRow,
              importedAt: s.importedAt,
              decision: initialDecision(),
            },
          ],
        };
      }
      this.submissions = [...this.submissions, ...added];
      this.store.set((st) => ({ notices: [...notices, ...st.notices.filter((n) => !files.some((f) => f.name === n.fileName))] }));
      this.recheck();
      if (this.carryDecisions(added)) this.publishSubmissions();
      await this.saveRecord();
      const copied = added.filter((s) => this.how.get(s.id) === "copied").length;
      const refused = notices.filter((n) => n.severity === "error").length;
      const sentences = [
        added.length > 0 ? `${added.length}件の申請を取り込みました（${added.map((s) => s.sheetName).join("、")}）。` : "",
        added.length > 0 && copied > 0 ? "この Excel ではシートをそのまま挿入できないため、値をコピーしました（書式は引き継がれません）。" : "",
        ...this.carried,
        refused > 0 ? `${refused}件のファイル・シートを取り込めませんでした。理由は「取り込みの注意」を確認してください。` : "",
      ].filter((x) => x !== "");
      this.carried = [];
      if (sentences.length > 0) this.say("review", refused > 0 ? (added.length > 0 ? "warning" : "error") : "success", sentences.join(""));
    });
  }

  /**
   * A newer version of a submission already in the review starts with the remark of the version before it, and with
   * its decision too when no row was added, removed or changed (decisions are per submission). Returns whether any
   * decision changed.
   */
  private carryDecisions(added: readonly ReviewSubmission[]): boolean {
    const previous = previousVersions(this.submissions);
    let carried = false;
    const submissions = this.record.submissions.map((r) => {
      if (!added.some((a) => a.id === r.id)) return r;
      const before = this.record.submissions.find((x) => x.id === previous.get(r.id));
      if (!before) return r;
      const oldCheck = this.checked.find((c) => c.submission.id === before.id);
      const newCheck = this.checked.find((c) => c.submission.id === r.id);
      const same = oldCheck && newCheck ? isUnchanged(diffForms(oldCheck.checker, newCheck.checker).summary) : false;
      const remark = before.decision.remark.trim() === "" ? r.decision.remark : `前回（${before.id}）の備考: ${before.decision.remark}`.slice(0, REMARK_MAX);
      const status = same ? before.decision.status : r.decision.status;
      if (remark === r.decision.remark && status === r.decision.status) return r;
      carried = true;
      if (same) this.carried.push(`${r.id} は前回の ${before.id} と内容が同じため、判定「${status}」と備考を引き継ぎました。`);
      return { ...r, decision: { ...r.decision, status, remark } };
    });
    this.record = { ...this.record, submissions };
    return carried;
  }

  private mastersOf = (s: ReviewSubmission): MasterSet => ({ ...(this.fileMasters.get(s.id) ?? {}), ...this.workbookMasters });

  /** Checks all submissions together and publishes the list. */
  private recheck(): void {
    this.checked = reviewCheck(this.submissions, this.deps.profile, this.mastersOf);
    this.publishSubmissions();
  }

  private decisions(): Map<string, ReviewDecision> {
    return new Map(this.record.submissions.map((s) => [s.id, s.decision]));
  }

  private publishSubmissions(): void {
    const decisions = this.decisions();
    const nameCol = columnIndex(this.deps.profile.fields.name.column);
    const previous = previousVersions(this.submissions);
    const views: SubmissionView[] = this.checked.map((c) => {
      const byRow = new Map<number, SubmissionView["rows"][number]>();
      for (const f of c.findings) {
        let entry = byRow.get(f.row);
        if (!entry) {
          const name = cellText(c.checker.rowInput(f.row)?.cells[nameCol] ?? null).trim();
          byRow.set(f.row, (entry = { row: f.row, name, findings: [] }));
        }
        entry.findings.push({ cell: `${f.column}${f.row}`, severity: f.severity, message: f.message });
      }
      // Errors lead: rows with an error first, and in each row its errors before its warnings (then by row, column).
      const rank = { error: 0, warning: 1, info: 2 } as const;
      const rows = [...byRow.values()].map((r) => ({ ...r, findings: [...r.findings].sort((a, b) => rank[a.severity] - rank[b.severity]) }));
      const worst = (r: (typeof rows)[number]) => Math.min(...r.findings.map((f) => rank[f.severity]));
      rows.sort((a, b) => worst(a) - worst(b) || a.row - b.row);
      return {
        id: c.submission.id,
        fileName: c.submission.fileName,
        sourceSheet: c.submission.sourceSheet,
        sheetName: c.submission.sheetName,
        institution: c.submission.institution.text,
        decision: decisions.get(c.submission.id) ?? initialDecision(),
        summary: c.summary,
        how: this.how.get(c.submission.id),
        rows,
        comparison: this.comparison(c, previous.get(c.submission.id)),
        canMarkUp: this.submittedBytes.has(c.submission.id),
      };
    });
    this.store.set({ submissions: views });
  }

  /** The comparison with the version before (rows matched by person, findings resolved and new). */
  private comparison(c: CheckedSubmission, previousId: string | undefined): SubmissionView["comparison"] {
    const before = previousId === undefined ? undefined : this.checked.find((x) => x.submission.id === previousId);
    if (!before) return undefined;
    const diff = diffForms(before.checker, c.checker);
    const name = (x: CheckedSubmission) => `${x.submission.id}（${x.submission.fileName}、シート「${x.submission.sourceSheet}」）`;
    return { previousId: before.submission.id, summary: diff.summary, text: formDiffText(diff, name(before), name(c)) };
  }

  private async saveRecord(): Promise<void> {
    if (!this.deps.review.capabilities().settings) return;
    await this.deps.review.writeRecord(serializeReviewRecord(this.record));
  }

  async setDecision(id: string, change: Partial<Pick<ReviewDecision, "status" | "remark">>): Promise<void> {
    const at = this.record.submissions.findIndex((s) => s.id === id);
    if (at < 0) return;
    const decision = decide(this.record.submissions[at].decision, change, this.now().toISOString());
    const submissions = [...this.record.submissions];
    submissions[at] = { ...submissions[at], decision };
    this.record = { ...this.record, submissions };
    this.publishSubmissions();
    await this.busy("review", "判定の保存", () => this.saveRecord());
  }

  /**
   * 審査から外す (the pane asks first): the submission's sheet is deleted with its decision and remark, and everything
   * needed to put it back is kept for this session, so 元に戻す restores the sheet (its values as they were), the
   * decision, the remark and its place in the list.
   */
  async removeSubmission(id: string): Promise<void> {
    const at = this.record.submissions.findIndex((x) => x.id === id);
    if (at < 0) return;
    const entry = this.record.submissions[at];
    await this.busy("review", "申請の削除", async () => {
      const submission = this.submissions.find((x) => x.id === id);
      const values = this.deps.excel ? await this.deps.excel.readSheetValues(entry.sheetName) : undefined;
      await this.deps.review.deleteSheet(entry.sheetName);
      if (submission) this.removed = { at, entry, submission, values, how: this.how.get(id), bytes: this.submittedBytes.get(id), masters: this.fileMasters.get(id) };
      this.record = { ...this.record, submissions: this.record.submissions.filter((x) => x.id !== id) };
      this.submissions = this.submissions.filter((x) => x.id !== id);
      this.recheck();
      await this.saveRecord();
      this.say(
        "review",
        "info",
        `${id}（${entry.fileName}）を審査から外し、シート「${entry.sheetName}」を削除しました。${this.removed ? "「元に戻す」で判定・備考ごと戻せます（この画面を閉じるまで）。" : ""}`,
        this.removed ? { kind: "undo-removal", label: "元に戻す" } : undefined,
      );
    });
  }

  /** 元に戻す: the last submission taken out of the review comes back with its sheet, decision and remark. */
  async undoRemoval(): Promise<void> {
    const r = this.removed;
    if (!r) return;
    await this.busy("review", "申請の復元", async () => {
      const values = r.values ?? this.gridOf(r.submission);
      const taken = await this.deps.review.sheetNames();
      if (taken.includes(r.entry.sheetName)) throw new Error(`シート「${r.entry.sheetName}」が既にあるため、元に戻せません。シートの名前を変えてから、もう一度お試しください。`);
      const base64 = r.how === "inserted" && r.bytes && this.deps.review.capabilities().insertWorksheets ? bytesToBase64(r.bytes) : undefined;
      const result = await this.deps.review.addSubmissionSheet({
        sheetName: r.entry.sheetName,
        sourceSheet: r.entry.sourceSheet,
        base64,
        values,
        headerRow: r.entry.headerRow,
        rows: r.submission.rows.map((x) => x.row),
        provenance: { fileName: r.entry.fileName, institution: r.entry.institution.text },
      });
      this.removed = undefined;
      this.how.set(r.entry.id, result.how);
      if (r.bytes) this.submittedBytes.set(r.entry.id, r.bytes);
      if (r.masters) this.fileMasters.set(r.entry.id, r.masters);
      const submissions = [...this.record.submissions];
      submissions.splice(Math.min(r.at, submissions.length), 0, r.entry);
      this.record = { ...this.record, submissions };
      const order = new Map(submissions.map((x, i) => [x.id, i]));
      this.submissions = [...this.submissions, r.submission].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      this.recheck();
      await this.saveRecord();
      this.say("review", "success", `${r.entry.id}（${r.entry.fileName}）を審査に戻しました（判定「${r.entry.decision.status}」と備考もそのままです）。`);
    });
  }

  /** A submission's header and rows as a sheet grid (row 0 = sheet row 1), when its sheet could not be read. */
  private gridOf(s: ReviewSubmission): Cell[][] {
    const grid: Cell[][] = Array.from({ length: Math.max(s.headerRow, ...s.rows.map((r) => r.row)) }, () => []);
    grid[s.headerRow - 1] = [...s.headerCells];
    for (const r of s.rows) grid[r.row - 1] = [...r.cells];
    return grid;
  }

  /** A finding clicked in the list: its cell on the submission's sheet is selected in Excel. */
  async goToCell(id: string, cell: string): Promise<void> {
    const s = this.record.submissions.find((x) => x.id === id);
    const excel = this.deps.excel;
    if (!s || !excel) return;
    await this.busy("review", "セルの選択", () => excel.selectCell(s.sheetName, cell));
  }

  async setSettings(change: Partial<ReviewState["settings"]>): Promise<void> {
    this.store.set((s) => ({ settings: { ...s.settings, ...change } }));
    const { issueDeferred, header } = this.store.get().settings;
    this.record = { ...this.record, settings: { issueDeferred, header } };
    await this.busy("export", "設定の保存", () => this.saveRecord());
  }

  // ---- review report ----

  private report() {
    return reviewReport(this.checked, this.decisions(), this.deps.profile, this.now().toISOString());
  }

  async writeReportSheet(): Promise<void> {
    await this.busy("review", "審査結果シートの作成", async () => {
      const grid = reviewReportGrid(this.report());
      await this.deps.review.writeTextSheet(REPORT_SHEET, grid, { activate: true, columnWidths: [48, 140, 70, 160, 50, 160, 30, 90, 50, 40, 40, 400, 140] });
      this.say("review", "success", `シート「${REPORT_SHEET}」に審査結果を書き出しました（${grid.length - 1}行）。Excel の印刷・PDF保存で記録として残せます。`);
    });
  }

  downloadReportHtml(): void {
    const html = reviewReportHtml(this.report());
    const fileName = stampedFileName("審査結果", "html", this.now());
    if (this.store.get().downloads === "blocked") {
      this.say("review", "warning", `この Excel ではファイルを保存できません。「審査結果シートを作成」で Excel から印刷してください。`);
      return;
    }
    (this.deps.download ?? downloadBytes)(new TextEncoder().encode(html), fileName, MIME_HTML);
    this.say("review", "success", `「${fileName}」をダウンロードしました。ブラウザーで開いて印刷できます。`);
  }

  /** The letter to the institution (institution-facing wording, this submission only); "" for an unknown id. */
  private letter(id: string): string {
    const c = this.checked.find((x) => x.submission.id === id);
    return c ? sendBackLetter(c, this.decisions().get(id) ?? initialDecision(), this.deps.profile) : "";
  }

  async copySendBack(id: string): Promise<void> {
    const text = this.letter(id);
    if (text === "") return;
    const ok = await (this.deps.copy ?? copyText)(text);
    this.say("review", ok ? "success" : "error", ok ? `${id} の差戻し文をクリップボードにコピーしました。メールや文書に貼り付けて送ってください。` : "クリップボードにコピーできませんでした。");
  }

  /**
   * 印を付けた様式: the submitted file with each problem cell coloured and noted, and a first sheet 「修正のお願い」 with the
   * send-back letter (this submission only, institution-facing text, the reviewer's remark). Needs the file's bytes,
   * which are kept only in the session that imported it.
   */
  async downloadMarkedUp(id: string): Promise<void> {
    await this.busy("review", "差戻し用の様式の作成", async () => {
      const c = this.checked.find((x) => x.submission.id === id);
      const bytes = this.submittedBytes.get(id);
      if (!c) return;
      if (this.store.get().downloads === "blocked") {
        this.say("review", "warning", "この Excel ではファイルを保存できないため、印を付けた様式を作れません。「差戻し文をコピー」を使うか、コマンド（nesid-account annotate）を使ってください。");
        return;
      }
      if (!bytes) {
        this.say("review", "warning", `${id} は以前の作業で取り込まれたため、元のファイルがこの画面にありません。提出されたファイルを取り込み直すか、コマンド（nesid-account annotate）を使ってください。`);
        return;
      }
      const remark = this.record.submissions.find((r) => r.id === id)?.decision.remark ?? "";
      const marked = await sendBackWorkbook(bytes, [{ sheet: c.submission.sourceSheet, checker: c.checker }], { fileName: c.submission.fileName, remark });
      const fileName = `差戻し_${c.submission.fileName.replace(/\.xlsx$/i, "")}.xlsx`;
      (this.deps.download ?? downloadBytes)(marked.bytes, fileName, MIME_XLSX);
      const n = marked.marked.reduce((k, m) => k + m.findings.length, 0);
      this.say("review", "success", `「${fileName}」をダウンロードしました（印を付けたセル ${n} 件）。差戻し文とともに機関へ送ってください。`);
    });
  }

  sendBackPreview(id: string): string {
    return this.letter(id);
  }

  // ---- the distributable form ----

  /**
   * 配布用の様式を作成: the form institutions fill (lists, text formats, locked grey columns), with the 保健所 of the
   * given jurisdiction codes (中核市コード, 2-digit 都道府県コード or 保健所コード; blank = all) from this workbook's 保健所マスタ.
   */
  async downloadTemplate(jurisdictions: string): Promise<void> {
    await this.busy("review", "配布用の様式の作成", async () => {
      if (this.store.get().downloads === "blocked") {
        this.say("review", "warning", "この Excel ではファイルを保存できないため、様式を作成できません。ブラウザー版の Excel か、コマンド（nesid-account template）を使ってください。");
        return;
      }
      const codes = jurisdictions.split(/[\s,、，]+/).filter((c) => c !== "");
      const master = this.workbookMasters.healthCenter;
      let centers: ReturnType<typeof selectHealthCenters>["centers"] | undefined;
      if (master) {
        const selection = selectHealthCenters(master, codes);
        if (selection.unmatched.length > 0) {
          this.say("review", "error", `管轄のコード ${selection.unmatched.join("、")} に当たる保健所が保健所マスタにありません（中核市コード、2桁の都道府県コード、または保健所コード）。`);
          return;
        }
        centers = selection.centers;
      } else if (codes.length > 0) {
        this.say("review", "error", "管轄のコードで絞り込むには、このブックに「保健所マスタ」のシートが必要です。");
        return;
      }
      const bytes = await distributableForm({ profile: this.deps.profile, healthCenters: centers });
      const fileName = stampedFileName("申請様式_配布用", "xlsx", this.now());
      (this.deps.download ?? downloadBytes)(bytes, fileName, MIME_XLSX);
      this.say("review", 
        "success",
        centers
          ? `「${fileName}」をダウンロードしました。保健所コードは一覧（${centers.length}件）から選び、中核市コードは自動で表示されます。`
          : `「${fileName}」をダウンロードしました。このブックに保健所マスタのシートがないため、保健所コード・中核市コードは手入力の様式です。`,
      );
    });
  }

  // ---- 作業③: the registration CSV ----

  /**
   * The CSV, or undefined (with the reason shown) when a master the rows need is not loaded and the reviewer has not
   * turned on 「マスタなしで出力する」: unchecked codes (K=99999, AJ=0000000000) must not look checked.
   */
  private buildCsv() {
    const { issueDeferred, header, encoding, allowNoMasters } = this.store.get().settings;
    const approved = this.checked.filter((c) => this.decisions().get(c.submission.id)?.status === "承認");
    const missing = uncheckedMasters(approved.flatMap((c) => checkNotices(c.checker, this.deps.profile, this.mastersOf(c.submission))));
    if (missing.required.length > 0 && !allowNoMasters) {
      this.say("export", "error", uncheckedMastersMessage(missing, "「マスタなしで出力する（コードを照合しない）」をオンにする").join(" "));
      return undefined;
    }
    const csv = reviewExport(this.checked, this.decisions(), this.deps.profile, { issueDeferred, header, encoding });
    return { csv, uncheckedColumns: missing.columns };
  }

  /** 登録用CSVを出力: a download where the host allows it, otherwise the CSV lines in a new sheet. */
  async exportCsv(): Promise<void> {
    await this.busy("export", "登録用CSVの出力", async () => {
      if (this.checked.length === 0) {
        this.say("export", "warning", "取り込んだ申請がありません。先に「申請様式を取り込む」で提出されたファイルを選んでください。");
        return;
      }
      const built = this.buildCsv();
      if (!built) return;
      const { csv, uncheckedColumns } = built;
      const fileName = stampedFileName("登録用CSV", "csv", this.now());
      const deliveries: Delivery[] = [];
      let sheetName: string | undefined;
      if (csv.written.length === 0) {
        this.say("export", "error", `出力できる行がありません（${csv.refused.length}行すべてを出力しませんでした）。理由は下の一覧を確認してください。`);
      } else if (this.store.get().downloads === "allowed") {
        (this.deps.download ?? downloadBytes)(csv.bytes, fileName, MIME_CSV);
        deliveries.push("downloaded");
        this.say("export", "success", `「${fileName}」をダウンロードしました（${csv.written.length}行、${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}）。保存先はダウンロードフォルダーです。`);
      } else {
        sheetName = await this.writeCsvSheet(csv.text);
        deliveries.push("sheet");
        this.say("export", 
          "warning",
          `この Excel ではファイルをダウンロードできないため、シート「${sheetName}」にCSVの行を書き出しました（${csv.written.length}行）。そのシートを表示した状態で［ファイル］→［名前を付けて保存］→ ファイルの種類「CSV (コンマ区切り)」で保存してください。`,
        );
      }
      this.store.set({ lastExport: { fileName, encodingLabel: csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8（BOM付き）", written: csv.written.length, refused: csv.refused, cleared: csv.cleared, uncheckedColumns, deliveries, sheetName } });
    });
  }

  private async writeCsvSheet(text: string): Promise<string> {
    const lines = text.split("\r\n");
    if (lines[lines.length - 1] === "") lines.pop();
    await this.deps.review.writeTextSheet(CSV_SHEET, lines.map((l) => [l]), { activate: true, columnWidths: [600] });
    return CSV_SHEET;
  }

  async exportCsvToSheet(): Promise<void> {
    await this.busy("export", "CSVのシートへの書き出し", async () => {
      const built = this.buildCsv();
      if (!built) return;
      const { csv } = built;
      const sheetName = await this.writeCsvSheet(csv.text);
      this.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "sheet"], sheetName } : s.lastExport }));
      this.say("export", "success", `シート「${sheetName}」にCSVの行（${csv.written.length}行${this.store.get().settings.header ? "＋見出し" : ""}）を書き出しました。［名前を付けて保存］で「CSV (コンマ区切り)」を選ぶと Shift_JIS で保存されます。`);
    });
  }

  async copyCsv(): Promise<void> {
    const built = this.buildCsv();
    if (!built) return;
    const { csv } = built;
    const ok = await (this.deps.copy ?? copyText)(csv.text);
    if (ok) this.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "clipboard"] } : s.lastExport }));
    this.say("export", 
      ok ? "success" : "error",
      ok
        ? `CSVの内容（${csv.written.length}行）をクリップボードにコピーしました。クリップボードには文字として入ります（Shift_JISのファイルではありません）。メモ帳に貼り付け、文字コード「ANSI」で保存してください。`
        : "クリップボードにコピーできませんでした。「シートに書き出す」を使ってください。",
    );
  }

  // ---- 作業④: issued accounts, matching, mails ----

  async loadIssued(fileName: string, bytes: Uint8Array): Promise<void> {
    this.forgetPasswords(false);
    this.issuedBytes = { fileName, bytes };
    this.readIssued();
  }

  applyMapping(mapping: Partial<IssuedColumnMapping>, hasHeader: boolean): void {
    this.readIssued({ mapping, hasHeader });
  }

  private readIssued(options: { mapping?: Partial<IssuedColumnMapping>; hasHeader?: boolean } = {}): void {
    if (!this.issuedBytes) return;
    const { fileName, bytes } = this.issuedBytes;
    const read = readIssuedCsv(bytes, options);
    if (read.status === "unreadable") {
      this.issuedBytes = undefined;
      this.store.set({ issued: { fileName, status: "unreadable", header: [], mapping: {}, hasHeader: false, problems: read.problems, accounts: 0 }, match: undefined });
      return;
    }
    if (read.status === "needs-mapping") {
      this.store.set({
        issued: { fileName, status: "needs-mapping", encodingLabel: encodingLabel(read.encoding), header: read.header, mapping: read.detection.mapping, hasHeader: read.detection.hasHeader, problems: read.problems, accounts: 0 },
        match: undefined,
      });
      return;
    }
    this.accounts = read.accounts;
    // Unsure detection (partial labels, competing columns): show the mapping step with the guess filled in.
    const status = read.detection.confidence === "sure" || options.mapping ? "ok" : "needs-mapping";
    this.store.set({
      issued: { fileName, status, encodingLabel: encodingLabel(read.encoding), header: read.header, mapping: read.mapping, hasHeader: read.hasHeader, problems: read.problems, accounts: read.accounts.length },
      holdsPasswords: read.accounts.length > 0,
    });
    if (status === "ok") this.runMatch();
  }

  private approvedRecords(): ApplicationRecord[] {
    const decisions = this.decisions();
    return this.checked
      .filter((c) => decisions.get(c.submission.id)?.status === "承認")
      .flatMap((c) => applicationRecords(submissionSource(c.submission), c.checker));
  }

  private runMatch(): void {
    const records = this.approvedRecords();
    if (records.length === 0) this.say("notify", "warning", "「承認」の申請がないため、発行結果と照合する申請の行がありません。");
    this.match = matchAccounts(this.accounts, records);
    this.drafts = [];
    this.publishMatch();
  }

  private publishMatch(): void {
    const m = this.match;
    if (!m) return;
    const where = (r: ApplicationRecord) => {
      const sub = this.submissions.find((s) => submissionSource(s) === r.source);
      return `${sub ? exportSourceOf(sub) : r.source} ${r.row}行目 ${r.name || "（利用者名なし）"}`;
    };
    this.store.set((s) => ({
      match: {
        matched: m.matches.map((x) => ({ userId: x.account.userId, where: where(x.record), how: MATCH_METHOD_LABELS[x.method], differences: x.differences })),
        ambiguous: m.ambiguous.map((a) => ({ userId: a.account.userId, line: a.account.line, name: a.account.name, candidates: a.candidates.map((c) => ({ key: c.key, where: where(c) })) })),
        unmatchedAccounts: m.unmatchedAccounts.map((a) => ({ userId: a.userId, line: a.line, name: a.name, email: a.email })),
        unmatchedRecords: m.unmatchedRecords.map((r) => ({ key: r.key, where: where(r) })),
      },
      mail: { ...s.mail, drafts: [], problems: [], zipName: undefined },
    }));
  }

  pair(userId: string, recordKey: string): void {
    if (!this.match) return;
    try {
      this.match = pairManually(this.match, userId, recordKey);
    } catch (e) {
      this.say("notify", "error", failureSentence("手動で対応付けできませんでした。", e));
      return;
    }
    this.drafts = [];
    this.publishMatch();
  }

  setUrl(url: string, remember: boolean): void {
    let remembered = false;
    if (remember) remembered = rememberSystemUrl(url.trim());
    this.store.set((s) => ({ mail: { ...s.mail, url, urlRemembered: remembered } }));
    if (remember && !remembered) this.say("notify", "warning", "このPCではURLを記憶できません（ブラウザーの保存領域が使えません）。この画面を閉じるまで有効です。");
  }

  forgetUrl(): void {
    forgetSystemUrl();
    this.store.set((s) => ({ mail: { ...s.mail, url: "", urlRemembered: false } }));
    this.say("notify", "info", "このPCに記憶したシステムのURLを消去しました。");
  }

  setMailOptions(change: { split?: boolean; templates?: MailTemplates }): void {
    this.drafts = [];
    this.store.set((s) => ({ mail: { ...s.mail, ...change, drafts: [], problems: [], zipName: undefined } }));
  }

  /** Builds the drafts (kept in memory) and lists them; nothing is saved until the user downloads the zip. */
  draftMails(): void {
    if (!this.match) {
      this.say("notify", "warning", "先に発行結果CSVを読み込んでください。");
      return;
    }
    const { url, split, templates } = this.store.get().mail;
    const built = buildAccountDrafts(this.match.matches, { url, split, templates, profile: this.deps.profile });
    this.drafts = built.drafts;
    const byUser = new Map<string, AccountDraft[]>();
    for (const d of built.drafts) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
    const drafts = built.drafts.map((d) => ({
      userId: d.userId,
      part: d.part,
      fileName: d.fileName,
      to: d.message.to.address,
      subject: d.message.subject,
      mailtoFits: byUser.get(d.userId)!.every((x) => mailtoLink({ to: x.message.to.address, subject: x.message.subject, body: x.message.body }).fits),
    }));
    this.store.set((s) => ({ mail: { ...s.mail, drafts, problems: built.problems, zipName: undefined } }));
    if (built.drafts.length > 0) this.say("notify", "success", `${new Set(built.drafts.map((d) => d.userId)).size}人分・${built.drafts.length}通の下書きを作成しました。「下書きをまとめて保存（.zip）」で保存できます。`);
    else if (built.problems.length > 0) {
      const onlyUrl = built.problems.every((p) => p.code === "draft.url-invalid");
      this.say("notify", "error", onlyUrl ? "メールの下書きを作成できませんでした。「システムのURL」の欄を確認してください。" : "メールの下書きを作成できませんでした。理由は「メールの下書きを作成」のボタンの下に表示しています。");
    }
  }

  downloadDraftsZip(): void {
    if (this.drafts.length === 0) return;
    if (this.store.get().downloads === "blocked") {
      this.say("notify", "warning", "この Excel ではファイルを保存できないため、.zip を作れません。各行の「メールを作成」を使うか、ブラウザー版の Excel で操作してください。");
      return;
    }
    const zipName = stampedFileName("メール下書き", "zip", this.now());
    (this.deps.download ?? downloadBytes)(draftsZip(this.drafts), zipName, MIME_ZIP);
    this.store.set((s) => ({ mail: { ...s.mail, zipName } }));
    this.say("notify", 
      "success",
      `「${zipName}」をダウンロードしました（${this.drafts.length}通）。展開した .eml を Outlook で開くと下書きになります。下書きには初期パスワードが含まれるため、送信後は .zip・.eml と発行結果CSVを削除してください。`,
    );
  }

  /** Opens the user's mail program with one mail (or the first of two) filled in. */
  openMailto(userId: string, part?: AccountDraft["part"]): void {
    const d = this.drafts.find((x) => x.userId === userId && (part === undefined || x.part === part));
    if (!d) return;
    const link = mailtoLink({ to: d.message.to.address, subject: d.message.subject, body: d.message.body });
    if (!link.fits) {
      this.say("notify", "warning", link.reason);
      return;
    }
    (this.deps.openLink ?? ((href: string) => window.open(href, "_self")))(link.href);
  }

  /** 忘れる: drops every password (accounts, drafts) from memory. */
  forgetPasswords(say = true): void {
    this.accounts = [];
    this.drafts = [];
    this.match = undefined;
    this.issuedBytes = undefined;
    this.store.set((s) => ({ holdsPasswords: false, issued: undefined, match: undefined, mail: { ...s.mail, drafts: [], problems: [], zipName: undefined } }));
    if (say) this.say("notify", "info", "初期パスワードをこの画面のメモリから消去しました。発行結果CSVのファイルは、メール送信後に削除してください。");
  }
}
