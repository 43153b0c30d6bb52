import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";
import { findingLine as plain, shift, withoutFtoH, type ReportFinding as Finding } from "./support/column-variants";
import { run } from "./support/run-cli";

/**
 * Forms saved by a real spreadsheet program other than Excel: LibreOffice (Debian's libreoffice-calc-nogui) re-saves
 * the sample as it is, with a column inserted after B, and with the grey columns F–H deleted. Each reads as the
 * untouched sample does: the same findings (letters translated) and the same registration CSV bytes.
 * CI installs LibreOffice and sets REQUIRE_LIBREOFFICE=1, so there the test cannot be skipped.
 */
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const available = soffice.status === 0;
if (!available && process.env.REQUIRE_LIBREOFFICE === "1") throw new Error("LibreOffice (soffice) is required here: apt-get install -y libreoffice-calc-nogui");
const describeIfLibreOffice = available ? describe : describe.skip;


const VARIANTS: { name: string; edit?: (ws: ExcelJS.Worksheet) => void; translate: (c: string) => string | undefined }[] = [
  { name: "as-is", translate: (c) => c },
  {
    name: "column-inserted",
    edit: (ws) => {
      ws.spliceColumns(3, 0, []);
      ws.getCell("C3").value = "フリガナ";
    },
    translate: shift(2, 1),
  },
  { name: "grey-deleted", edit: (ws) => ws.spliceColumns(6, 3), translate: withoutFtoH },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-lo-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes each variant with exceljs, then has LibreOffice open and save them all as .xlsx (one soffice run). */
async function savedByLibreOffice(): Promise<Map<string, string>> {
  const inputs: string[] = [];
  for (const v of VARIANTS) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_FORM);
    v.edit?.(wb.getWorksheet("申請様式")!);
    const file = path.join(dir, `${v.name}.xlsx`);
    await wb.xlsx.writeFile(file);
    inputs.push(file);
  }
  const out = path.join(dir, "libreoffice");
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...inputs], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return new Map(VARIANTS.map((v) => [v.name, path.join(out, `${v.name}.xlsx`)]));
}

async function checked(file: string, name: string): Promise<{ findings: Finding[]; csv: Buffer }> {
  const r = await run(["check", file, "--masters", SAMPLE_MASTERS, "--json"]);
  expect(r.code).toBe(1);
  const out = path.join(dir, `${name}.csv`);
  expect((await run(["export", file, "--masters", SAMPLE_MASTERS, "--out", out])).code).toBe(1);
  return { findings: (JSON.parse(r.out) as { files: { findings: Finding[] }[] }).files[0].findings, csv: await readFile(out) };
}

describeIfLibreOffice("forms saved by LibreOffice", () => {
  it("read as the untouched sample: the same findings (columns translated) and the same CSV bytes", async () => {
    const original = await checked(SAMPLE_FORM, "original");
    const saved = await savedByLibreOffice();
    for (const v of VARIANTS) {
      const got = await checked(saved.get(v.name)!, v.name);
      const expected = original.findings.flatMap((f) => {
        const column = v.translate(f.column);
        return column === undefined ? [] : [plain({ ...f, column })];
      });
      expect({ variant: v.name, findings: got.findings.map(plain).sort() }).toEqual({ variant: v.name, findings: expected.sort() });
      expect({ variant: v.name, sameCsv: got.csv.equals(original.csv) }).toEqual({ variant: v.name, sameCsv: true });
    }
    // One soffice start (its first start makes a profile) converting three files: tens of seconds on a busy 2-core machine.
  }, 240_000);
});
