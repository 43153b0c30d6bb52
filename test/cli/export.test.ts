import Encoding from "encoding-japanese";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { run } from "./support/run-cli";
import ExcelJS from "exceljs";
import { columnIndex, DEFAULT_PROFILE } from "../../src/domain";
import { generateForm } from "../support/generate-form-rows";
import { generateMasters } from "../support/generate-masters";
import { formWorkbook, mastersWorkbook } from "../support/generate-workbooks";
import { SAMPLE_FORM } from "../support/samples";

/** "  file 12行目\n    - reason" blocks of the export report → row → reasons. */
function refusedRows(out: string, source = SAMPLE_FORM): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  let current: string[] | undefined;
  for (const line of out.split("\n")) {
    const head = /^ {2}(.+) (\d+)行目$/.exec(line);
    if (head) {
      current = head[1] === source || head[1].startsWith(`${source}（シート「`) ? [] : undefined;
      if (current) rows.set(Number(head[2]), current);
    } else if (current && line.startsWith("    - ")) current.push(line.slice(6));
  }
  return rows;
}

const decodeCp932 = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS", type: "string" }) as string;
const parse = (text: string) => Papa.parse<string[]>(text, { newline: "\r\n", skipEmptyLines: true }).data;

let dir: string;
let formLabels: string[];
let formRows: string[][];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-export-"));
  // The sample as an independent reader (exceljs) shows it: the product's own reader is not used for the expectations.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_FORM);
  const ws = wb.getWorksheet("申請様式")!;
  const cols = DEFAULT_PROFILE.csv.columns.map(columnIndex);
  const rowText = (r: number) => cols.map((i) => ws.getCell(r, i + 1).text.trim());
  formLabels = rowText(3);
  formRows = Array.from({ length: ws.rowCount }, (_, r) => rowText(r + 1));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("nesid-account export on the sample form", () => {
  it("writes rows 4–12 in CP932 with the form's header labels, and lists rows 13–17 with reasons", async () => {
    const out = path.join(dir, "reg.csv");
    const r = await run(["export", SAMPLE_FORM, "--out", out]);
    expect(r.code).toBe(1);
    const bytes = new Uint8Array(await readFile(out));
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = decodeCp932(bytes);
    expect(text.split("\r\n").slice(0, -1).every((l) => !l.includes("\n"))).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const records = parse(text);
    expect(records[0]).toEqual(formLabels);
    expect(records[0][0]).toBe("利用者名");
    expect(records).toHaveLength(10);
    // rows 4–12 as typed in the sheet (B..AN): nothing normalized in this sample, codes keep their zeros; 12 is a 16 (定点) row
    for (let i = 0; i < 9; i++) expect(records[i + 1]).toEqual(formRows[3 + i]);
    expect(records[9][3]).toBe("16");
    expect(records[1].slice(0, 4)).toEqual(["佐藤　太郎", "03-5555-1000", "sato.0@example-hosp.jp", "09"]);
    expect(records[1][34]).toBe("2513100103");

    expect(r.out).toContain("9 行を出力しました（Shift_JIS、見出し行あり）");
    const refused = refusedRows(r.out);
    expect([...refused.keys()]).toEqual([13, 14, 15, 16, 17]);
    expect(refused.get(13)).toEqual([expect.stringMatching(/^AJ列：.*空欄/)]);
    expect(refused.get(14)).toEqual(["C列：連絡先電話番号が入力されていません。"]);
    expect(refused.get(15)).toEqual([expect.stringMatching(/^D列：全角文字/)]);
    expect(refused.get(16)).toEqual([expect.stringContaining("空行")]);
    expect(refused.get(17)).toEqual([expect.stringMatching(/^K列：保健所コード「99999」は保健所マスタにありません/)]);
  });

  it("--encoding utf8bom writes UTF-8 with a BOM, same records", async () => {
    const cp932 = path.join(dir, "a.csv");
    const utf8 = path.join(dir, "b.csv");
    await run(["export", SAMPLE_FORM, "--out", cp932]);
    const r = await run(["export", SAMPLE_FORM, "--out", utf8, "--encoding", "utf8bom"]);
    expect(r.out).toContain("UTF-8 BOM付き");
    const bytes = new Uint8Array(await readFile(utf8));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(3))).toBe(decodeCp932(new Uint8Array(await readFile(cp932))));
  });

  it("--encoding other than cp932/utf8bom is a usage error", async () => {
    const r = await run(["export", SAMPLE_FORM, "--out", path.join(dir, "x.csv"), "--encoding", "latin1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--encoding");
  });

  it("--no-header leaves the header line out", async () => {
    const out = path.join(dir, "nh.csv");
    const r = await run(["export", SAMPLE_FORM, "--out", out, "--no-header"]);
    expect(r.out).toContain("見出し行なし");
    const records = parse(decodeCp932(new Uint8Array(await readFile(out))));
    expect(records).toHaveLength(9);
    expect(records[0]).toEqual(formRows[3]);
  });

  it("--include-16 is kept as a no-op alias: 16 is ordinary, the file is the same", async () => {
    const plain = path.join(dir, "no16flag.csv");
    const out = path.join(dir, "16.csv");
    await run(["export", SAMPLE_FORM, "--out", plain]);
    const r = await run(["export", SAMPLE_FORM, "--out", out, "--include-16"]);
    expect(Buffer.compare(await readFile(out), await readFile(plain))).toBe(0);
    const records = parse(decodeCp932(new Uint8Array(await readFile(out))));
    expect(records[9]).toEqual(formRows[11]);
    expect([...refusedRows(r.out).keys()]).toEqual([13, 14, 15, 16, 17]);
  });

  it("is byte-identical run after run", async () => {
    const a = path.join(dir, "same1.csv");
    const b = path.join(dir, "same2.csv");
    await run(["export", SAMPLE_FORM, "--out", a]);
    await run(["export", SAMPLE_FORM, "--out", b]);
    expect(Buffer.compare(await readFile(a), await readFile(b))).toBe(0);
  });

  it("two files together: the second file's rows that repeat the first are refused as cross-file duplicates", async () => {
    const second = path.join(dir, "resubmitted.xlsx");
    await copyFile(SAMPLE_FORM, second);
    const out = path.join(dir, "two.csv");
    const r = await run(["export", SAMPLE_FORM, second, "--out", out]);
    expect(r.code).toBe(1);
    const records = parse(decodeCp932(new Uint8Array(await readFile(out))));
    expect(records).toHaveLength(10);
    const again = refusedRows(r.out, second);
    for (let row = 4; row <= 11; row++) {
      expect(again.get(row)).toEqual([expect.stringMatching(new RegExp(`^B列：「${SAMPLE_FORM.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:申請様式」の${row}行目と同じ利用者・所属機関の申請です`))]);
    }
    expect(again.get(16)).toEqual([expect.stringContaining("空行")]);

    const check = await run(["check", SAMPLE_FORM, second, "--json"]);
    const files = JSON.parse(check.out).files;
    expect(files[0].findings.filter((f: { code: string }) => f.code === "name.duplicate-other-file")).toEqual([]);
    expect(files[1].findings.filter((f: { code: string }) => f.code === "name.duplicate-other-file").map((f: { row: number }) => f.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17]);
  });

  it("needs --out and a form", async () => {
    expect((await run(["export", SAMPLE_FORM])).code).toBe(2);
    expect((await run(["export", "--out", path.join(dir, "n.csv")])).code).toBe(2);
  });
});

