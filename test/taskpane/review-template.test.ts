import "./support/jsdom-gaps";
// 配布用の様式を作成 in the review tab: the controller on the stand-in Excel host, the download captured at the edge,
// the file opened with exceljs.
import ExcelJS from "exceljs";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { DEFAULT_PROFILE, HEALTH_CENTER_SHEET, type Cell } from "../../src/domain";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { HEALTH_CENTER_SHEET as HC_VALUES } from "../support/form-rows";

function setup(withMaster: boolean, downloads: "allowed" | "blocked" = "allowed") {
  const sheets = [{ name: "Sheet1", values: [] as Cell[][] }];
  if (withMaster) sheets.push({ name: "保健所マスタ", values: HC_VALUES });
  const model = new WorkbookModel({ sheets: sheets as never }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const captured: { bytes: Uint8Array; fileName: string; mime: string }[] = [];
  const review = new ReviewController({
    review: createReviewGateway(),
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => new Date(2025, 3, 1, 9, 30),
    downloads: () => downloads,
    download: (bytes, fileName, mime) => captured.push({ bytes, fileName, mime }),
  });
  return { review, captured };
}

const messages = (review: ReviewController) => review.store.get().messages.map((m) => [m.intent, m.text]);

describe("配布用の様式を作成 (review tab)", () => {
  it("downloads the form with the 保健所 of the jurisdiction from the workbook's 保健所マスタ", async () => {
    const { review, captured } = setup(true);
    await review.start();
    await review.downloadTemplate("253658 130000");
    expect(captured).toHaveLength(1);
    expect(captured[0].fileName).toBe("申請様式_配布用_20250401-0930.xlsx");
    expect(captured[0].mime).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(captured[0].bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["申請様式", HEALTH_CENTER_SHEET]);
    const codes: unknown[] = [];
    wb.getWorksheet(HEALTH_CENTER_SHEET)!.eachRow((row, n) => n > 1 && codes.push(row.getCell(1).value));
    expect(codes).toEqual(["13125", "25654"]);
    expect(messages(review).at(-1)).toEqual(["success", expect.stringContaining("一覧（2件）")]);
  });

  it("names a jurisdiction code that matches no 保健所, and downloads nothing", async () => {
    const { review, captured } = setup(true);
    await review.start();
    await review.downloadTemplate("999999");
    expect(captured).toHaveLength(0);
    expect(messages(review).at(-1)).toEqual(["error", expect.stringContaining("999999")]);
  });

  it("without a 保健所マスタ sheet: a form with K and I typed by hand", async () => {
    const { review, captured } = setup(false);
    await review.start();
    await review.downloadTemplate("");
    expect(captured).toHaveLength(1);
    expect(messages(review).at(-1)).toEqual(["success", expect.stringContaining("手入力")]);
  });

  it("says what to do where files cannot be saved", async () => {
    const { review, captured } = setup(true, "blocked");
    await review.start();
    await review.downloadTemplate("");
    expect(captured).toHaveLength(0);
    expect(messages(review).at(-1)?.[0]).toBe("warning");
  });
});
