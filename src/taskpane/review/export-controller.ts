import { checkNotices, reviewExport, uncheckedMasters, uncheckedMastersMessage } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
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
    const missing = uncheckedMasters(book.approved().flatMap((c) => checkNotices(c.checker, session.profile, book.mastersOf(c.submission))));
    if (missing.required.length > 0 && !allowNoMasters) {
      session.say("export", "error", uncheckedMastersMessage(missing, "「マスタなしで出力する（コードを照合しない）」をオンにする").join(" "));
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
        session.say("export", "warning", "取り込んだ申請がありません。先に「申請様式を取り込む」で提出されたファイルを選んでください。");
        return;
      }
      const built = this.buildCsv();
      if (!built) return;
      const { csv, uncheckedColumns } = built;
      const fileName = stampedFileName("登録用CSV", "csv", session.now());
      const deliveries: Delivery[] = [];
      let sheetName: string | undefined;
      if (csv.written.length === 0) {
        session.say("export", "error", `出力できる行がありません（${csv.refused.length}行すべてを出力しませんでした）。理由は下の一覧を確認してください。`);
      } else if (session.store.get().downloads === "allowed") {
        session.download(csv.bytes, fileName, MIME.csv);
        deliveries.push("downloaded");
        session.say("export", "success", `「${fileName}」をダウンロードしました（${csv.written.length}行、${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}）。保存先はダウンロードフォルダーです。`);
      } else {
        sheetName = await this.writeCsvSheet(csv.text);
        deliveries.push("sheet");
        session.say(
          "export",
          "warning",
          `この Excel ではファイルをダウンロードできないため、シート「${sheetName}」にCSVの行を書き出しました（${csv.written.length}行）。そのシートを表示した状態で［ファイル］→［名前を付けて保存］→ ファイルの種類「CSV (コンマ区切り)」で保存してください。`,
        );
      }
      session.store.set({
        lastExport: { fileName, encodingLabel: encodingName(csv.encoding), written: csv.written.length, refused: csv.refused, cleared: csv.cleared, uncheckedColumns, deliveries, sheetName },
      });
    });
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
        `シート「${sheetName}」にCSVの行（${csv.written.length}行${session.store.get().settings.header ? "＋見出し" : ""}）を書き出しました。［名前を付けて保存］で「CSV (コンマ区切り)」を選ぶと Shift_JIS で保存されます。`,
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
      ok
        ? `CSVの内容（${csv.written.length}行）をクリップボードにコピーしました。クリップボードには文字として入ります（Shift_JISのファイルではありません）。メモ帳に貼り付け、文字コード「ANSI」で保存してください。`
        : "クリップボードにコピーできませんでした。「シートに書き出す」を使ってください。",
    );
  }
}
