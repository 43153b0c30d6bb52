import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { readWorkbook } from "../../src/cli/read-workbook";
import { SEND_BACK_COLORS, SEND_BACK_SHEET } from "../../src/domain";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

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

  it("annotating a returned marked-up workbook takes our marks off fixed cells, keeps them on wrong ones, and keeps the institution's own notes and fills", async () => {
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(SAMPLE_FORM);
    const originalFill = (address: string) => sample.getWorksheet("申請様式")!.getCell(address).fill;

    // the institution fixes D15, writes notes of its own (one on a cell that is still wrong), highlights a cell of its own
    const returned = new ExcelJS.Workbook();
    await returned.xlsx.readFile(marked);
    const ws = returned.getWorksheet("申請様式")!;
    ws.getCell("D15").value = "tanaka@example-hosp.jp";
    ws.getCell("B4").note = "担当：総務課 山田";
    ws.getCell("K17").note = "保健所に確認中です";
    ws.getCell("B5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEND_BACK_COLORS.warning } };
    const returnedPath = path.join(dir, "返送.xlsx");
    await returned.xlsx.writeFile(returnedPath);

    const again = path.join(dir, "再差戻し2.xlsx");
    expect((await run(["annotate", returnedPath, "--out", again])).code).toBe(1);
    const second = new ExcelJS.Workbook();
    await second.xlsx.readFile(again);
    const out = second.getWorksheet("申請様式")!;
    // the fixed cell: no note and no colour of ours, its own fill back
    expect(noteText(out.getCell("D15"))).toBe("");
    expect(out.getCell("D15").fill).toEqual(originalFill("D15"));
    expect(fillOf(out.getCell("A15"))).toBe(SEND_BACK_COLORS.complete);
    // still wrong: marked again, once
    expect(noteText(out.getCell("C14")).match(/【要修正】/g)).toHaveLength(1);
    expect(fillOf(out.getCell("C14"))).toBe(SEND_BACK_COLORS.error);
    expect(noteText(out.getCell("AJ13")).match(/【ご確認】/g)).toHaveLength(1);
    // the institution's notes survive, on a cell of no finding and before our note on a wrong cell
    expect(noteText(out.getCell("B4"))).toBe("担当：総務課 山田");
    expect(noteText(out.getCell("K17"))).toMatch(/^保健所に確認中です\n【要修正】保健所コード「99999」/);
    expect(fillOf(out.getCell("K17"))).toBe(SEND_BACK_COLORS.error);
    // the institution's own fill (even in our yellow) is theirs: kept
    expect(fillOf(out.getCell("B5"))).toBe(SEND_BACK_COLORS.warning);
    expect(second.worksheets.filter((w) => w.name === SEND_BACK_SHEET)).toHaveLength(1);
    // the values are the returned ones
    expect((await readWorkbook(again)).slice(1)).toEqual(await readWorkbook(returnedPath).then((s) => s.filter((x) => x.name !== SEND_BACK_SHEET)));

    // K17 fixed in the next round: our block goes, the institution's note stays, the cell's own fill comes back
    const third = new ExcelJS.Workbook();
    await third.xlsx.readFile(again);
    third.getWorksheet("申請様式")!.getCell("K17").value = "25654";
    const thirdIn = path.join(dir, "返送2.xlsx");
    await third.xlsx.writeFile(thirdIn);
    const thirdOut = path.join(dir, "再差戻し3.xlsx");
    await run(["annotate", thirdIn, "--out", thirdOut]);
    const last = new ExcelJS.Workbook();
    await last.xlsx.readFile(thirdOut);
    const k17 = last.getWorksheet("申請様式")!.getCell("K17");
    expect(noteText(k17)).toBe("保健所に確認中です");
    expect(k17.fill).toEqual(originalFill("K17"));
    expect(noteText(last.getWorksheet("申請様式")!.getCell("C14")).match(/【要修正】/g)).toHaveLength(1);
  });

  it("a cell we marked whose note the institution deleted loses our colour once it is right (the letter sheet lists what we painted)", async () => {
    const returned = new ExcelJS.Workbook();
    await returned.xlsx.readFile(marked);
    const ws = returned.getWorksheet("申請様式")!;
    ws.getCell("D15").value = "tanaka@example-hosp.jp";
    (ws.getCell("D15") as unknown as { note: undefined }).note = undefined;
    const returnedPath = path.join(dir, "返送メモ削除.xlsx");
    await returned.xlsx.writeFile(returnedPath);
    const again = path.join(dir, "再差戻しメモ削除.xlsx");
    await run(["annotate", returnedPath, "--out", again]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(again);
    expect(fillOf(out.getWorksheet("申請様式")!.getCell("D15"))).toBeUndefined();
  });

  it("a submission without master sheets: the marked-up file carries what the letter was checked against, so `check` on it alone finds the same problems", async () => {
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.readFile(SAMPLE_FORM);
    for (const ws of [...bare.worksheets]) if (ws.name !== "申請様式") bare.removeWorksheet(ws.id);
    bare.getWorksheet("申請様式")!.getCell("AJ7").value = "9999999999";
    const submitted = path.join(dir, "マスタなし提出.xlsx");
    await bare.xlsx.writeFile(submitted);
    const out = path.join(dir, "差戻し_マスタなし.xlsx");
    const r = await run(["annotate", submitted, "--masters", SAMPLE_MASTERS, "--out", out, "--from", "滋賀県 感染症対策課"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("照合用のマスタ: 「保健所マスタ」「医療機関マスタ（全数）」「医療機関マスタ（定点）」");

    const key = (f: JsonFinding) => `${f.column}${f.row}:${f.severity}`;
    const reviewer = JSON.parse((await run(["check", submitted, "--masters", SAMPLE_MASTERS, "--json"])).out).files[0].findings as JsonFinding[];
    const alone = JSON.parse((await run(["check", out, "--json"])).out).files[0];
    expect((alone.findings as JsonFinding[]).map(key)).toEqual(reviewer.map(key));
    expect(reviewer.map(key)).toContain("AJ7:error");
    expect((alone.notices as { code: string }[]).map((n) => n.code)).not.toContain("master.missing");
    // Without the carried sheets it would not: the bare submission checked alone misses AJ7.
    const unchecked = JSON.parse((await run(["check", submitted, "--json"])).out).files[0].findings as JsonFinding[];
    expect(unchecked.map(key)).not.toContain("AJ7:error");

    // The letter is dated and signed.
    const letter = new ExcelJS.Workbook();
    await letter.xlsx.readFile(out);
    const lines: string[] = [];
    letter.getWorksheet(SEND_BACK_SHEET)!.eachRow((row) => lines.push(String(row.getCell(1).value ?? "")));
    expect(lines.some((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l))).toBe(true);
    expect(lines.slice(-3)).toEqual(["以上、よろしくお願いいたします。", "", "滋賀県 感染症対策課"]);
  });

  it("exits 2 without --out, with the submission as --out, or for an unreadable file", async () => {
    expect((await run(["annotate", SAMPLE_FORM])).code).toBe(2);
    expect((await run(["annotate", SAMPLE_FORM, "--out", SAMPLE_FORM])).code).toBe(2);
    const missing = await run(["annotate", "no-such.xlsx", "--out", path.join(dir, "x.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no-such.xlsx");
  });
});
