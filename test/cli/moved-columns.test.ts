import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { columnIndex, columnLetter } from "../../src/domain";
import { reportSchemas } from "../../src/domain/report/check-report";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";
import { findingLine as plain, shift, withoutFtoH, type ReportFinding as Finding } from "./support/column-variants";
import { run } from "./support/run-cli";

/**
 * People insert, delete, hide and reorder the form's columns. Variants of the sample are written with exceljs (an
 * independent writer); each must give the findings of the untouched form with only the column letters translated,
 * and the same registration CSV bytes.
 */
type Edit = (ws: ExcelJS.Worksheet) => void;
interface Variant {
  name: string;
  edit: Edit;
  /** The untouched form's column letter → the variant's (undefined: the column is gone). */
  translate: (column: string) => string | undefined;
}


const VARIANTS: Variant[] = [
  {
    name: "a column inserted after B (フリガナ)",
    edit: (ws) => {
      ws.spliceColumns(3, 0, []);
      ws.getCell("C3").value = "フリガナ";
      for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 2).text.trim() !== "") ws.getCell(r, 3).value = "サトウ";
    },
    translate: shift(2, 1),
  },
  {
    name: "the grey columns F–H deleted",
    edit: (ws) => ws.spliceColumns(6, 3),
    translate: withoutFtoH,
  },
  {
    name: "two items swapped (連絡先電話番号 ⇄ 連絡先メールアドレス, with their 項目 numbers)",
    edit: (ws) => {
      for (let r = 1; r <= ws.rowCount; r++) {
        const c = ws.getCell(r, 3);
        const d = ws.getCell(r, 4);
        const [cv, dv] = [c.value, d.value];
        const [cf, df] = [c.numFmt, d.numFmt];
        c.value = dv;
        d.value = cv;
        c.numFmt = df;
        d.numFmt = cf;
      }
    },
    translate: (c) => (c === "C" ? "D" : c === "D" ? "C" : c),
  },
  {
    name: "F–H deleted, a column inserted after B and 利用者名 renamed 氏名 (the marker found by its other heading)",
    edit: (ws) => {
      ws.spliceColumns(6, 3);
      ws.spliceColumns(3, 0, []);
      ws.getCell("C3").value = "フリガナ";
      ws.getCell("B3").value = "氏名";
    },
    translate: (c) => {
      if (["F", "G", "H"].includes(c)) return undefined;
      let i = columnIndex(c);
      if (i >= 8) i -= 3;
      if (i >= 2) i += 1;
      return columnLetter(i);
    },
  },
  {
    name: "hidden columns (an item and a grey one)",
    edit: (ws) => {
      ws.getColumn(3).hidden = true;
      ws.getColumn(8).hidden = true;
    },
    translate: (c) => c,
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-moved-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeVariant(name: string, edit?: Edit): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_FORM);
  edit?.(wb.getWorksheet("申請様式")!);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function checkJson(file: string) {
  const r = await run(["check", file, "--masters", SAMPLE_MASTERS, "--json"]);
  expect(r.code).toBeLessThan(2);
  return JSON.parse(r.out) as { files: { findings: Finding[]; notices: { code: string; severity: string; message: string }[]; columns?: Record<string, { column: string | null; found: string | null }> }[] };
}
async function exportBytes(file: string, name: string): Promise<Buffer> {
  const out = path.join(dir, `${name}.csv`);
  const r = await run(["export", file, "--masters", SAMPLE_MASTERS, "--out", out]);
  expect(r.code).toBeLessThan(2);
  return readFile(out);
}


