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
    expect(views[1].decision).toMatchObject({ status: "受付", remark: "前回（S001）の備考: 15行目のメールアドレスを直してください。" });
    expect(views[0].decision.status).toBe("差戻し");
  });

  it("keeps the decision too when the new version has no row added, removed or changed", async () => {
    const review = controller();
    await review.start();
    const same = await xlsxBytes(formOnly);
    await review.importFiles([file("山手10医院.xlsx", same)]);
    await review.setDecision("S001", { status: "要確認", remark: "AJ13の機関を確認中。" });
    await review.importFiles([file("山手10医院.xlsx", same)]);
    const views = review.store.get().submissions;
    expect(views[1].comparison?.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(views[1].decision).toMatchObject({ status: "要確認", remark: "前回（S001）の備考: AJ13の機関を確認中。" });
    // One message for the import, in whole sentences, with the carried decision in it (it replaces the one before).
    expect(review.store.get().messages.filter((m) => m.place === "review" && m.at === undefined).map((m) => m.text)).toEqual([
      "1件の申請を取り込みました（S002_山手10医院）。S002 は前回の S001 と内容が同じため、判定「要確認」と備考を引き継ぎました。",
    ]);
  });
});
