import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { reportSchemas } from "../../src/domain/report/check-report";
import { csvText as listCsvText, eApplicationRecords, shiftJisCsv, utf8BomCsv, xlsxList } from "../support/e-application-list";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";
import { run } from "./support/run-cli";

/**
 * Another channel: an online application service's export — one row per user, header in row 1 with its own headings
 * and order, extra columns (受付番号, 申請日時), no 別紙2 layout. check / export / mail take it like a form.
 */
let dir: string;
let records: string[][];
let formCsv: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-eapp-"));
  records = await eApplicationRecords();
  const out = path.join(dir, "form.csv");
  const r = await run(["export", SAMPLE_FORM, "--masters", SAMPLE_MASTERS, "--out", out]);
  expect(r.code).toBeLessThan(2);
  formCsv = await readFile(out);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const csvText = () => listCsvText(records);

const ENCODINGS: [string, () => Uint8Array][] = [
  ["UTF-8", () => new TextEncoder().encode(csvText())],
  ["UTF-8 with BOM", () => utf8BomCsv(records)],
  ["Shift_JIS", () => shiftJisCsv(records)],
  ["UTF-16LE with BOM", () => new Uint8Array(Buffer.from("\ufeff" + csvText(), "utf16le"))],
];

describe("an e-application export (CSV) is checked, exported and mailed like a form", () => {
  it.each(ENCODINGS)("%s: rows numbered as in the file, extras one notice each, the same CSV bytes as the form", async (name, bytes) => {
    const file = path.join(dir, `e-app-${name.replace(/\W+/g, "-")}.csv`);
    await writeFile(file, bytes());
    const check = await run(["check", file, "--masters", SAMPLE_MASTERS, "--json"]);
    expect(check.code).toBeLessThan(2);
    const report = JSON.parse(check.out) as { files: { headerRow: number; rows: { row: number }[]; notices: { code: string; message: string }[]; columns: Record<string, { column: string | null; found: string }> }[] };
    expect(() => reportSchemas().CheckReportSchema.parse(report)).not.toThrow();
    const sheet = report.files[0];
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows[0].row).toBe(2);
    expect(sheet.columns.name).toEqual(expect.objectContaining({ column: "D", found: "heading" }));
    expect(sheet.columns.email).toEqual(expect.objectContaining({ column: "C", found: "heading" }));
    expect(sheet.notices.filter((n) => n.code === "columns.extra").map((n) => n.message)).toEqual([
      expect.stringContaining("A列「受付番号」"),
      expect.stringContaining("B列「申請日時」"),
    ]);
    expect(sheet.notices.filter((n) => n.code === "columns.grey-absent" || n.code === "columns.missing")).toEqual([]);
    const out = path.join(dir, `e-app-${name.replace(/\W+/g, "-")}-reg.csv`);
    const exp = await run(["export", file, "--masters", SAMPLE_MASTERS, "--out", out]);
    expect(exp.code).toBeLessThan(2);
    expect(await readFile(out)).toEqual(formCsv);
  });

  it("the text report says which heading is which item", async () => {
    const file = path.join(dir, "e-app.csv");
    await writeFile(file, csvText());
    const r = await run(["check", file, "--masters", SAMPLE_MASTERS]);
    expect(r.out).toContain("一覧（1行目の見出し）の列：利用者名→D列（見出し）");
    expect(r.out).toContain("■ " + file + "（シート「e-app.csv」、見出し 1行目）");
  });

  it("an .xlsx without a 別紙2 sheet whose first row maps the required items is a list too", async () => {
    const file = path.join(dir, "e-app.xlsx");
    await writeFile(file, await xlsxList(records));
    const out = path.join(dir, "e-app-xlsx-reg.csv");
    const exp = await run(["export", file, "--masters", SAMPLE_MASTERS, "--out", out]);
    expect(exp.code).toBeLessThan(2);
    expect(await readFile(out)).toEqual(formCsv);
  });

  it("mail matches the issued accounts to the list's rows", async () => {
    const file = path.join(dir, "e-app-mail.csv");
    await writeFile(file, csvText());
    const drafts = path.join(dir, "drafts");
    const r = await run(["mail", "--form", file, "--issued", path.join(path.dirname(SAMPLE_FORM), "issued-accounts.csv"), "--url", "https://example.invalid/", "--out", drafts]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("対応付けできたアカウント: 10件");
  });

  it("a CSV whose first row names no item is refused naming the file", async () => {
    const file = path.join(dir, "other.csv");
    await writeFile(file, "a,b,c\r\n1,2,3\r\n");
    const r = await run(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
  });
});
