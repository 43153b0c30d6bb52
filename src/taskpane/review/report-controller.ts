import { reviewReport, reviewReportGrid, reviewReportHtml } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
import { REVIEW_MESSAGES } from "./review-messages";
import { MIME, type ReviewSession } from "./review-session";
import { NOTE_AT } from "./review-state";
import { REPORT_SHEET } from "./review-tasks";

const REPORT_COLUMN_WIDTHS = [48, 140, 70, 160, 50, 160, 30, 90, 50, 40, 40, 400, 140];

/** 審査結果: the record of the review, as a sheet to print from Excel or as an HTML file to print from a browser. */
export class ReportController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  private report() {
    return reviewReport(this.book.checked, this.book.decisions(), this.session.profile, this.session.now().toISOString());
  }

  async writeReportSheet(): Promise<void> {
    const { session } = this;
    await session.run("review", "審査結果シートの作成", async () => {
      const grid = reviewReportGrid(this.report());
      await session.deps.review.writeTextSheet(REPORT_SHEET, grid, { activate: true, columnWidths: REPORT_COLUMN_WIDTHS });
      session.say("review", "success", REVIEW_MESSAGES.report.sheetWritten(REPORT_SHEET, grid.length - 1), undefined, NOTE_AT.report);
    }, NOTE_AT.report);
  }

  downloadReportHtml(): void {
    const { session } = this;
    if (!session.canDownload) {
      session.say("review", "warning", REVIEW_MESSAGES.report.cannotDownload(), undefined, NOTE_AT.report);
      return;
    }
    const fileName = stampedFileName("審査結果", "html", session.now());
    // The dates in the pane's own time zone (the reviewer's clock), not UTC.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    session.download(new TextEncoder().encode(reviewReportHtml(this.report(), { timeZone })), fileName, MIME.html);
    session.say("review", "success", REVIEW_MESSAGES.report.downloaded(fileName), undefined, NOTE_AT.report);
  }
}
