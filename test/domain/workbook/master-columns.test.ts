import { messageOf, DEFAULT_PROFILE, masterColumnFilter, mastersFromSheets, inflateWorksheets, readSharedStringsPart, readXlsx, readXlsxAsync, type ColumnFilter, type SheetData, type WorkbookRead } from "../../../src/domain";
/**
 * A file read for its masters reads only the columns their indexes use (masterColumnFilter): every way of reading
 * (readXlsx, readXlsxAsync, the pane's two-worker read) gives the same master indexes as reading the whole file, and the
 * columns left out are really left out.
 */
import { readFileSync } from "node:fs";
import { inflateRaw } from "node:zlib";
import { generateForm } from "../../support/generate-form-rows";
import { generateMasters } from "../../support/generate-masters";
import { formWorkbook, mastersWorkbook } from "../../support/generate-workbooks";
import { miniXlsx } from "../../support/minimal-xlsx";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../../support/samples";

const profile = DEFAULT_PROFILE;
const filter = masterColumnFilter(profile);

const zlibInflate = (data: Uint8Array, size: number) =>
  new Promise<Uint8Array>((resolve, reject) => inflateRaw(data, size > 0 ? { chunkSize: Math.max(size, 64) } : {}, (err, out) => (err ? reject(err) : resolve(new Uint8Array(out)))));

function sheetsOf(read: WorkbookRead): SheetData[] {
  if (!read.ok) throw new Error(messageOf(read.problem));
  return read.sheets;
}

/** The pane's two-worker read, in one thread: the strings read apart, the worksheets inflated ahead. */
function paneSheets(bytes: Uint8Array, columns?: ColumnFilter): SheetData[] {
  const strings = readSharedStringsPart(bytes, "m.xlsx");
  if (!strings.ok) throw new Error(messageOf(strings.problem));
  return sheetsOf(readXlsx(bytes, "m.xlsx", { columns, sharedStrings: strings.strings, inflated: inflateWorksheets(bytes) }));
}

const indexes = (sheets: SheetData[]) => mastersFromSheets(sheets, profile, "m.xlsx").map((m) => ({ kind: m.kind, data: m.index.toData() }));

/** The master indexes from the whole file and from each filtered read; all must be equal. */
async function compare(bytes: Uint8Array): Promise<{ whole: SheetData[]; filtered: SheetData[] }> {
  const whole = sheetsOf(readXlsx(bytes, "m.xlsx"));
  const filtered = sheetsOf(readXlsx(bytes, "m.xlsx", { columns: filter }));
  const expected = indexes(whole);
  expect(indexes(filtered)).toEqual(expected);
  expect(indexes(sheetsOf(await readXlsxAsync(bytes, "m.xlsx", zlibInflate, { columns: filter })))).toEqual(expected);
  expect(indexes(paneSheets(bytes, filter))).toEqual(expected);
  return { whole, filtered };
}

describe("masterColumnFilter: a masters file read for its indexes only", () => {
  it.each([
    ["samples/masters.xlsx", SAMPLE_MASTERS],
    ["samples/application-form.xlsx (its master sheets)", SAMPLE_FORM],
  ])("%s gives the same indexes", async (_, path) => {
    const { whole } = await compare(new Uint8Array(readFileSync(path)));
    expect(indexes(whole).length).toBeGreaterThan(0);
  });

  it("a generated masters workbook: same indexes, and the address and phone columns are never read", async () => {
    const masters = generateMasters({ zensuRows: 3000, teitenRows: 300 });
    const { whole, filtered } = await compare(new Uint8Array(await mastersWorkbook(masters)));
    const zensu = (sheets: SheetData[]) => sheets.find((s) => s.name === "医療機関マスタ（全数）")!;
    const header = zensu(whole).values[0];
    const address = header.indexOf("住所");
    const code = header.indexOf("医療機関コード");
    expect(address).toBeGreaterThan(0);
    // Read whole, the column has an address on every row; filtered, none below the header (which is kept whole).
    expect(zensu(whole).values.slice(1).every((r) => typeof r[address] === "string" && r[address] !== "")).toBe(true);
    expect(zensu(filtered).values[0]).toEqual(header);
    expect(zensu(filtered).values.slice(1).some((r) => r[address] !== null && r[address] !== undefined)).toBe(false);
    expect(zensu(filtered).values.slice(1).map((r) => r[code])).toEqual(zensu(whole).values.slice(1).map((r) => r[code]));
    // The pane's read leaves the same columns out.
    const deferred = zensu(paneSheets(new Uint8Array(await mastersWorkbook(masters)), filter));
    expect(deferred.values.slice(1).some((r) => r[address] !== null && r[address] !== undefined)).toBe(false);
  });

  it("a sheet that is no master keeps its header rows only", async () => {
    const masters = generateMasters({ zensuRows: 200, teitenRows: 20 });
    const bytes = new Uint8Array(await formWorkbook(generateForm(50, masters, { seed: 5 }), masters));
    const { whole, filtered } = await compare(bytes);
    const form = whole.findIndex((s) => s.values.length > 40 && !mastersFromSheets([s], profile, "x").length);
    expect(form).toBeGreaterThanOrEqual(0);
    expect(filtered[form].values.slice(filter.head).every((r) => r.every((c) => c === null))).toBe(true);
    expect(filtered[form].values.slice(0, filter.head)).toEqual(whole[form].values.slice(0, filter.head));
  });

  it("a sheet whose header row comes after its data rows in the file is read again whole, with the same index", async () => {
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`;
    const data =
      row(2, ["0110000019", "札幌病院", "サッポロビョウイン", "060-0001", "札幌市中央区", "011-000-0000", "01101"]) +
      row(1, ["医療機関コード", "医療機関名称", "医療機関名称カナ", "郵便番号", "住所", "電話番号", "保健所コード"]) +
      row(3, ["0110000027", "旭川医院", "アサヒカワイイン", "070-0001", "旭川市", "0166-00-0000", "01102"]);
    const bytes = miniXlsx([{ name: "医療機関マスタ（全数）", data }]);
    const { whole, filtered } = await compare(bytes);
    expect(filtered).toEqual(whole);
    expect(indexes(filtered)[0].data.codes).toEqual(["0110000019", "0110000027"]);
  });
});
