/**
 * Another channel's file for tests: an online application service's export (電子申請) made from the sample form — one
 * row per user, header in row 1 with the service's own headings and order, extra columns (受付番号, 申請日時). As CSV
 * text (any encoding) or as an .xlsx list. The form's gap rows stay gap rows, so its rows are the form's.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { columnIndex, DEFAULT_PROFILE, encodeText, type FieldKey } from "../../src/domain";
import { SAMPLE_FORM } from "./samples";

export const E_APPLICATION_HEADINGS: [string, FieldKey | undefined][] = [
  ["受付番号", undefined],
  ["申請日時", undefined],
  ["メールアドレス", "email"],
  ["氏名", "name"],
  ["電話番号", "phone"],
  ["所属機関分類コード", "orgType"],
  ["中核市コード", "cityCode"],
  ["保健所コード", "healthCenterCode"],
  ["所属医療機関/動物診療施設コード", "institutionCode"],
  ["個票・CSVダウンロードフラグ", "downloadFlag"],
  ["2要素認証用電話番号", "tfaPhone"],
  ["2要素認証用メールアドレス", "tfaEmail"],
  ["2要素認証手段コード", "tfaMethod"],
];

/** The sample form's rows as the service's records (header first); `headings` may rename a heading. */
export async function eApplicationRecords(headings: Partial<Record<string, string>> = {}): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_FORM);
  const ws = wb.getWorksheet("申請様式")!;
  const records = [E_APPLICATION_HEADINGS.map(([h]) => headings[h] ?? h)];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = E_APPLICATION_HEADINGS.map(([, key], i) => (key ? ws.getCell(r, columnIndex(DEFAULT_PROFILE.fields[key].column) + 1).text : i === 0 ? `R${r}` : "2026-12-01 10:00"));
    if (values.slice(2).every((v) => v.trim() === "")) {
      if (r <= 16) records.push(E_APPLICATION_HEADINGS.map(() => ""));
      continue;
    }
    records.push(values);
  }
  return records;
}

export function csvText(records: readonly (readonly string[])[]): string {
  return Papa.unparse(records as string[][], { newline: "\r\n" }) + "\r\n";
}

export const utf8BomCsv = (records: readonly (readonly string[])[]) => new TextEncoder().encode("\ufeff" + csvText(records));
export const shiftJisCsv = (records: readonly (readonly string[])[]) => encodeText(csvText(records), "cp932");

/** The records as an .xlsx whose one sheet 「申請一覧」 is the list (no 別紙2 sheet). */
export async function xlsxList(records: readonly (readonly string[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("申請一覧");
  for (const rec of records) ws.addRow([...rec]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
