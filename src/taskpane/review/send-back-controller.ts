import { initialDecision, isCsvName, sendBackLetter, sendBackWorkbook } from "../../domain";
import type { ReviewBook } from "./review-book";
import { REVIEW_MESSAGES } from "./review-messages";
import { MIME, type ReviewSession } from "./review-session";
import { NOTE_AT } from "./review-state";
import { recallSender, rememberSender, SENDER_MAX } from "./sender-memory";

/** 差戻し: the letter to the institution and the marked-up copy of its file. */
export class SendBackController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {
    if (session.store.get().sendBackSender === undefined) session.store.set({ sendBackSender: recallSender() });
  }

  /** The sender block every letter ends with: remembered on this PC (sender-memory.ts). */
  setSender(text: string): void {
    const sender = text.slice(0, SENDER_MAX);
    this.session.store.set({ sendBackSender: sender });
    if (!rememberSender(sender)) this.session.say("review", "warning", REVIEW_MESSAGES.sendBack.senderNotRemembered(), undefined, NOTE_AT.sender);
  }

  /** What every letter carries besides its findings: today's date and the sender. */
  private letterOptions(): { date: Date; sender: string } {
    return { date: this.session.now(), sender: this.session.store.get().sendBackSender ?? "" };
  }

  /** The letter to the institution (institution-facing wording, this submission only); "" for an unknown id. */
  letter(id: string): string {
    const c = this.book.checkedOf(id);
    return c ? sendBackLetter(c, this.book.decisions().get(id) ?? initialDecision(), this.session.profile, this.letterOptions()) : "";
  }

  async copySendBack(id: string): Promise<void> {
    const text = this.letter(id);
    if (text === "") return;
    const ok = await this.session.copy(text);
    this.session.say("review", ok ? "success" : "error", ok ? REVIEW_MESSAGES.sendBack.copied(id) : REVIEW_MESSAGES.sendBack.copyFailed(), undefined, NOTE_AT.copySendBack(id));
  }

  /**
   * 印を付けた様式: the submitted file with each problem cell coloured and noted, and a first sheet 「修正のお願い」 with the
   * send-back letter (this submission only, institution-facing text, the reviewer's remark). Needs the file's bytes,
   * which are kept only in the session that imported it.
   */
  async downloadMarkedUp(id: string): Promise<void> {
    const { session, book } = this;
    const note = NOTE_AT.markUp(id);
    await session.run("review", "差戻し用の様式の作成", async () => {
      const c = book.checkedOf(id);
      const bytes = book.submittedBytes.get(id);
      if (!c) return;
      if (!session.canDownload) {
        session.say("review", "warning", REVIEW_MESSAGES.sendBack.cannotDownload(), undefined, note);
        return;
      }
      if (isCsvName(c.submission.fileName)) {
        session.say("review", "warning", REVIEW_MESSAGES.sendBack.csvNoMarkUp(id), undefined, note);
        return;
      }
      if (!bytes) {
        session.say("review", "warning", REVIEW_MESSAGES.sendBack.noOriginal(id), undefined, note);
        return;
      }
      const remark = book.record.submissions.find((r) => r.id === id)?.decision.remark ?? "";
      const marked = await sendBackWorkbook(bytes, [{ sheet: c.submission.sourceSheet, checker: c.checker }], { fileName: c.submission.fileName, remark, ...this.letterOptions() });
      const fileName = `差戻し_${c.submission.fileName.replace(/\.xlsx$/i, "")}.xlsx`;
      session.download(marked.bytes, fileName, MIME.xlsx);
      const n = marked.marked.reduce((k, m) => k + m.findings.length, 0);
      session.say("review", "success", REVIEW_MESSAGES.sendBack.downloaded(fileName, n), undefined, note);
    }, note);
  }
}
