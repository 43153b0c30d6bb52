import "./support/jsdom-gaps";
// A newer version of a submission imported into the review: the card shows the comparison with the version before,
// and the new version starts with the remark of the old one. Controller on the stand-in host, files made with exceljs.
import type ExcelJS from "exceljs";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { DEFAULT_PROFILE } from "../../src/domain";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { form, xlsxBytes } from "../domain/review/submitted-files";

function controller() {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  return new ReviewController({ review: createReviewGateway(), excel: createExcelGateway(), profile: DEFAULT_PROFILE, now: () => new Date(2025, 3, 1, 9, 30), downloads: () => "allowed" });
}
/** The sample without its master sheets (3,000 rows): the comparison does not need them, and the test stays quick. */
const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};
const file = (name: string, bytes: Buffer) => ({ name, bytes: async () => new Uint8Array(bytes) });

describe("resubmission in the review tab", () => {
  it("shows the comparison with the earlier version and carries its remark over", async () => {
    const review = controller();
    await review.start();
    await review.importFiles([file("山手10医院.xlsx", await xlsxBytes(formOnly))]);
    await review.setDecision("S001", { status: "差戻し", remark: "15行目のメールアドレスを直してください。" });
    const fixed = await xlsxBytes(formOnly, (wb) => {
      form(wb).getCell("D15").value = "tanaka@example-hosp.jp";
    });
    await review.importFiles([file("山手10医院.xlsx", fixed)]);
    const views = review.store.get().submissions;
    expect(views.map((v) => [v.id, v.comparison?.previousId])).toEqual([
      ["S001", undefined],
      ["S002", "S001"],
    ]);
    const c = views[1].comparison!;
    expect(c.summary).toMatchObject({ added: 0, removed: 0, changed: 1, resolved: 1, appeared: 0 });
    expect(c.text).toContain("D列 連絡先メールアドレス");
    expect(c.text).toContain("解消: エラー D15:");
    // S001 was imported minutes ago in this session: it is not 「前回」.
    expect(views[1].comparison?.previousLabel).toBe("S001（先ほど取り込み）");
    expect(c.text).toContain("■ 前の版: S001");
    expect(c.text).not.toContain("前回");
    expect(views[1].decision).toMatchObject({ status: "受付", remark: "S001（先ほど取り込み）の備考：15行目のメールアドレスを直してください。" });
    expect(views[0].decision.status).toBe("差戻し");
  });

  it("does not import the same file again: no new submission, one notice and one sentence naming the existing one", async () => {
    const review = controller();
    await review.start();
    const same = await xlsxBytes(formOnly);
    await review.importFiles([file("山手10医院.xlsx", same)]);
    await review.setDecision("S001", { status: "承認", remark: "" });
    await review.importFiles([file("山手10医院_再送.xlsx", same)]);
    const state = review.store.get();
    expect(state.submissions.map((v) => [v.id, v.decision.status])).toEqual([["S001", "承認"]]);
    expect(state.notices.map((n) => [n.code, n.place.file])).toEqual([["import.same-content", "山手10医院_再送.xlsx"]]);
    expect(state.messages.filter((m) => m.place === "review" && m.at === undefined).map((m) => [m.intent, m.text])).toEqual([
      ["info", "「山手10医院_再送.xlsx」は取り込み済みの S001 と同じ内容のため、追加しませんでした。"],
    ]);
  });
});
