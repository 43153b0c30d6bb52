import "../support/jsdom-gaps";
// ExportController on its own (登録用CSV, 作業③): the approved rows as the registration CSV — downloaded, or written
// to a sheet where the host cannot download, or copied — and the export settings kept in the record. On the stand-in
// Excel host with the real Excel layer, session, book and domain; two submissions imported by the real intake.
import Encoding from "encoding-japanese";
import { parseReviewRecord } from "../../../src/domain";
import { ExportController } from "../../../src/taskpane/review/export-controller";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";
import { CSV_SHEET } from "../../../src/taskpane/review/review-tasks";
import {
  activeSheetName,
  decideInRecord,
  FIXED_STAMP,
  fixtures,
  importedDesk,
  picked,
  reviewDesk,
  failureAt,
  said,
  sheetValues,
  storedRecordText,
  type Desk,
  type Fixtures,
} from "./controller-fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await fixtures();
});

const exportOf = (d: Desk) => new ExportController(d.session, d.book);
const sjis = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { from: "SJIS", to: "UNICODE", type: "string" }) as string;
const lines = (text: string) => text.split("\r\n").filter((l) => l !== "");
/** The names (B) of a submission's data rows, as the intake read them. */
const namesOf = (d: Desk, id: string) => d.book.submissions.find((s) => s.id === id)!.rows.map((r) => String(r.cells[1] ?? "")).filter((n) => n !== "");
const allRows = (d: Desk) => d.book.submissions.reduce((n, s) => n + s.rows.length, 0);
const cellEditing = { code: "InvalidOperationInCellEditMode", message: "" };

describe("ExportController.exportCsv", () => {
  it("nothing imported yet: says to import first, and calls nothing", async () => {
    const d = reviewDesk(f);
    await exportOf(d).exportCsv();
    expect(said(d.session, "export")).toEqual(["warning", REVIEW_MESSAGES.export.nothingImported()]);
    expect(d.downloads).toEqual([]);
    expect(d.review.calls).toEqual([]);
  });

  it("nothing approved: no file; every row is listed as not written", async () => {
    const d = await importedDesk(f);
    await exportOf(d).exportCsv();
    const last = d.session.store.get().lastExport!;
    expect(last).toMatchObject({ written: 0, deliveries: [] });
    expect(last.refused).toHaveLength(allRows(d));
    expect(said(d.session, "export")).toEqual(["error", REVIEW_MESSAGES.export.noRows(allRows(d))]);
    expect(d.downloads).toEqual([]);
  });

  it("downloads the approved submission's rows only, in Shift_JIS with the header, and says where it went", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S002", "承認");
    await exportOf(d).exportCsv();
    expect(d.downloads.map((x) => [x.fileName, x.mime])).toEqual([[`登録用CSV_${FIXED_STAMP}.csv`, "text/csv"]]);
    const csv = lines(sjis(d.downloads[0].bytes));
    const names = namesOf(d, "S002");
    expect(csv).toHaveLength(1 + names.length);
    expect(csv.slice(1).map((l) => l.split(",")[0])).toEqual(names);
    expect(csv.join("\n")).not.toContain(namesOf(d, "S001")[0]);
    const last = d.session.store.get().lastExport!;
    expect(last).toMatchObject({ fileName: `登録用CSV_${FIXED_STAMP}.csv`, encodingLabel: "Shift_JIS", written: names.length, deliveries: ["downloaded"] });
    expect(said(d.session, "export")).toEqual(["success", REVIEW_MESSAGES.export.downloaded(`登録用CSV_${FIXED_STAMP}.csv`, names.length, "cp932")]);
    // A download needs no Office call.
    expect(d.review.calls).toEqual([]);
  });

  it("where the host cannot download, the lines go to the sheet 登録用CSV (activated), with how to save it", async () => {
    const d = await importedDesk(f, { downloads: "blocked" });
    decideInRecord(d.book, "S002", "承認");
    await exportOf(d).exportCsv();
    expect(d.downloads).toEqual([]);
    expect(d.review.methods()).toEqual(["writeTextSheet"]);
    const sheet = sheetValues(d, CSV_SHEET, 1)!.map((r) => String(r[0]));
    expect(sheet[0].startsWith("利用者名")).toBe(true);
    expect(sheet.slice(1).map((l) => l.split(",")[0])).toEqual(namesOf(d, "S002"));
    expect(activeSheetName(d)).toBe(CSV_SHEET);
    expect(d.session.store.get().lastExport).toMatchObject({ deliveries: ["sheet"], sheetName: CSV_SHEET });
    expect(said(d.session, "export")).toEqual(["warning", REVIEW_MESSAGES.export.sheetInsteadOfDownload(CSV_SHEET, namesOf(d, "S002").length)]);
  });

  it("when Excel cannot write that sheet: the sentence and why at the export, no outcome, no throw", async () => {
    const d = await importedDesk(f, { downloads: "blocked" });
    decideInRecord(d.book, "S002", "承認");
    d.review.failNext("writeTextSheet", cellEditing);
    await expect(exportOf(d).exportCsv()).resolves.toBeUndefined();
    const text = failureAt(d.session, "export", "登録用CSVの出力");
    expect(text).toContain("セルを編集中");
    expect(d.session.store.get().lastExport).toBeUndefined();
    expect(d.session.store.get().busy).toBeUndefined();
  });

  it("refuses while a master the rows need is missing, until 「マスタなしで出力する」 is on", async () => {
    const d = reviewDesk(f, { withoutMasters: true });
    const intake = new IntakeController(d.session, d.book);
    await intake.start();
    await intake.importFiles(picked(["緑71診療所.xlsx", f.midori]));
    decideInRecord(d.book, "S001", "承認");
    const exporter = exportOf(d);
    await exporter.exportCsv();
    expect(d.downloads).toEqual([]);
    const [intent, text] = said(d.session, "export")!;
    expect(intent).toBe("error");
    expect(text).toContain("「マスタなしで出力する（コードを照合しない）」をオンにする");

    await exporter.setSettings({ allowNoMasters: true });
    await exporter.exportCsv();
    expect(d.downloads).toHaveLength(1);
    expect(d.session.store.get().lastExport!.uncheckedColumns!.length).toBeGreaterThan(0);
  });
});

