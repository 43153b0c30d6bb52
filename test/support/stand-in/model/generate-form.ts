// A large form for load tests and the benchmark: the sample's form sheet with its data rows replaced by `rows`
// generated rows (distinct people, valid codes from the sample's first row, a missing phone every 100th row and
// a gap row every 1,000th), formats and fills copied from the first data row as a filled-in template would have.
import type { ModelValue } from "./values";
import type { SheetJson, WorkbookJson } from "./workbook-json";

const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"];
const GIVEN = ["太郎", "花子", "一郎", "美咲", "翔", "恵", "大輔", "陽子", "健太", "由美", "直樹", "裕子", "誠", "明美", "浩", "智子", "隆", "久美子", "剛", "真由美"];

export interface GeneratedFormOptions {
  rows: number;
  /** Sheet name of the form in `base` (the sample's is 申請様式). */
  sheet?: string;
  headerRow?: number;
}

export function generateForm(base: WorkbookJson, options: GeneratedFormOptions): WorkbookJson {
  const sheetName = options.sheet ?? "申請様式";
  const headerRow = options.headerRow ?? 3;
  const form = base.sheets.find((s) => s.name === sheetName);
  if (!form) throw new Error(`no sheet ${sheetName} in the base workbook`);
  const first = headerRow; // index of the first data row (0-based)
  const template = form.values[first] ?? [];
  const formats = form.numberFormats?.[first] ?? [];
  const fills = form.fills?.[first] ?? [];
  const values: ModelValue[][] = form.values.slice(0, first).map((r) => [...r]);
  const numberFormats = (form.numberFormats ?? []).slice(0, first).map((r) => [...(r ?? [])]);
  const fillRows = (form.fills ?? []).slice(0, first).map((r) => [...(r ?? [])]);
  // Columns by the sample's layout: B name, C phone, D email, AM 2FA mail, A No.
  const col = { no: 0, name: 1, phone: 2, email: 3, tfaEmail: 38 };
  for (let i = 0; i < options.rows; i++) {
    const n = i + 1;
    const row = [...template];
    row[col.no] = n;
    const gap = n % 1000 === 0 && n < options.rows;
    if (gap) {
      for (let c = 1; c < row.length; c++) row[c] = null;
    } else {
      row[col.name] = `${SURNAMES[i % SURNAMES.length]}　${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${Math.floor(i / 400) || ""}`;
      row[col.phone] = n % 100 === 0 ? null : `03-5555-${String(n % 10000).padStart(4, "0")}`;
      row[col.email] = `user${n}@example-hosp.jp`;
      if (row[col.tfaEmail] !== null && row[col.tfaEmail] !== undefined) row[col.tfaEmail] = `user${n}@example-hosp.jp`;
    }
    values.push(row);
    numberFormats.push([...formats]);
    fillRows.push([...fills]);
  }
  const generated: SheetJson = { ...form, values, numberFormats, fills: fillRows };
  return { ...base, sheets: base.sheets.map((s) => (s === form ? generated : s)), activeSheet: sheetName };
}
