import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { readWorkbook } from "../../src/cli/read-workbook";
import { HEALTH_CENTER_SHEET } from "../../src/domain";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-template-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("nesid-account template", () => {
  it("writes the form with the 保健所 of the jurisdiction; filled with the sample's complete rows it passes check", async () => {
    const out = path.join(dir, "様式.xlsx");
    const r = await run(["template", "--out", out, "--masters", SAMPLE_MASTERS, "--jurisdiction", "253658"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("配布用の様式を作成しました");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const list = wb.getWorksheet(HEALTH_CENTER_SHEET)!;
    expect(list.rowCount).toBeGreaterThan(1);
    list.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(3).value).toBe("253658");
    });

    // fill rows 4–11 of the sample (complete rows) as Excel would: typed values, I computed from K
    const all = path.join(dir, "all.xlsx");
    expect((await run(["template", "--out", all, "--masters", SAMPLE_MASTERS])).code).toBe(0);
    const sample = (await readWorkbook(SAMPLE_FORM)).find((s) => s.name === "申請様式")!;
    const form = new ExcelJS.Workbook();
    await form.xlsx.readFile(all);
    const ws = form.getWorksheet("申請様式")!;
    for (let row = 4; row <= 11; row++) {
      sample.values[row - 1].forEach((v, i) => {
        if (i === 0 || v === null) return;
        const cell = ws.getCell(row, i + 1);
        const current = cell.value;
        cell.value = current && typeof current === "object" && "formula" in current ? ({ formula: current.formula, result: v } as ExcelJS.CellFormulaValue) : (v as ExcelJS.CellValue);
      });
    }
    // Excel saves every formula with its result; exceljs drops an empty cached result when it reads the file back.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === "object" && "formula" in v && v.result === undefined) cell.value = { formula: v.formula, result: "" } as ExcelJS.CellFormulaValue;
      }),
    );
    const filled = path.join(dir, "filled.xlsx");
    await form.xlsx.writeFile(filled);
    const checked = await run(["check", filled, "--masters", SAMPLE_MASTERS, "--json"]);
    expect(checked.code).toBe(0);
    const file = JSON.parse(checked.out).files[0];
    expect(file).toMatchObject({ sheet: "申請様式", headerRow: 3 });
    expect(file.findings).toEqual([]);
    expect(file.rows).toHaveLength(8);
  });

  it("exits 2 for a missing --out, an unknown jurisdiction, or a jurisdiction without masters", async () => {
    expect((await run(["template"])).code).toBe(2);
    const unknown = await run(["template", "--out", path.join(dir, "x.xlsx"), "--masters", SAMPLE_MASTERS, "--jurisdiction", "999999"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("999999");
    expect((await run(["template", "--out", path.join(dir, "y.xlsx"), "--jurisdiction", "13"])).code).toBe(2);
  });

  it("works without masters (K and I typed by hand)", async () => {
    const r = await run(["template", "--out", path.join(dir, "plain.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("手入力");
  });
});
