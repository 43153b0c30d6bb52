import "./support/jsdom-gaps";
// 印を付けた様式をダウンロード in the review tab: the submitted file marked up for 差戻し, opened with exceljs.
import ExcelJS from "exceljs";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { DEFAULT_PROFILE, SEND_BACK_SHEET } from "../../src/domain";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { xlsxBytes } from "../domain/review/submitted-files";
import { workbookSheets } from "../support/exceljs-sheets";

const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};

function setup(downloads: "allowed" | "blocked" = "allowed") {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const captured: { bytes: Uint8Array; fileName: string }[] = [];
  const review = new ReviewController({
    review: createReviewGateway(),
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => new Date(2025, 3, 1, 9, 30),
    downloads: () => downloads,
    download: (bytes, fileName) => captured.push({ bytes, fileName }),
  });
  return { review, captured };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("印を付けた様式 (review tab)", () => {
  it("downloads the submitted file with notes on the problem cells and the letter with the reviewer's remark first", async () => {
    const { review, captured } = setup();
    await review.start();
    const submitted = await xlsxBytes(formOnly);
    await review.importFiles([{ name: "山手10医院.xlsx", bytes: async () => new Uint8Array(submitted) }]);
    expect(review.store.get().submissions[0].canMarkUp).toBe(true);
    await review.setDecision("S001", { status: "差戻し", remark: "修正して今週中に再提出してください。" });
    await review.downloadMarkedUp("S001");
    expect(captured.map((c) => c.fileName)).toEqual(["差戻し_山手10医院.xlsx"]);
    const wb = await open(captured[0].bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SEND_BACK_SHEET, "申請様式"]);
    const note = wb.getWorksheet("申請様式")!.getCell("D15").note as ExcelJS.Comment | string;
    expect(typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("")).toContain("【要修正】全角文字");
    const letter: string[] = [];
    wb.getWorksheet(SEND_BACK_SHEET)!.eachRow((row) => letter.push(String(row.getCell(1).value)));
    expect(letter).toContain("修正して今週中に再提出してください。");
    // the values of the submission are untouched
    expect(workbookSheets(wb).slice(1)).toEqual(workbookSheets(await open(new Uint8Array(submitted))));
  });

  it("says why where files cannot be saved", async () => {
    const { review, captured } = setup("blocked");
    await review.start();
    const submitted = await xlsxBytes(formOnly);
    await review.importFiles([{ name: "a.xlsx", bytes: async () => new Uint8Array(submitted) }]);
    await review.downloadMarkedUp("S001");
    expect(captured).toEqual([]);
    expect(review.store.get().messages.at(-1)).toMatchObject({ intent: "warning", text: expect.stringContaining("nesid-account annotate") });
  });
});
