import "./support/jsdom-gaps";
// The pane's registration CSV (作業③) on the stand-in host: refused while a master the rows need is not loaded
// (unless the reviewer turns on 「マスタなしで出力する」, then the unchecked columns are listed), and grey-column values
// left out of the file are listed — the same rules as `nesid-account export`.
import Encoding from "encoding-japanese";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { DEFAULT_PROFILE } from "../../src/domain";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { keepRows, removeSheet, setCell, xlsxBytes } from "../domain/review/submitted-files";

function setup() {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const downloads: Uint8Array[] = [];
  const review = new ReviewController({
    review: createReviewGateway(),
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => new Date(2025, 3, 1, 9, 30),
    downloads: () => "allowed",
    download: (bytes) => downloads.push(bytes),
    copy: async () => true,
    openLink: () => undefined,
  });
  return { review, downloads };
}

jest.setTimeout(180_000); // two imports of a full workbook on the stand-in host: slow on a shared machine
beforeEach(() => localStorage.clear());

describe("pane export guards", () => {
  it("no masters: refused with the reason; 「マスタなしで出力する」 writes it and lists the unchecked columns", async () => {
    const bytes = new Uint8Array(await xlsxBytes(keepRows(4, 11), ...["保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"].map(removeSheet)));
    const { review, downloads } = setup();
    await review.start();
    await review.importFiles([{ name: "bare.xlsx", bytes: async () => bytes }]);
    await review.setDecision("S001", { status: "承認" });
    await review.exportCsv();
    let s = review.store.get();
    expect(downloads).toHaveLength(0);
    expect(s.lastExport).toBeUndefined();
    const refusal = s.messages[s.messages.length - 1];
    expect(refusal.intent).toBe("error");
    expect(refusal.text).toContain("マスタが読み込まれていないため、コードが正しいか確認できていません");
    expect(refusal.text).toContain("保健所マスタが読み込まれていないため");
    expect(refusal.text).toContain("「マスタなしで出力する（コードを照合しない）」をオンにする");

    await review.setSettings({ allowNoMasters: true });
    await review.exportCsv();
    s = review.store.get();
    expect(downloads).toHaveLength(1);
    expect(s.lastExport).toMatchObject({ written: 8, uncheckedColumns: ["K", "I", "AJ"] });
  });

  it("grey-column values are written empty and listed", async () => {
    const bytes = new Uint8Array(await xlsxBytes(keepRows(4, 5), setCell("F4", "備考あり")));
    const { review, downloads } = setup();
    await review.start();
    await review.importFiles([{ name: "grey.xlsx", bytes: async () => bytes }]);
    await review.setDecision("S001", { status: "承認" });
    await review.exportCsv();
    const s = review.store.get();
    expect(s.lastExport!.cleared).toEqual([{ source: "S001 grey.xlsx", row: 4, column: "F", value: "備考あり" }]);
    const text = Encoding.convert(Array.from(downloads[0]), { from: "SJIS", to: "UNICODE", type: "string" });
    expect(text).not.toContain("備考あり");
  });
});