describe("check and export on a generated workbook", () => {
  it("the CLI reports exactly the planted problems of a generated 400-row form with its masters in the workbook", async () => {
    const masters = generateMasters({ seed: 3, zensuRows: 800, teitenRows: 80 });
    const form = generateForm(400, masters, { seed: 3, problemRate: 0.1 });
    const file = path.join(dir, "generated.xlsx");
    await writeFile(file, await formWorkbook(form, masters));
    const check = await run(["check", file, "--json"]);
    const [report] = JSON.parse(check.out).files;
    expect(report.findings.map((f: { row: number; column: string; code: string }) => `${f.row} ${f.column} ${f.code}`)).toEqual(form.planted.map((p) => `${p.row} ${p.column} ${p.code}`));

    const mastersFile = path.join(dir, "generated-masters.xlsx");
    await writeFile(mastersFile, await mastersWorkbook(masters));
    const bare = path.join(dir, "generated-bare.xlsx");
    await writeFile(bare, await formWorkbook(form));
    const withMasters = await run(["check", bare, "--masters", mastersFile, "--json"]);
    expect(JSON.parse(withMasters.out).files[0].findings).toEqual(report.findings);

    const out = path.join(dir, "generated.csv");
    const exported = await run(["export", file, "--out", out]);
    const written = parse(decodeCp932(new Uint8Array(await readFile(out)))).length - 1;
    expect(written + refusedRows(exported.out, file).size).toBe(400);
  });
});
