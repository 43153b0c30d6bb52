import "../support/jsdom-gaps";
// ReportController on its own (審査結果): the record of the review as a sheet to print from Excel, or as an HTML file,
// on the stand-in Excel host with the real Excel layer, session, book and domain; two submissions imported by the real
// intake.
import { REPORT_SHEET_HEADER } from "../../../src/domain";
import { ReportController } from "../../../src/taskpane/review/report-controller";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";
import { REPORT_SHEET } from "../../../src/taskpane/review/review-tasks";
import { activeSheetName, decideInRecord, FIXED_STAMP, fixtures, hasSheet, importedDesk, sheetValues, type Desk, type Fixtures, failureAt, said } from "./controller-fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await fixtures();
});

const reportOf = (d: Desk) => new ReportController(d.session, d.book);
/** The cells of a submission's findings, as the pane lists them. */
const findingsOf = (d: Desk, id: string) =>
  d.session.store
    .get()
    .submissions.find((v) => v.id === id)!
    .rows.flatMap((r) => r.findings.map((x) => `${x.place.column}${x.place.row}`));

describe("ReportController.writeReportSheet", () => {
  it("writes 審査結果 (replaced, activated): the header, one line per finding with its submission's decision and remark", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S001", "差戻し", "電話を確認");
    await reportOf(d).writeReportSheet();
    expect(d.review.methods()).toEqual(["writeTextSheet"]);
    expect(activeSheetName(d)).toBe(REPORT_SHEET);

    const grid = sheetValues(d, REPORT_SHEET, REPORT_SHEET_HEADER.length)!.map((r) => r.map((c) => String(c ?? "")));
    expect(grid[0]).toEqual([...REPORT_SHEET_HEADER]);
    const col = (name: string) => REPORT_SHEET_HEADER.indexOf(name as (typeof REPORT_SHEET_HEADER)[number]);
    const s001 = grid.slice(1).filter((l) => l[0] === "S001");
    expect(s001.length).toBeGreaterThan(0);
    expect(new Set(s001.map((l) => l[col("判定")]))).toEqual(new Set(["差戻し"]));
    expect(new Set(s001.map((l) => l[col("備考")]))).toEqual(new Set(["電話を確認"]));
    // Every finding the pane lists for S001 is a line of the report.
    const cells = new Set(s001.map((l) => l[col("セル")]));
    for (const cell of findingsOf(d, "S001")) expect(cells).toContain(cell);
    expect(grid.slice(1).some((l) => l[0] === "S002")).toBe(true);
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.report.sheetWritten(REPORT_SHEET, grid.length - 1)]);
  });

  it("when Excel cannot write the sheet: the sentence and why in the review, no throw, no spinner left", async () => {
    const d = await importedDesk(f);
    d.review.failNext("writeTextSheet", { code: "InvalidOperationInCellEditMode", message: "" });
    await expect(reportOf(d).writeReportSheet()).resolves.toBeUndefined();
    const text = failureAt(d.session, "review", "審査結果シートの作成");
    expect(text).toContain("セルを編集中");
    expect(hasSheet(d, REPORT_SHEET)).toBe(false);
    expect(d.session.store.get().busy).toBeUndefined();
  });
});

describe("ReportController.downloadReportHtml", () => {
  it("saves a printable HTML with both submissions and their findings; no Office call", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S002", "承認");
    reportOf(d).downloadReportHtml();
    expect(d.downloads.map((x) => [x.fileName, x.mime])).toEqual([[`審査結果_${FIXED_STAMP}.html`, "text/html"]]);
    const html = new TextDecoder().decode(d.downloads[0].bytes);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    for (const id of ["S001", "S002"]) expect(html).toContain(id);
    for (const cell of findingsOf(d, "S001")) expect(html).toContain(cell);
    expect(html).toContain("承認");
    expect(d.review.calls).toEqual([]);
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.report.downloaded(`審査結果_${FIXED_STAMP}.html`)]);
  });

  it("where the host cannot save files: says to print the sheet instead, saves nothing", async () => {
    const d = await importedDesk(f, { downloads: "blocked" });
    reportOf(d).downloadReportHtml();
    expect(d.downloads).toEqual([]);
    expect(said(d.session, "review")).toEqual(["warning", REVIEW_MESSAGES.report.cannotDownload()]);
  });
});
