import "./support/jsdom-gaps";
// Other channels in the review pane (jsdom, ReviewController on the stand-in Excel host): an online application
// service's export — a CSV in UTF-8 with BOM or Shift_JIS, or an .xlsx list — is imported like a form: checked, its
// values copied into the review workbook, exported with the same rows as the form it was made from, and read back as a
// list when the review is reopened.
import { act, cleanup, screen, within } from "@testing-library/react";
import type ExcelJS from "exceljs";
import { xlsxBytes } from "../domain/review/submitted-files";
import { eApplicationRecords, shiftJisCsv, utf8BomCsv, xlsxList } from "../support/e-application-list";
import { renderReview, type RenderedReview } from "./support/render-review";

/** The sample without its master sheets: the list has none either, so both are exported without master checks. */
const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};

let records: string[][];
let formExport: { rows: number; written: number; bytes: Uint8Array };

async function approveAndExport(r: RenderedReview) {
  await act(() => r.controller.setDecision("S001", { status: "承認" }));
  await act(() => r.controller.setSettings({ allowNoMasters: true }));
  await act(() => r.controller.exportCsv());
  await r.settle();
  const outcome = r.controller.store.get().lastExport!;
  return { written: outcome.written, bytes: r.downloaded[r.downloaded.length - 1].bytes };
}

beforeAll(async () => {
  records = await eApplicationRecords();
  const r = await renderReview();
  await r.importFiles([{ name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes(formOnly)) }]);
  const rows = r.controller.store.get().submissions[0].summary.rows;
  formExport = { rows, ...(await approveAndExport(r)) };
  cleanup();
});

const CHANNELS: [string, string, () => Promise<Uint8Array>][] = [
  ["CSV (UTF-8 with BOM)", "電子申請_utf8.csv", async () => utf8BomCsv(records)],
  ["CSV (Shift_JIS)", "電子申請_sjis.csv", async () => shiftJisCsv(records)],
  ["an .xlsx list", "電子申請一覧.xlsx", () => xlsxList(records)],
];

describe("an online application list in the review pane", () => {
  it("the file picker takes .csv as well as .xlsx", async () => {
    await renderReview();
    const accept = (screen.getByTestId("review-file-input") as HTMLInputElement).accept.split(",");
    expect(accept).toEqual(expect.arrayContaining([".xlsx", ".csv"]));
  });

  it.each(CHANNELS)("%s: checked and exported like the form it came from, read back as a list when reopened", async (_label, fileName, bytes) => {
    expect(formExport.written).toBeGreaterThan(0);
    const r = await renderReview();
    await r.importFiles([{ name: fileName, bytes: await bytes() }]);
    const [view] = r.controller.store.get().submissions;
    expect(view).toMatchObject({ id: "S001", fileName });
    expect(view.summary.rows).toBe(formExport.rows);
    // The card names the list's columns (row 1's headings), and its extras are never checked.
    const card = screen.getByTestId("submission");
    expect(within(card).getByTestId("columns-summary").textContent).toBe("電子申請などの一覧です（1行目の見出しで項目の列を見つけました）。確認してください。");
    expect(view.columns?.extras.map((e) => e.heading)).toEqual(["受付番号", "申請日時"]);
    // Its values are in the review workbook (a CSV is copied: there is no sheet to insert), header in row 1.
    const sheet = r.model.sheetByName(view.sheetName)!;
    expect(sheet.values[0].slice(0, 4)).toEqual(["受付番号", "申請日時", "メールアドレス", "氏名"]);
    expect(sheet.values[1][2]).toBe(records[1][2]);
    if (fileName.endsWith(".csv")) expect(view.how).toBe("copied");
    // Exported: the same rows, the same bytes as the form's registration CSV.
    const exported = await approveAndExport(r);
    expect(exported.written).toBe(formExport.written);
    expect(Buffer.from(exported.bytes).equals(Buffer.from(formExport.bytes))).toBe(true);

    // 差戻し: a CSV has no cells to mark (the letter is the way); an .xlsx list's cells are marked like a form's.
    await act(() => r.controller.downloadMarkedUp("S001"));
    await r.settle();
    const said = r.controller.store.get().messages.filter((m) => m.at === "markup:S001").map((m) => m.text);
    if (fileName.endsWith(".csv")) expect(said).toEqual(["S001 はCSV（電子申請の一覧）のため、印を付けた様式は作れません。「差戻し文をコピー」で指摘を送ってください。"]);
    else expect(r.downloads[r.downloads.length - 1]).toBe("差戻し_電子申請一覧.xlsx");

    // Reopened: the record says it is a list; it is mapped as one again, with the same rows and decision.
    cleanup();
    const again = await renderReview(r.model);
    const [reopened] = again.controller.store.get().submissions;
    expect(reopened).toMatchObject({ id: "S001", fileName, decision: { status: "承認" } });
    expect(reopened.summary).toEqual(view.summary);
    expect(reopened.columns?.items.find((i) => i.key === "name")).toMatchObject({ column: "D", heading: "氏名" });
    const reexported = await approveAndExport(again);
    expect(Buffer.from(reexported.bytes).equals(Buffer.from(formExport.bytes))).toBe(true);
  });
});