describe("ExportController: to a sheet, to the clipboard", () => {
  it("exportCsvToSheet writes the same lines as the file and adds the sheet to the outcome", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S002", "承認");
    const exporter = exportOf(d);
    await exporter.exportCsv();
    await exporter.exportCsvToSheet();
    const fileLines = lines(sjis(d.downloads[0].bytes));
    expect(sheetValues(d, CSV_SHEET, 1)!.map((r) => String(r[0]))).toEqual(fileLines);
    expect(d.session.store.get().lastExport!.deliveries).toEqual(["downloaded", "sheet"]);
    expect(said(d.session, "export")).toEqual(["success", REVIEW_MESSAGES.export.writtenToSheet(CSV_SHEET, fileLines.length - 1, true)]);
  });

  it("copyCsv puts the CSV text on the clipboard; when the clipboard refuses, it says to use the sheet", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S002", "承認");
    await exportOf(d).copyCsv();
    expect(lines(d.clipboard[0]).slice(1).map((l) => l.split(",")[0])).toEqual(namesOf(d, "S002"));
    expect(said(d.session, "export")).toEqual(["success", REVIEW_MESSAGES.export.copied(namesOf(d, "S002").length)]);

    const refused = await importedDesk(f, { copyWorks: false });
    decideInRecord(refused.book, "S002", "承認");
    await exportOf(refused).copyCsv();
    expect(said(refused.session, "export")).toEqual(["error", REVIEW_MESSAGES.export.copyFailed()]);
  });
});

describe("ExportController.setSettings", () => {
  it("keeps 見出し行 and 16 in the workbook's record (the encoding and the master switch stay in the pane)", async () => {
    const d = await importedDesk(f);
    await exportOf(d).setSettings({ header: false, issueDeferred: true, encoding: "utf8bom" });
    expect(d.session.store.get().settings).toMatchObject({ header: false, issueDeferred: true, encoding: "utf8bom" });
    const parsed = parseReviewRecord(storedRecordText(d));
    expect(parsed.ok && parsed.record.settings).toEqual({ header: false, issueDeferred: true });

    // Without a header line the file starts with the first person.
    decideInRecord(d.book, "S002", "承認");
    await exportOf(d).exportCsv();
    const text = new TextDecoder().decode(d.downloads[0].bytes).replace(/^\ufeff/, "");
    expect(text.split(",")[0]).toBe(namesOf(d, "S002")[0]);
  });

  it("when the record cannot be saved: the sentence and why at the export; the setting still applies", async () => {
    const d = await importedDesk(f);
    d.review.failNext("writeRecord", cellEditing);
    await exportOf(d).setSettings({ header: false });
    failureAt(d.session, "export", "設定の保存");
    expect(d.session.store.get().settings.header).toBe(false);
  });
});
