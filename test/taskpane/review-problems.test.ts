import "./support/jsdom-gaps";
// The review state holds one problem shape: the import's notices, the issued CSV's and the templates' and
// drafts' problems are converted where the controller receives them, each with its code, severity and place.
import { DEFAULT_MAIL_TEMPLATES, DEFAULT_PROFILE, encodeText } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { xlsxBytes } from "../domain/review/submitted-files";

async function started() {
  installStandIn(globalThis as unknown as Record<string, unknown>, new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" }));
  const review = new ReviewController({ review: createReviewGateway(), excel: createExcelGateway(), profile: DEFAULT_PROFILE, downloads: () => "allowed", download: () => undefined });
  await review.start();
  return review;
}

describe("the review's problems, one shape", () => {
  it("an unreadable file is a problem placed on that file; importing the file again replaces it", async () => {
    const review = await started();
    const broken = { name: "壊れた.xlsx", bytes: async () => new Uint8Array([1, 2, 3]) };
    await review.importFiles([broken]);
    expect(review.store.get().notices).toEqual([expect.objectContaining({ code: "import.unreadable", severity: "error", place: { file: "壊れた.xlsx" } })]);
    const good = new Uint8Array(await xlsxBytes());
    await review.importFiles([{ name: "壊れた.xlsx", bytes: async () => good }]);
    expect(review.store.get().notices.filter((n) => n.code === "import.unreadable")).toEqual([]);
  });

  it("the issued CSV's problems are placed on the file and its line", async () => {
    const review = await started();
    await review.loadIssued("発行結果.csv", encodeText("利用者ID,初期パスワード\r\nU1,\r\n", "cp932"));
    expect(review.store.get().issued?.problems).toEqual([expect.objectContaining({ code: "issued.password-missing", severity: "error", place: { file: "発行結果.csv", line: 2 } })]);
  });

  it("the templates' problems are listed with the drafts' problems, placed on the template part", async () => {
    const review = await started();
    await review.loadIssued("発行結果.csv", encodeText("利用者ID,初期パスワード\r\nU1,pw1\r\n", "cp932"));
    review.setUrl("https://example.jp/", false);
    review.setMailOptions({ split: false, templates: { ...DEFAULT_MAIL_TEMPLATES, single: { ...DEFAULT_MAIL_TEMPLATES.single, subject: "" } } });
    review.draftMails();
    const problems = review.store.get().mail.problems;
    expect(problems.map((p) => [p.code, p.severity, p.place])).toEqual([
      ["template.subject-empty", "error", { part: "single.subject" }],
      ["draft.template", "error", {}],
    ]);
  });
});
