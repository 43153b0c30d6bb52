import { checkNotices, exportSourceOf, groupRefusedRows, reviewExport, uncheckedMasters, type RefusedRow } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
import { REVIEW_MESSAGES } from "./review-messages";
import { MIME, type ReviewSession } from "./review-session";
import type { Delivery, ReviewState } from "./review-state";
import { CSV_SHEET } from "./review-tasks";

const encodingName = (encoding: "cp932" | "utf8bom") => (encoding === "cp932" ? "Shift_JIS" : "UTF-8（BOM付き）");

/**
 * 登録用CSV (作業③): the approved rows as the bulk-registration CSV — a download where the host allows it, otherwise
 * the lines in a sheet or on the clipboard — and the export settings kept with the review record.
 */
export class ExportController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  async setSettings(change: Partial<ReviewState["settings"]>): Promise<void> {
    const { session, book } = this;
    session.store.set((s) => ({ settings: { ...s.settings, ...change } }));
    const { issueDeferred, header } = session.store.get().settings;
    book.record = { ...book.record, settings: { issueDeferred, header } };
    await session.run("export", "設定の保存", () => book.save());
  }

  /**
   * The CSV, or undefined (with the reason shown) when a master the rows need is not loaded and the reviewer has not
   * turned on 「マスタなしで出力する」: unchecked codes (K=99999, AJ=0000000000) must not look checked.
   */
  private buildCsv() {
    const { session, book } = this;
    const { issueDeferred, header, encoding, allowNoMasters } = session.store.get().settings;
    const missing = uncheckedMasters(book.approved().flatMap((c) => checkNotices(c.checker, c.submission.profile ?? session.profile, book.mastersOf(c.submission))));
    if (missing.required.length > 0 && !allowNoMasters) {
      session.say("export", "error", REVIEW_MESSAGES.export.uncheckedMasters(missing));
      return undefined;
    }
    const csv = reviewExport(book.checked, book.decisions(), session.profile, { issueDeferred, header, encoding });
    return { csv, uncheckedColumns: missing.columns };
  }

  /** 登録用CSVを出力: a download where the host allows it, otherwise the CSV lines in a new sheet. */
  async exportCsv(): Promise<void> {
    const { session, book } = this;
    await session.run("export", "登録用CSVの出力", async () => {
      if (book.checked.length === 0) {
        session.say("export", "warning", REVIEW_MESSAGES.export.nothingImported());
        return;
      }
      const built = this.buildCsv();
      if (!built) return;
      const { csv, uncheckedColumns } = built;
      const fileName = stampedFileName("登録用CSV", "csv", session.now());
      const deliveries: Delivery[] = [];
      let sheetName: string | undefined;
      if (csv.written.length === 0) {
        session.say("export", "error", REVIEW_MESSAGES.export.noRows(csv.refused.length));
      } else if (session.store.get().downloads === "allowed") {
        session.download(csv.bytes, fileName, MIME.csv);
        deliveries.push("downloaded");
        session.say("export", "success", REVIEW_MESSAGES.export.downloaded(fileName, csv.written.length, csv.encoding));
      } else {
        sheetName = await this.writeCsvSheet(csv.text);
        deliveries.push("sheet");
        session.say("export", "warning", REVIEW_MESSAGES.export.sheetInsteadOfDownload(sheetName, csv.written.length));
      }
      session.store.set({
        lastExport: {
          fileName,
          encodingLabel: encodingName(csv.encoding),
          written: csv.written.length,
          refused: csv.refused,
          refusedGroups: this.groups(csv.refused),
          cleared: csv.cleared,
          uncheckedColumns,
          deliveries,
          sheetName,
        },
      });
    });
  }

  /** The refused rows by submission and reason, each submission named with its decision. */
  private groups(refused: readonly RefusedRow[]) {
    const decisions = this.book.decisions();
    const submissions = this.book.checked.map((c) => ({ id: c.submission.id, source: exportSourceOf(c.submission), status: decisions.get(c.submission.id)?.status ?? "受付" }));
    return groupRefusedRows(refused, submissions);
  }

  private async writeCsvSheet(text: string): Promise<string> {
    const lines = text.split("\r\n");
    if (lines[lines.length - 1] === "") lines.pop();
    await this.session.deps.review.writeTextSheet(CSV_SHEET, lines.map((l) => [l]), { activate: true, columnWidths: [600] });
    return CSV_SHEET;
  }

  async exportCsvToSheet(): Promise<void> {
    const { session } = this;
    await session.run("export", "CSVのシートへの書き出し", async () => {
      const built = this.buildCsv();
      if (!built) return;
      const { csv } = built;
      const sheetName = await this.writeCsvSheet(csv.text);
      session.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "sheet"], sheetName } : s.lastExport }));
      session.say(
        "export",
        "success",
        REVIEW_MESSAGES.export.writtenToSheet(sheetName, csv.written.length, session.store.get().settings.header),
      );
    });
  }

  async copyCsv(): Promise<void> {
    const { session } = this;
    const built = this.buildCsv();
    if (!built) return;
    const { csv } = built;
    const ok = await session.copy(csv.text);
    if (ok) session.store.set((s) => ({ lastExport: s.lastExport ? { ...s.lastExport, deliveries: [...s.lastExport.deliveries, "clipboard"] } : s.lastExport }));
    session.say(
      "export",
      ok ? "success" : "error",
      ok ? REVIEW_MESSAGES.export.copied(csv.written.length) : REVIEW_MESSAGES.export.copyFailed(),
    );
  }
}
