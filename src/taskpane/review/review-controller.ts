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
import { columnIndex, cellText } from "../../domain";
import type { ExcelGateway } from "../../excel/gateway-types";
import type { ReviewGateway } from "../../excel/review-gateway-types";
import { failureMessage } from "../state/office-errors";
import { copyText, downloadBytes, downloadSupport, stampedFileName, type DownloadSupport } from "./file-delivery";
import { bytesToBase64, readSubmittedFile } from "./read-submitted-file";
import { initialReviewState, type Delivery, type ReviewIntent, type ReviewState, type SubmissionView } from "./review-state";
import { ReviewStore } from "./review-store";
import { forgetSystemUrl, recallSystemUrl, rememberSystemUrl } from "./system-url-memory";

export const REPORT_SHEET = "審査結果";

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
  private messageId = 0;
  private readonly now: () => Date;

  constructor(private readonly deps: ReviewDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private say(intent: ReviewIntent, text: string): void {
    const id = ++this.messageId;
    this.store.set((s) => ({ messages: [...s.messages.slice(-4), { id, intent, text }] }));
  }

  dismiss(id: number): void {
    this.store.set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  }

  private async busy<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    this.store.set({ busy: label });
    try {
      return await work();
    } catch (e) {
      this.say("error", failureMessage(label, e));
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
    await this.busy("審査の記録の読み込み", async () => {
      const parsed = parseReviewRecord(await this.deps.review.readRecord());
      if (!parsed.ok) {
        this.say("error", `${parsed.message} 新しい審査として始めます（ブックの記録は上書きしません）。`);
        return;
      }
      this.record = parsed.record;
      this.store.set((s) => ({ settings: { ...s.settings, issueDeferred: this.record.settings.issueDeferred, header: this.record.settings.header } }));
      await this.loadWorkbookMasters();
      await this.reloadSubmissionSheets();
    });
    if (!caps.settings) this.say("warning", "この Excel では審査の判定をブックに保存できません（ExcelApi 1.4 以降が必要です）。判定はこの画面を閉じるまで有効です。");
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
      this.say("warning", "保存された審査の申請シートを読み込めません。申請様式を取り込み直してください。");
      return;
    }
    const names = new Set(await this.deps.review.sheetNames());
    const loaded: ReviewSubmission[] = [];
    for (const r of this.record.submissions) {
      if (!names.has(r.sheetName)) {
        this.say("warning", `${r.id}（${r.fileName}）のシート「${r.sheetName}」が見つかりません。削除または名前が変更されています。`);
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
    this.recheck();
  }

  async importFiles(files: readonly { name: string; bytes: () => Promise<Uint8Array> }[]): Promise<void> {
    await this.busy("申請様式の取り込み", async () => {
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
      if (added.length > 0) {
        this.say(
          "success",
          `${added.length}件の申請を取り込みました（${added.map((s) => s.sheetName).join("、")}）。${copied > 0 ? "この Excel ではシートをそのまま挿入できないため、値をコピーしました（書式は引き継がれません）。" : ""}`,
        );
      }
      const refused = notices.filter((n) => n.severity === "error").length;
      if (refused > 0) this.say("error", `${refused}件のファイル・シートを取り込めませんでした。理由は「取り込みの注意」を確認してください。`);
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
      if (same) this.say("info", `${r.id} は前回の ${before.id} と内容が同じため、判定「${status}」と備考を引き継ぎました。`);
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
      return {
        id: c.submission.id,
        fileName: c.submission.fileName,
        sourceSheet: c.submission.sourceSheet,
        sheetName: c.submission.sheetName,
        institution: c.submission.institution.text,
        decision: decisions.get(c.submission.id) ?? initialDecision(),
        summary: c.summary,
        how: this.how.get(c.submission.id),
        rows: [...byRow.values()],
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
    await this.busy("判定の保存", () => this.saveRecord());
  }

  async removeSubmission(id: string): Promise<void> {
    const s = this.record.submissions.find((x) => x.id === id);
    if (!s) return;
    await this.busy("申請の削除", async () => {
      await this.deps.review.deleteSheet(s.sheetName);
      this.record = { ...this.record, submissions: this.record.submissions.filter((x) => x.id !== id) };
      this.submissions = this.submissions.filter((x) => x.id !== id);
      this.recheck();
      await this.saveRecord();
      this.say("info", `${id}（${s.fileName}）を審査から外し、シート「${s.sheetName}」を削除しました。`);
    });
  }

  async setSettings(change: Partial<ReviewState["settings"]>): Promise<void> {
    this.store.set((s) => ({ settings: { ...s.settings, ...change } }));
    const { issueDeferred, header } = this.store.get().settings;
    this.record = { ...this.record, settings: { issueDeferred, header } };
    await this.busy("設定の保存", () => this.saveRecord());
  }

  // ---- review report ----

  private report() {
    return reviewReport(this.checked, this.decisions(), this.deps.profile, this.now().toISOString());
  }

  async writeReportSheet(): Promise<void> {
    await this.busy("審査結果シートの作成", async () => {
      const grid = reviewReportGrid(this.report());
      await this.deps.review.writeTextSheet(REPORT_SHEET, grid, { activate: true, columnWidths: [48, 140, 70, 160, 50, 160, 30, 90, 50, 40, 40, 400, 140] });
      this.say("success", `シート「${REPORT_SHEET}」に審査結果を書き出しました（${grid.length - 1}行）。Excel の印刷・PDF保存で記録として残せます。`);
    });
  }

  downloadReportHtml(): void {
    const html = reviewReportHtml(this.report());
    const fileName = stampedFileName("審査結果", "html", this.now());
    if (this.store.get().downloads === "blocked") {
      this.say("warning", `この Excel ではファイルを保存できません。「審査結果シートを作成」で Excel から印刷してください。`);
      return;
    }
    (this.deps.download ?? downloadBytes)(new TextEncoder().encode(html), fileName, MIME_HTML);
    this.say("success", `「${fileName}」をダウンロードしました。ブラウザーで開いて印刷できます。`);
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
    this.say(ok ? "success" : "error", ok ? `${id} の差戻し文をクリップボードにコピーしました。メールや文書に貼り付けて送ってください。` : "クリップボードにコピーできませんでした。");
  }

  /**
   * 印を付けた様式: the submitted file with each problem cell coloured and noted, and a first sheet 「修正のお願い」 with the
   * send-back letter (this submission only, institution-facing text, the reviewer's remark). Needs the file's bytes,
   * which are kept only in the session that imported it.
   */
  async downloadMarkedUp(id: string): Promise<void> {
    await this.busy("差戻し用の様式の作成", async () => {
      const c = this.checked.find((x) => x.submission.id === id);
      const bytes = this.submittedBytes.get(id);
      if (!c) return;
      if (this.store.get().downloads === "blocked") {
        this.say("warning", "この Excel ではファイルを保存できないため、印を付けた様式を作れません。「差戻し文をコピー」を使うか、コマンド（nesid-account annotate）を使ってください。");
        return;
      }
      if (!bytes) {
        this.say("warning", `${id} は以前の作業で取り込まれたため、元のファイルがこの画面にありません。提出されたファイルを取り込み直すか、コマンド（nesid-account annotate）を使ってください。`);
        return;
      }
      const remark = this.record.submissions.find((r) => r.id === id)?.decision.remark ?? "";
      const marked = await sendBackWorkbook(bytes, [{ sheet: c.submission.sourceSheet, checker: c.checker }], { fileName: c.submission.fileName, remark });
      const fileName = `差戻し_${c.submission.fileName.replace(/\.xlsx$/i, "")}.xlsx`;
      (this.deps.download ?? downloadBytes)(marked.bytes, fileName, MIME_XLSX);
      const n = marked.marked.reduce((k, m) => k + m.findings.length, 0);
      this.say("success", `「${fileName}」をダウンロードしました（印を付けたセル ${n} 件）。差戻し文とともに機関へ送ってください。`);
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
    await this.busy("配布用の様式の作成", async () => {
      if (this.store.get().downloads === "blocked") {
        this.say("warning", "この Excel ではファイルを保存できないため、様式を作成できません。ブラウザー版の Excel か、コマンド（nesid-account template）を使ってください。");
        return;
      }
      const codes = jurisdictions.split(/[\s,、，]+/).filter((c) => c !== "");
      const master = this.workbookMasters.healthCenter;
      let centers: ReturnType<typeof selectHealthCenters>["centers"] | undefined;
      if (master) {
        const selection = selectHealthCenters(master, codes);
        if (selection.unmatched.length > 0) {
          this.say("error", `管轄のコード ${selection.unmatched.join("、")} に当たる保健所が保健所マスタにありません（中核市コード、2桁の都道府県コード、または保健所コード）。`);
          return;
        }
        centers = selection.centers;
      } else if (codes.length > 0) {
        this.say("error", "管轄のコードで絞り込むには、このブックに「保健所マスタ」のシートが必要です。");
        return;
      }
      const bytes = await distributableForm({ profile: this.deps.profile, healthCenters: centers });
      const fileName = stampedFileName("申請様式_配布用", "xlsx", this.now());
      (this.deps.download ?? downloadBytes)(bytes, fileName, MIME_XLSX);
      this.say(
        "success",
        centers
          ? `「${fileName}」をダウンロードしました。保健所コードは一覧（${centers.length}件）から選び、中核市コードは自動で表示されます。`
          : `「${fileName}」をダウンロードしました。このブックに保健所マスタのシートがないため、保健所コード・中核市コードは手入力の様式です。`,
      );
    });
  }

  // ---- 作業③: the registration CSV ----

  private buildCsv() {
    const { issueDeferred, header, encoding } = this.store.get().settings;
    return reviewExport(this.checked, this.decisions(), this.deps.profile, { issueDeferred, header, encoding });
  }

  /** 登録用CSVを出力: a download where the host allows it, otherwise the CSV lines in a new sheet. */
  async exportCsv(): Promise<void> {
    await this.busy("登録用CSVの出力", async () => {
      if (this.checked.length === 0) {
        this.say("warning", "取り込んだ申請がありません。先に「申請様式を取り込む」で提出されたファイルを選んでください。");
        return;
      }
      const csv = this.buildCsv();
      const fileName = stampedFileName("登録用CSV", "csv", this.now());
      const deliveries: Delivery[] = [];
      let sheetName: string | undefined;
      if (csv.written.length === 0) {
        this.say("error", `出力できる行がありません（${csv.refused.length}行すべてを出力しませんでした）。理由は下の一覧を確認してください。`);
      } else if (this.store.get().downloads === "allowed") {
        (this.deps.download ?? downloadBytes)(csv.bytes, fileName, MIME_CSV);
        deliveries.push("downloaded");
        this.say("success", `「${fileName}」をダウンロードしました（${csv.written.length}行、${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}）。保存先はダウンロードフォルダーです。`);
      } else {
        sheetName = await this.writeCsvSheet(csv.text);
        deliveries.push("sheet");
        this.say(
          "warning",
          `この Excel ではファイルをダウンロードできないため、シート「${sheetName}」にCSVの行を書き出しました（${csv.written.length}行）。そのシートを表示した状態で［ファイル］→［名前を付けて保存］→ ファイルの種類「CSV (コンマ区切り)」で保存してください。`,
        );
      }
      this.store.set({ lastExport: { fileName, encodingLabel: csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8（BOM付き）", written: csv.written.length, refused: csv.refused, deliveries, sheetName } });
    });
  }

  private async writeCsvSheet(text: string): Promise<string> {
    const lines = text.split("\r\n");
    if (lines[lines.length - 1] === "") lines.pop();
    await this.deps.review.writeTextSheet(CSV_SHEET, lines.map((l) => [l]), { activate: true, columnWidths: [600] });
    return CSV_SHEET;
  }

  async exportCsvToSheet(): Promise<void> {
    await this.busy("CSVのシートへの書き出し", async () => {
      const csv = this.buildCsv();
      const sheetName = await this.writeCsvSheet(csv.text);
      this.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "sheet"], sheetName } : s.lastExport }));
      this.say("success", `シート「${sheetName}」にCSVの行（${csv.written.length}行${this.store.get().settings.header ? "＋見出し" : ""}）を書き出しました。［名前を付けて保存］で「CSV (コンマ区切り)」を選ぶと Shift_JIS で保存されます。`);
    });
  }

  async copyCsv(): Promise<void> {
    const csv = this.buildCsv();
    const ok = await (this.deps.copy ?? copyText)(csv.text);
    if (ok) this.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "clipboard"] } : s.lastExport }));
    this.say(
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
    if (records.length === 0) this.say("warning", "「承認」の申請がないため、発行結果と照合する申請の行がありません。");
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
      this.say("error", failureMessage("手動の対応付け", e));
      return;
    }
    this.drafts = [];
    this.publishMatch();
  }

  setUrl(url: string, remember: boolean): void {
    let remembered = false;
    if (remember) remembered = rememberSystemUrl(url.trim());
    this.store.set((s) => ({ mail: { ...s.mail, url, urlRemembered: remembered } }));
    if (remember && !remembered) this.say("warning", "このPCではURLを記憶できません（ブラウザーの保存領域が使えません）。この画面を閉じるまで有効です。");
  }

  forgetUrl(): void {
    forgetSystemUrl();
    this.store.set((s) => ({ mail: { ...s.mail, url: "", urlRemembered: false } }));
    this.say("info", "このPCに記憶したシステムのURLを消去しました。");
  }

  setMailOptions(change: { split?: boolean; templates?: MailTemplates }): void {
    this.drafts = [];
    this.store.set((s) => ({ mail: { ...s.mail, ...change, drafts: [], problems: [], zipName: undefined } }));
  }

  /** Builds the drafts (kept in memory) and lists them; nothing is saved until the user downloads the zip. */
  draftMails(): void {
    if (!this.match) {
      this.say("warning", "先に発行結果CSVを読み込んでください。");
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
    if (built.drafts.length > 0) this.say("success", `${new Set(built.drafts.map((d) => d.userId)).size}人分・${built.drafts.length}通の下書きを作成しました。「下書きをまとめて保存（.zip）」で保存できます。`);
    else if (built.problems.length > 0) this.say("error", "メールの下書きを作成できませんでした。下の理由を確認してください。");
  }

  downloadDraftsZip(): void {
    if (this.drafts.length === 0) return;
    if (this.store.get().downloads === "blocked") {
      this.say("warning", "この Excel ではファイルを保存できないため、.zip を作れません。各行の「メールを作成」を使うか、ブラウザー版の Excel で操作してください。");
      return;
    }
    const zipName = stampedFileName("メール下書き", "zip", this.now());
    (this.deps.download ?? downloadBytes)(draftsZip(this.drafts), zipName, MIME_ZIP);
    this.store.set((s) => ({ mail: { ...s.mail, zipName } }));
    this.say(
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
      this.say("warning", link.reason);
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
    if (say) this.say("info", "初期パスワードをこの画面のメモリから消去しました。発行結果CSVのファイルは、メール送信後に削除してください。");
  }
}
