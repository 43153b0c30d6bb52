import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeText, type Cell } from "../../src/domain";
import { readWorkbook } from "../../src/cli/read-workbook";
import { run } from "./support/run-cli";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

/** The sample 保健所マスタ as Excel would save it to CSV with its codes as numbers (01000 → 1000), in Shift_JIS. */
async function healthCenterCsv(strip: (code: string) => string): Promise<Uint8Array> {
  const sheet = (await readWorkbook(SAMPLE_MASTERS)).find((s) => s.name === "保健所マスタ")!;
  const quote = (c: Cell) => (/[",\n]/.test(String(c ?? "")) ? `"${String(c).replace(/"/g, '""')}"` : String(c ?? ""));
  const lines = sheet.values.map((row, i) => row.map((c, j) => (i > 0 && j === 1 ? strip(String(c)) : quote(c))).join(","));
  return encodeText(lines.join("\r\n") + "\r\n", "cp932");
}

describe("a 保健所マスタ CSV whose codes lost their leading zeros", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "nesid-master-csv-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is padded like a workbook's numeric codes: valid K 06055 / 04033 pass, and the report says what was done", async () => {
    const file = path.join(dir, "保健所マスタ.csv");
    writeFileSync(file, await healthCenterCsv((c) => c.replace(/^0+/, "")));
    const plain = await run(["check", SAMPLE_FORM, "--masters", SAMPLE_MASTERS, "--json"]);
    const fromCsv = await run(["check", SAMPLE_FORM, "--masters", file, "--json"]);
    expect(fromCsv.code).toBe(1);
    const report = JSON.parse(fromCsv.out);
    // Only K 99999 (planted) is unknown, as with the workbook's master.
    expect(report.files[0].findings).toEqual(JSON.parse(plain.out).files[0].findings);
    const text = JSON.stringify(report);
    expect(text).toContain("master.zero-padded");
    expect(text).toContain("先頭の0が失われていたため");
    expect(text).toContain("5桁");
    expect(text).toContain("1000→01000");

    const human = await run(["check", SAMPLE_FORM, "--masters", file]);
    expect(human.out).toContain("1000→01000");
    expect(human.out).not.toContain("「06055」");
  });

  it("is left alone when its codes kept their zeros (nothing to pad, no notice)", async () => {
    const file = path.join(dir, "kept.csv");
    writeFileSync(file, await healthCenterCsv((c) => c));
    const fromCsv = await run(["check", SAMPLE_FORM, "--masters", file, "--json"]);
    expect(JSON.stringify(JSON.parse(fromCsv.out))).not.toContain("master.zero-padded");
  });
});
