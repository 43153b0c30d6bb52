/**
 * @jest-environment jsdom
 */
// The review's Excel layer (src/excel/review-workbook.ts) against the strict stand-in host: settings, sheets
// inserted from the submitted file or copied value by value, provenance columns, text sheets.
import { readFileSync } from "node:fs";
import { TextDecoder, TextEncoder } from "node:util";
import ExcelJS from "exceljs";
import { SAMPLE_FORM } from "../support/samples";

// jsdom gives DOMParser (the stand-in parses the inserted .xlsx with it); the domain needs TextEncoder, which this
// jsdom lacks: set it before the modules under test load.
Object.assign(globalThis, { TextDecoder, TextEncoder });
type Modules = {
  WorkbookModel: typeof import("../support/stand-in/model/workbook-model").WorkbookModel;
  installStandIn: typeof import("../support/stand-in/office/install").installStandIn;
  createReviewGateway: typeof import("../../src/excel/review-workbook").createReviewGateway;
  REVIEW_RECORD_SETTING: string;
  workbookSheets: typeof import("../support/exceljs-sheets").workbookSheets;
};
let m: Modules;
beforeAll(async () => {
  m = {
    ...(await import("../support/stand-in/model/workbook-model")),
    ...(await import("../support/stand-in/office/install")),
    ...(await import("../../src/excel/review-workbook")),
    ...(await import("../../src/excel/review-gateway-types")),
    ...(await import("../support/exceljs-sheets")),
  } as unknown as Modules;
});

/** The sample as submitted (bytes) and as the product's reader gives its form sheet; read once for the file. */
let sample: { bytes: Buffer; sheet: { name: string; values: unknown[][] } } | undefined;
async function sampleSheet() {
  if (!sample) {
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(SAMPLE_FORM);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    sample = { bytes, sheet: m.workbookSheets(wb).find((s) => s.name === "申請様式")! };
  }
  return sample as { bytes: Buffer; sheet: ReturnType<typeof m.workbookSheets>[number] };
}

/** A submitted file whose K5 was typed as a number (Excel dropped nothing: 25654 has no leading zero), as read by the product. */
async function submissionWithNumericK5() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE_FORM) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("申請様式")!;
  ws.getCell("K5").value = 25654;
  ws.getCell("K5").numFmt = "General";
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return m.workbookSheets(reread).find((s) => s.name === "申請様式")!;
}

function host(excelApi: string) {
  const model = new m.WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi });
  m.installStandIn(globalThis as unknown as Record<string, unknown>, model);
  return model;
}

describe("review workbook on the stand-in host", () => {
  it("keeps the review record in the workbook's settings (and reads none at first)", async () => {
    const model = host("1.17");
    const g = m.createReviewGateway();
    expect(g.capabilities()).toEqual({ insertWorksheets: true, settings: true });
    expect(await g.readRecord()).toBeNull();
    await g.writeRecord('{"version":1}');
    expect(model.settings[m.REVIEW_RECORD_SETTING]).toBe('{"version":1}');
    expect(await g.readRecord()).toBe('{"version":1}');
  });

  it("inserts the submitted form sheet from the file, renames it, and writes file name and institution per row", async () => {
    const model = host("1.17");
    const { bytes, sheet } = await sampleSheet();
    const g = m.createReviewGateway();
    const result = await g.addSubmissionSheet({
      sheetName: "S001_山手10医院",
      sourceSheet: "申請様式",
      base64: Buffer.from(bytes).toString("base64"),
      values: sheet.values,
      headerRow: 3,
      rows: [4, 5, 6],
      provenance: { fileName: "山手10医院.xlsx", institution: "山手10医院（2513100103）" },
    });
    expect(result).toEqual({ how: "inserted", sheetName: "S001_山手10医院" });
    const ws = model.sheetByName("S001_山手10医院")!;
    expect(ws.value(3, 4)).toBe("09");
    expect(ws.numberFormat(3, 4)).toBe("@");
    expect(ws.value(11, 35)).toBe("06100005");
    expect(ws.value(2, 41)).toBe("提出ファイル");
    expect(ws.value(3, 41)).toBe("山手10医院.xlsx");
    expect(ws.value(5, 42)).toBe("山手10医院（2513100103）");
    expect(ws.value(6, 41)).toBeNull();
    expect(await g.sheetNames()).toEqual(["Sheet1", "S001_山手10医院"]);
  });

  it("copies values on a host without insertWorksheetsFromBase64: text stays text, numbers stay numbers", async () => {
    const model = host("1.8");
    const { values } = await submissionWithNumericK5();
    expect(values[4][10]).toBe(25654);
    const g = m.createReviewGateway();
    expect(g.capabilities()).toEqual({ insertWorksheets: false, settings: true });
    const result = await g.addSubmissionSheet({ sheetName: "S002_x", sourceSheet: "申請様式", base64: "ignored", values, headerRow: 3, rows: [4], provenance: { fileName: "x.xlsx", institution: "x" } });
    expect(result.how).toBe("copied");
    const ws = model.sheetByName("S002_x")!;
    expect(ws.value(3, 4)).toBe("09");
    expect(ws.value(3, 2)).toBe("03-5555-1000");
    expect(ws.value(4, 10)).toBe(25654);
    expect(ws.value(3, 1)).toBe("佐藤　太郎");
  });

  it("writes text sheets (report, CSV lines) as text and replaces an older one", async () => {
    const model = host("1.17");
    const g = m.createReviewGateway();
    await g.writeTextSheet("登録用CSV", [["利用者名,連絡先電話番号"], ["=1+1"], ["09"]], { activate: true, columnWidths: [600] });
    await g.writeTextSheet("登録用CSV", [["a"], ["0012"]]);
    const ws = model.sheetByName("登録用CSV")!;
    expect([ws.value(0, 0), ws.value(1, 0), ws.value(2, 0)]).toEqual(["a", "0012", null]);
    expect(ws.numberFormat(1, 0)).toBe("@");
    await g.deleteSheet("登録用CSV");
    await g.deleteSheet("登録用CSV");
    expect(model.sheetByName("登録用CSV")).toBeUndefined();
  });

  it("refuses settings on a host older than ExcelApi 1.4 with a Japanese reason", async () => {
    host("1.3");
    const g = m.createReviewGateway();
    expect(g.capabilities().settings).toBe(false);
    expect(await g.readRecord()).toBeNull();
    await expect(g.writeRecord("{}")).rejects.toThrow("ExcelApi 1.4");
  });
});
