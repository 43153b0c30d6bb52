import type { AccountDraft, FieldKey, FormProfile, IssuedColumnMapping, MailTemplates, ReviewDecision } from "../../domain";
import { DeskController } from "./desk-controller";
import { ExportController } from "./export-controller";
import { IntakeController, type SubmittedFileInput } from "./intake-controller";
import { NotifyController } from "./notify-controller";
import { ReportController } from "./report-controller";
import { ReviewBook } from "./review-book";
import { ReviewSession, type ReviewDeps } from "./review-session";
import type { ReviewState } from "./review-state";
import type { Store } from "../state/store";
import { SendBackController } from "./send-back-controller";
import { TemplateController } from "./template-controller";

export type { ReviewDeps } from "./review-session";
export { CSV_SHEET, REPORT_SHEET, REVIEW_TASKS } from "./review-tasks";

/**
 * The reviewer's workflow (作業②③④) as the components see it: one object with every action, each handed to the
 * controller of its step. They share one session (store, messages, the queued Office tasks) and one book (the
 * submissions under review).
 */
export class ReviewController {
  private readonly session: ReviewSession;
  private readonly intake: IntakeController;
  private readonly desk: DeskController;
  private readonly reports: ReportController;
  private readonly sendBack: SendBackController;
  private readonly template: TemplateController;
  private readonly exports: ExportController;
  private readonly notify: NotifyController;

  constructor(deps: ReviewDeps) {
    this.session = new ReviewSession(deps);
    const book = new ReviewBook(this.session);
    this.intake = new IntakeController(this.session, book);
    this.desk = new DeskController(this.session, book);
    this.reports = new ReportController(this.session, book);
    this.sendBack = new SendBackController(this.session, book);
    this.template = new TemplateController(this.session, book);
    this.exports = new ExportController(this.session, book);
    this.notify = new NotifyController(this.session, book);
  }

  get store(): Store<ReviewState> {
    return this.session.store;
  }

  /** The form profile the review checks with (the export settings show only what it uses). */
  get profile(): FormProfile {
    return this.session.profile;
  }

  dismiss = (id: number): void => this.session.dismiss(id);

  // ① 受付・審査
  start = (): Promise<void> => this.intake.start();
  importFiles = (files: readonly SubmittedFileInput[]): Promise<void> => this.intake.importFiles(files);
  setDecision = (id: string, change: Partial<Pick<ReviewDecision, "status" | "remark">>): Promise<void> => this.desk.setDecision(id, change);
  setColumn = (id: string, key: FieldKey, column: string | null): Promise<void> => this.desk.setColumn(id, key, column);
  confirmColumns = (id: string): Promise<void> => this.desk.confirmColumns(id);
  goToCell = (id: string, cell: string): Promise<void> => this.desk.goToCell(id, cell);
  removeSubmission = (id: string): Promise<void> => this.desk.removeSubmission(id);
  undoRemoval = (): Promise<string | undefined> => this.desk.undoRemoval();
  writeReportSheet = (): Promise<void> => this.reports.writeReportSheet();
  downloadReportHtml = (): void => this.reports.downloadReportHtml();
  sendBackPreview = (id: string): string => this.sendBack.letter(id);
  copySendBack = (id: string): Promise<void> => this.sendBack.copySendBack(id);
  downloadMarkedUp = (id: string): Promise<void> => this.sendBack.downloadMarkedUp(id);
  setSendBackSender = (text: string): void => this.sendBack.setSender(text);
  downloadTemplate = (jurisdictions: string): Promise<void> => this.template.downloadTemplate(jurisdictions);

  // ② 登録用CSV
  setSettings = (change: Partial<ReviewState["settings"]>): Promise<void> => this.exports.setSettings(change);
  exportCsv = (): Promise<void> => this.exports.exportCsv();
  exportCsvToSheet = (): Promise<void> => this.exports.exportCsvToSheet();
  copyCsv = (): Promise<void> => this.exports.copyCsv();
  /** A row left out of the CSV, clicked: its cell on the submission's sheet is selected. */
  goToRefusedCell = (id: string, cell: string): Promise<void> => this.desk.goToCell(id, cell, "export");

  // ③ 通知メール
  loadIssued = async (fileName: string, bytes: Uint8Array): Promise<void> => this.notify.loadIssued(fileName, bytes);
  applyMapping = (mapping: Partial<IssuedColumnMapping>, hasHeader: boolean): void => this.notify.applyMapping(mapping, hasHeader);
  pair = (userId: string, recordKey: string): void => this.notify.pair(userId, recordKey);
  setUrl = (url: string, remember: boolean): void => this.notify.setUrl(url, remember);
  forgetUrl = (): void => this.notify.forgetUrl();
  setMailOptions = (change: { split?: boolean; templates?: MailTemplates }): void => this.notify.setMailOptions(change);
  draftMails = (): void => this.notify.draftMails();
  downloadDraftsZip = (): void => this.notify.downloadDraftsZip();
  openMailto = (userId: string, part?: AccountDraft["part"]): void => this.notify.openMailto(userId, part);
  forgetPasswords = (say = true): void => this.notify.forgetPasswords(say);
}
