import { messageOf, readXlsx, type Cell, type SheetData } from "../../../src/domain";
/**
 * Every workbook the tests use, through both readers: the new one (readXlsx) and the exceljs load the product used
 * before (workbookSheets). They agree, except where exceljs shows what Excel does not: merged cells,
 * formulas without a cached value, shared strings that are not in the file.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { generateForm } from "../../support/generate-form-rows";
import { generateMasters } from "../../support/generate-masters";
import { formWorkbook, mastersWorkbook } from "../../support/generate-workbooks";
import { miniXlsx } from "../../support/minimal-xlsx";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../../support/samples";
import { workbookSheets } from "../../support/exceljs-sheets";

async function withExceljs(bytes: Uint8Array): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbookSheets(wb);
}

function withReader(bytes: Uint8Array): SheetData[] {
  const r = readXlsx(bytes, "parity.xlsx");
  if (!r.ok) throw new Error(messageOf(r.problem));
  return r.sheets;
}

/** Values with trailing empty rows and cells dropped: exceljs counts formatted rows, the reader only values. */
function trimmed(values: readonly (readonly Cell[])[]): Cell[][] {
  const rows = values.map((r) => {
    const out = [...r];
    while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function expectSameSheets(a: SheetData[], b: SheetData[]): void {
  expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
  a.forEach((s, i) => expect(trimmed(s.values)).toEqual(trimmed(b[i].values)));
}

describe("the workbook reader agrees with the exceljs load on every workbook the tests use", () => {
  it.each([
    ["samples/application-form.xlsx", SAMPLE_FORM],
    ["samples/masters.xlsx", SAMPLE_MASTERS],
  ])("%s", async (_, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    expectSameSheets(withReader(bytes), await withExceljs(bytes));
  });

  it("generated forms and masters (test/support/generate-form.ts, generate-masters.ts)", async () => {
    const masters = generateMasters({ zensuRows: 2000, teitenRows: 200 });
    for (const seed of [1, 2]) {
      const form = generateForm(300, masters, { seed, problemRate: 0.3 });
      const bytes = new Uint8Array(await formWorkbook(form, masters));
      const sheets = withReader(bytes);
      expectSameSheets(sheets, await withExceljs(bytes));
      expect(trimmed(sheets[0].values)).toEqual(trimmed(form.values));
    }
    const bytes = new Uint8Array(await mastersWorkbook(masters));
    expectSameSheets(withReader(bytes), await withExceljs(bytes));
  });
});

describe("where exceljs is wrong, the reader shows what Excel shows", () => {
  it("merged cells: exceljs copies the top-left value into the merged cells, Excel shows them empty", async () => {
    const bytes = miniXlsx([
      {
        name: "S",
        data: `<row r="4"><c r="AJ4" t="inlineStr"><is><t>2513100103</t></is></c></row><row r="5"><c r="AJ5"/></row><row r="6"><c r="AJ6"/></row>`,
        after: `<mergeCells count="1"><mergeCell ref="AJ4:AJ6"/></mergeCells>`,
      },
    ]);
    const [old] = await withExceljs(bytes);
    const [now] = withReader(bytes);
    expect([old.values[4][35], old.values[5][35]]).toEqual(["2513100103", "2513100103"]);
    expect(now.values[3][35]).toBe("2513100103");
    expect([now.values[4]?.[35] ?? null, now.values[5]?.[35] ?? null]).toEqual([null, null]);
  });

  it("formulas: a cached 0 is 0; a formula without a cached value is an unread cell, not an empty one", async () => {
    const bytes = miniXlsx([{ name: "S", data: `<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1"><f>1+1</f></c></row>` }]);
    const [old] = await withExceljs(bytes);
    const [now] = withReader(bytes);
    expect(now.values[0][0]).toBe(0);
    expect(now.values[0][1]).toMatchObject({ unread: "formula-uncached" });
    // exceljs: the uncached formula is simply empty (a row of them left the data area without a word).
    expect(old.values[0]?.[1] ?? null).toBeNull();
  });
});
