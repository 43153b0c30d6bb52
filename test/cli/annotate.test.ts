import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { readWorkbook } from "../../src/cli/read-workbook";
import { SEND_BACK_COLORS, SEND_BACK_SHEET } from "../../src/domain";
import { SAMPLE_FORM } from "../support/samples";

type JsonFinding = { row: number; column: string; code: string; severity: string; message: string; fix?: string };
async function findingsOf(file: string): Promise<JsonFinding[]> {
  const r = await run(["check", file, "--json"]);
  return JSON.parse(r.out).files[0].findings;
}

const noteText = (cell: ExcelJS.Cell): string => {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  if (note === undefined) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
};
const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

let dir: string;
let marked: string;
let wb: ExcelJS.Workbook;
let result: { code: number; out: string };
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-annotate-"));
  marked = path.join(dir, "差戻し.xlsx");
  result = await run(["annotate", SAMPLE_FORM, "--out", marked]);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(marked);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("nesid-account annotate", () => {
  it("exits 1 (errors to fix) and says what it marked", () => {
    expect(result.code).toBe(1);
    expect(result.out).toContain("修正が必要 4 件");
  });

  it("keeps every sheet and every value of the submission, and puts 「修正のお願い」 first", async () => {
    const before = await readWorkbook(SAMPLE_FORM);
    const after = await readWorkbook(marked);
    expect(after[0].name).toBe(SEND_BACK_SHEET);
    expect(after.slice(1)).toEqual(before);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SEND_BACK_SHEET, ...before.map((s) => s.name)]);
  });

  it("marks each problem cell with a fill and a note carrying the institution-facing message and the fix", () => {
    const ws = wb.getWorksheet("申請様式")!;
    expect(noteText(ws.getCell("D15"))).toMatch(/^【要修正】全角文字が含まれています。[\s\S]*\n→ 修正案：tanaka@example-hosp\.jp$/);
    expect(fillOf(ws.getCell("D15"))).toBe(SEND_BACK_COLORS.error);
    expect(noteText(ws.getCell("C14"))).toContain("連絡先電話番号が入力されていません");
    expect(noteText(ws.getCell("K17"))).toContain("保健所コード「99999」が見つかりません");
    // institution.blank: asked of the institution directly, no instruction to the reviewer
    const aj = noteText(ws.getCell("AJ13"));
    expect(aj).toMatch(/^【ご確認】/);
    expect(aj).toContain("お知らせください");
    expect(aj).not.toContain("聴取");
    expect(fillOf(ws.getCell("AJ13"))).toBe(SEND_BACK_COLORS.warning);
    // 16 issued later: the window's matter, not the institution's
    expect(noteText(ws.getCell("E12"))).toBe("");
    expect(noteText(ws.getCell("B4"))).toBe("");
  });

  it("colours the A column by row status", () => {
    const ws = wb.getWorksheet("申請様式")!;
    expect(fillOf(ws.getCell("A4"))).toBe(SEND_BACK_COLORS.complete);
    expect(fillOf(ws.getCell("A14"))).toBe(SEND_BACK_COLORS.incomplete);
    expect(fillOf(ws.getCell("A16"))).toBe(SEND_BACK_COLORS.gap);
  });

  it("writes the send-back letter row by row on the first sheet", () => {
    const lines: string[] = [];
    wb.getWorksheet(SEND_BACK_SHEET)!.eachRow((row) => lines.push(String(row.getCell(1).value ?? "")));
    const text = lines.join("\n");
    expect(text).toContain("御中");
    expect(text).toContain("【修正が必要な箇所】");
    expect(text).toContain("D15：全角文字が含まれています");
    expect(text).toContain("（修正案：tanaka@example-hosp.jp）");
    expect(text).not.toContain("聴取");
    expect(text).not.toContain("次期システム");
  });

  it("the marked-up file checks like the original; once fixed, only the fixed findings are gone", async () => {
    const original = await findingsOf(SAMPLE_FORM);
    expect(await findingsOf(marked)).toEqual(original);

    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.readFile(marked);
    const ws = fixed.getWorksheet("申請様式")!;
    ws.getCell("D15").value = "tanaka@example-hosp.jp";
    ws.getCell("C14").value = "03-5555-1014";
    const fixedPath = path.join(dir, "修正済み.xlsx");
    await fixed.xlsx.writeFile(fixedPath);
    const after = await findingsOf(fixedPath);
    const key = (f: JsonFinding) => `${f.column}${f.row}:${f.code}`;
    expect(after.map(key)).toEqual(original.map(key).filter((k) => k !== "D15:email.fullwidth" && k !== "C14:required.missing"));

    // annotating the returned file again replaces the letter sheet rather than adding a second one
    const again = path.join(dir, "再差戻し.xlsx");
    expect((await run(["annotate", fixedPath, "--out", again])).code).toBe(1);
    const names = (await readWorkbook(again)).map((s) => s.name);
    expect(names.filter((n) => n === SEND_BACK_SHEET)).toHaveLength(1);
  });

  it("exits 2 without --out, with the submission as --out, or for an unreadable file", async () => {
    expect((await run(["annotate", SAMPLE_FORM])).code).toBe(2);
    expect((await run(["annotate", SAMPLE_FORM, "--out", SAMPLE_FORM])).code).toBe(2);
    const missing = await run(["annotate", "no-such.xlsx", "--out", path.join(dir, "x.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no-such.xlsx");
  });
});