describe("a form whose columns were inserted, deleted, swapped or hidden", () => {
  let untouched: { findings: Finding[]; csv: Buffer };
  beforeAll(async () => {
    const file = await writeVariant("untouched");
    const report = await checkJson(file);
    untouched = { findings: report.files[0].findings, csv: await exportBytes(file, "untouched") };
    expect(report.files[0].columns).toBeUndefined();
    expect(report.files[0].notices.filter((n) => n.code.startsWith("columns."))).toEqual([]);
  });

  it.each(VARIANTS)("$name: the untouched form's findings with the columns translated, and the same CSV bytes", async (v) => {
    const file = await writeVariant(v.name.replace(/\W+/g, "-"), v.edit);
    const report = await checkJson(file);
    const expected = untouched.findings.flatMap((f) => {
      const column = v.translate(f.column);
      return column === undefined ? [] : [plain({ ...f, column })];
    });
    expect(report.files[0].findings.map(plain).sort()).toEqual(expected.sort());
    expect(report.files[0].notices.filter((n) => n.severity === "error")).toEqual([]);
    expect(() => reportSchemas().CheckReportSchema.parse(report)).not.toThrow();
    expect(await exportBytes(file, v.name.replace(/\W+/g, "-"))).toEqual(untouched.csv);
  });

  it("the inserted column is one notice and the text report shows where the items are", async () => {
    const file = await writeVariant("furigana", VARIANTS[0].edit);
    const report = await checkJson(file);
    const extras = report.files[0].notices.filter((n) => n.code === "columns.extra");
    expect(extras).toHaveLength(1);
    expect(extras[0].message).toContain("C列「フリガナ」");
    expect(report.files[0].columns!.phone).toEqual(expect.objectContaining({ column: "D", found: "heading" }));
    expect(report.files[0].columns!.name).toEqual(expect.objectContaining({ column: "B", found: "position" }));
    const text = await run(["check", file, "--masters", SAMPLE_MASTERS]);
    expect(text.out).toContain("様式と異なる列：連絡先電話番号→D列（見出し）");
    expect(text.out).toContain("C列「フリガナ」は様式にない列です");
  });

  it("a deleted required item is one error naming it, not an error on every row; its rows are not exported", async () => {
    const file = await writeVariant("no-phone", (ws) => ws.spliceColumns(3, 1));
    const report = await checkJson(file);
    const missing = report.files[0].notices.filter((n) => n.code === "columns.missing");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain("連絡先電話番号");
    expect(report.files[0].findings.filter((f) => f.code === "required.missing" && f.column >= "XA")).toEqual([]);
    expect(report.files[0].findings.some((f) => f.code.startsWith("phone."))).toBe(false);
    const out = path.join(dir, "no-phone.csv");
    const r = await run(["export", file, "--masters", SAMPLE_MASTERS, "--out", out]);
    expect(r.out).toContain("0 行を出力しました");
    expect(r.out).toContain("申請様式に「連絡先電話番号」の列がないため出力できません");
  });

  it("a column mapping in the profile wins over the headings and is reported as found by override", async () => {
    // Headings C and D swapped but not the values: only the profile can say where the items are.
    const file = await writeVariant("headings-swapped", (ws) => {
      ws.getCell("C3").value = "連絡先メールアドレス";
      ws.getCell("D3").value = "連絡先電話番号";
    });
    const profileFile = path.join(dir, "override.json");
    const { DEFAULT_PROFILE } = await import("../../src/domain");
    await (await import("node:fs/promises")).writeFile(profileFile, JSON.stringify({ ...DEFAULT_PROFILE, columns: { 連絡先電話番号: "C", email: "D" } }));
    const report = await checkJson(file);
    expect(report.files[0].columns!.phone.column).toBe("D");
    const r = await run(["check", file, "--masters", SAMPLE_MASTERS, "--profile", profileFile, "--json"]);
    const overridden = JSON.parse(r.out) as { files: { findings: Finding[]; columns?: Record<string, { column: string; found: string }> }[] };
    expect(overridden.files[0].columns!.phone).toEqual(expect.objectContaining({ column: "C", found: "override" }));
    expect(overridden.files[0].columns!.email).toEqual(expect.objectContaining({ column: "D", found: "override" }));
    expect(overridden.files[0].findings.map(plain).sort()).toEqual(untouched.findings.map(plain).sort());
  });

  it("a profile whose columns name no item is refused with a Japanese message naming the place", async () => {
    const profileFile = path.join(dir, "bad-override.json");
    const { DEFAULT_PROFILE } = await import("../../src/domain");
    await (await import("node:fs/promises")).writeFile(profileFile, JSON.stringify({ ...DEFAULT_PROFILE, columns: { フリガナ: "C", phone: "3" } }));
    const r = await run(["check", SAMPLE_FORM, "--profile", profileFile]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("columns.フリガナ");
    expect(r.err).toContain("項目のキー");
    expect(r.err).toContain("columns.phone");
  });
});
