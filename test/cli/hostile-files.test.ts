import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { unzipSync, zipSync } from "fflate";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { columnLetter, DEFAULT_PROFILE, profileHeaderLabels, type Cell } from "../../src/domain";
import { validCells } from "../support/form-rows";
import { miniXlsx, xmlEscape, type MiniSheet } from "../support/minimal-xlsx";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

function rowXml(row: number, cells: readonly Cell[]): string {
  return `<row r="${row}">${cells
    .map((c, i) => (c === null ? "" : typeof c === "number" ? `<c r="${columnLetter(i)}${row}"><v>${c}</v></c>` : `<c r="${columnLetter(i)}${row}" t="inlineStr"><is><t>${xmlEscape(String(c))}</t></is></c>`))
    .join("")}</row>`;
}

function formSheet(name: string, rows: [number, Cell[]][], extra: Partial<MiniSheet> = {}): MiniSheet {
  return { name, data: [rowXml(1, ["システム利用申請様式"]), rowXml(3, ["No.", ...profileHeaderLabels(DEFAULT_PROFILE)]), ...rows.map(([r, c]) => rowXml(r, c))].join(""), ...extra };
}

const person = (i: number) => validCells({ name: `佐藤　太郎${"一二三四五六七八九十"[i % 10]}`, email: `u${i}@example-hosp.jp`, tfaEmail: `u${i}.2fa@example-hosp.jp` });

describe("the CLI on hostile workbooks", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "nesid-hostile-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it("a stray value in row 1,048,576: one finding, no million gap rows; a run of gap rows is one line", async () => {
    const rows: [number, Cell[]][] = [[4, person(0)], [5, person(1)], [600, person(2)], [1048576, [null, null, null, null, null, null, null, null, null, null, "x"]]];
    const p = file("stray.xlsx", miniXlsx([formSheet("申請様式", rows)]));
    const json = await run(["check", p, "--masters", SAMPLE_MASTERS, "--json"]);
    const report = JSON.parse(json.out).files[0];
    expect(report.rows).toHaveLength(597);
    expect(report.findings.filter((f: { code: string }) => f.code === "row.stray").map((f: { row: number; column: string }) => `${f.column}${f.row}`)).toEqual(["K1048576"]);
    const text = await run(["check", p, "--masters", SAMPLE_MASTERS]);
    expect(text.out.length).toBeLessThan(5000);
    expect(text.out).toContain("6〜599行目［空行］（594行）");
    expect(text.out).toMatch(/K1048576：1048576行目に、申請データ（600行目まで）から大きく離れた値があります/);
    const out = path.join(dir, "stray.csv");
    const exported = await run(["export", p, "--masters", SAMPLE_MASTERS, "--out", out]);
    expect(exported.code).toBe(1);
    expect(exported.out).toContain("6〜599行目（594行）");
    expect(exported.out).toContain("K1048576");
    expect(exported.out.split("\n").length).toBeLessThan(20);
    expect((await readFile(out)).length).toBeGreaterThan(0);
  });

  it("a veryHidden copy of the form is not checked as a second form; it is named in the report", async () => {
    const p = file("hidden.xlsx", miniXlsx([formSheet("申請様式", [[4, person(0)]]), formSheet("申請様式 (2)", [[4, person(0)]], { state: "veryHidden" })]));
    const json = await run(["check", p, "--masters", SAMPLE_MASTERS, "--json"]);
    const report = JSON.parse(json.out);
    expect(report.files.map((f: { sheet: string }) => f.sheet)).toEqual(["申請様式"]);
    // In the report, on the file's sheet, as data: code, severity, the hidden sheet named.
    const hidden = report.files[0].notices.filter((n: { code: string }) => n.code === "sheet.hidden");
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ severity: "warning", place: { file: p, sheet: "申請様式" } });
    expect(hidden[0].message).toContain("非表示のシート「申請様式 (2)」（完全に非表示（veryHidden））");
    expect(json.err).toContain("申請様式 (2)");
    const text = await run(["check", p, "--masters", SAMPLE_MASTERS]);
    expect(text.out).toContain("非表示のシート「申請様式 (2)」");
  });

  it.each([
    ["old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), "Excel ブック (.xlsx) で保存し直してください"],
    ["random.xlsx", new Uint8Array(300).map((_, i) => (i * 31) % 256), "Excelブック（.xlsx）ではありません"],
  ])("%s: exit 2 with a Japanese message naming the file, no library text", async (name, bytes, expected) => {
    const p = file(name, bytes);
    const r = await run(["check", p]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(name);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/zip|Error|undefined/i);
  });

  it.each([
    ["the sample form without xl/sharedStrings.xml", () => {
      const files = unzipSync(new Uint8Array(readFileSync(SAMPLE_FORM)));
      delete files["xl/sharedStrings.xml"];
      return zipSync(files);
    }, true],
    ["a form whose header cells refer to shared strings it does not have", () =>
      miniXlsx([{ name: "申請様式", data: `<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row>` }]), false],
  ])("%s: called damaged, naming the part, exit 2 — not 「申請様式のシートがありません」", async (_, make, hasMasterSheets) => {
    const p = file("文字列なし.xlsx", make());
    const runs = [["check", p], ["check", p, "--json"], ["export", p, "--no-masters", "--out", path.join(dir, "reg.csv")]];
    // As a --masters file too, when its master sheets are what needs the part (a master file's other sheets are not read).
    if (hasMasterSheets) runs.push(["check", SAMPLE_FORM, "--masters", p]);
    for (const args of runs) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toContain(`ファイル「${p}」は壊れているため読めません（xl/sharedStrings.xml）`);
      expect(r.err).not.toContain("申請様式のシートがありません");
      expect(r.out).toBe("");
    }
  });
});
