import { distributableForm, selectHealthCenters } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
import { REVIEW_MESSAGES } from "./review-messages";
import { NOTE_AT } from "./review-state";
import { MIME, type ReviewSession } from "./review-session";

/** 配布用の様式: the form institutions fill, with the 保健所 of the reviewer's jurisdiction. */
export class TemplateController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  /**
   * 配布用の様式を作成: the form institutions fill (lists, text formats, locked grey columns), with the 保健所 of the
   * given jurisdiction codes (中核市コード, 2-digit 都道府県コード or 保健所コード; blank = all) from this workbook's 保健所マスタ.
   */
  async downloadTemplate(jurisdictions: string): Promise<void> {
    const { session } = this;
    await session.run("review", "配布用の様式の作成", async () => {
      if (!session.canDownload) {
        session.say("review", "warning", REVIEW_MESSAGES.template.cannotDownload(), undefined, NOTE_AT.template);
        return;
      }
      const codes = jurisdictions.split(/[\s,、，]+/).filter((c) => c !== "");
      const master = this.book.workbookMasters.healthCenter;
      let centers: ReturnType<typeof selectHealthCenters>["centers"] | undefined;
      if (master) {
        const selection = selectHealthCenters(master, codes);
        if (selection.unmatched.length > 0) {
          session.say("review", "error", REVIEW_MESSAGES.template.unknownCodes(selection.unmatched), undefined, NOTE_AT.template);
          return;
        }
        centers = selection.centers;
      } else if (codes.length > 0) {
        session.say("review", "error", REVIEW_MESSAGES.template.needsMaster(), undefined, NOTE_AT.template);
        return;
      }
      const bytes = await distributableForm({ profile: session.profile, healthCenters: centers });
      const fileName = stampedFileName("申請様式_配布用", "xlsx", session.now());
      session.download(bytes, fileName, MIME.xlsx);
      session.say(
        "review",
        "success",
        centers
          ? REVIEW_MESSAGES.template.downloadedWithCenters(fileName, centers.length)
          : REVIEW_MESSAGES.template.downloadedWithoutCenters(fileName),
        undefined,
        NOTE_AT.template,
      );
    }, NOTE_AT.template);
  }
}
