import { reviewReport, reviewReportGrid, reviewReportHtml } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
import { MIME, type ReviewSession } from "./review-session";
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
      session.say("review", "success", `シート「${REPORT_SHEET}」に審査結果を書き出しました（${grid.length - 1}行）。Excel の印刷・PDF保存で記録として残せます。`);
    });
  }

  downloadReportHtml(): void {
    const { session } = this;
    if (!session.canDownload) {
      session.say("review", "warning", "この Excel ではファイルを保存できません。「審査結果シートを作成」で Excel から印刷してください。");
      return;
    }
    const fileName = stampedFileName("審査結果", "html", session.now());
    session.download(new TextEncoder().encode(reviewReportHtml(this.report())), fileName, MIME.html);
    session.say("review", "success", `「${fileName}」をダウンロードしました。ブラウザーで開いて印刷できます。`);
  }
}
