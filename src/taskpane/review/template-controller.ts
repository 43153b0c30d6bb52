import { distributableForm, selectHealthCenters } from "../../domain";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
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
        session.say("review", "warning", "この Excel ではファイルを保存できないため、様式を作成できません。ブラウザー版の Excel か、コマンド（nesid-account template）を使ってください。");
        return;
      }
      const codes = jurisdictions.split(/[\s,、，]+/).filter((c) => c !== "");
      const master = this.book.workbookMasters.healthCenter;
      let centers: ReturnType<typeof selectHealthCenters>["centers"] | undefined;
      if (master) {
        const selection = selectHealthCenters(master, codes);
        if (selection.unmatched.length > 0) {
          session.say("review", "error", `管轄のコード ${selection.unmatched.join("、")} に当たる保健所が保健所マスタにありません（中核市コード、2桁の都道府県コード、または保健所コード）。`);
          return;
        }
        centers = selection.centers;
      } else if (codes.length > 0) {
        session.say("review", "error", "管轄のコードで絞り込むには、このブックに「保健所マスタ」のシートが必要です。");
        return;
      }
      const bytes = await distributableForm({ profile: session.profile, healthCenters: centers });
      const fileName = stampedFileName("申請様式_配布用", "xlsx", session.now());
      session.download(bytes, fileName, MIME.xlsx);
      session.say(
        "review",
        "success",
        centers
          ? `「${fileName}」をダウンロードしました。保健所コードは一覧（${centers.length}件）から選び、中核市コードは自動で表示されます。`
          : `「${fileName}」をダウンロードしました。このブックに保健所マスタのシートがないため、保健所コード・中核市コードは手入力の様式です。`,
      );
    });
  }
}
