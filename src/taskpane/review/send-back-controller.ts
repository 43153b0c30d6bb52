import { initialDecision, sendBackLetter, sendBackWorkbook } from "../../domain";
import type { ReviewBook } from "./review-book";
import { MIME, type ReviewSession } from "./review-session";

/** 差戻し: the letter to the institution and the marked-up copy of its file. */
export class SendBackController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  /** The letter to the institution (institution-facing wording, this submission only); "" for an unknown id. */
  letter(id: string): string {
    const c = this.book.checkedOf(id);
    return c ? sendBackLetter(c, this.book.decisions().get(id) ?? initialDecision(), this.session.profile) : "";
  }

  async copySendBack(id: string): Promise<void> {
    const text = this.letter(id);
    if (text === "") return;
    const ok = await this.session.copy(text);
    this.session.say("review", ok ? "success" : "error", ok ? `${id} の差戻し文をクリップボードにコピーしました。メールや文書に貼り付けて送ってください。` : "クリップボードにコピーできませんでした。");
  }

  /**
   * 印を付けた様式: the submitted file with each problem cell coloured and noted, and a first sheet 「修正のお願い」 with the
   * send-back letter (this submission only, institution-facing text, the reviewer's remark). Needs the file's bytes,
   * which are kept only in the session that imported it.
   */
  async downloadMarkedUp(id: string): Promise<void> {
    const { session, book } = this;
    await session.run("review", "差戻し用の様式の作成", async () => {
      const c = book.checkedOf(id);
      const bytes = book.submittedBytes.get(id);
      if (!c) return;
      if (!session.canDownload) {
        session.say("review", "warning", "この Excel ではファイルを保存できないため、印を付けた様式を作れません。「差戻し文をコピー」を使うか、コマンド（nesid-account annotate）を使ってください。");
        return;
      }
      if (!bytes) {
        session.say("review", "warning", `${id} は以前の作業で取り込まれたため、元のファイルがこの画面にありません。提出されたファイルを取り込み直すか、コマンド（nesid-account annotate）を使ってください。`);
        return;
      }
      const remark = book.record.submissions.find((r) => r.id === id)?.decision.remark ?? "";
      const marked = await sendBackWorkbook(bytes, [{ sheet: c.submission.sourceSheet, checker: c.checker }], { fileName: c.submission.fileName, remark });
      const fileName = `差戻し_${c.submission.fileName.replace(/\.xlsx$/i, "")}.xlsx`;
      session.download(marked.bytes, fileName, MIME.xlsx);
      const n = marked.marked.reduce((k, m) => k + m.findings.length, 0);
      session.say("review", "success", `「${fileName}」をダウンロードしました（印を付けたセル ${n} 件）。差戻し文とともに機関へ送ってください。`);
    });
  }
}
