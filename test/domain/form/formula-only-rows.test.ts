import ExcelJS from "exceljs";
import {
  addMasters,
  checkFormSheet,
  DEFAULT_PROFILE,
  distributableForm,
  mastersFromSheets,
  messageOf,
  readXlsx,
  selectHealthCenters,
  type Cell,
} from "../../../src/domain";
import { findFormSheets } from "../../support/exceljs-sheets";
import { testMasters, validCells } from "../../support/form-rows";

const profile = DEFAULT_PROFILE;
const masters = testMasters();

/**
 * The distributable form filled by a program that keeps no formula results (exceljs here, openpyxl alike): values
 * typed into the input cells, the I lookup formula of every row left as it is, with no result.
 */
async function filledByProgram(rows: readonly (readonly Cell[])[], extra?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const centers = selectHealthCenters(masters.healthCenter!, ["253658", "130000"]).centers;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await distributableForm({ profile, healthCenters: centers })) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("申請様式")!;
  rows.forEach((cells, n) =>
    cells.forEach((v, i) => {
      const cell = ws.getCell(4 + n, i + 1);
      const current = cell.value;
      if (i === 0 || v === null || (current && typeof current === "object" && "formula" in current)) return;
      cell.value = v as ExcelJS.CellValue;
    }),
  );
  extra?.(ws);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const THREE_ROWS = [
  validCells(),
  validCells({ name: "鈴木　花子", email: "suzuki@example-hosp.jp", tfaEmail: null, tfaMethod: "2", tfaPhone: "090-1234-5678" }),
  validCells({ name: "田中　一郎", email: "tanaka@example-hosp.jp", orgType: "11", institutionCode: "A2500001", tfaEmail: "tanaka.2fa@example-hosp.jp" }),
];

function check(bytes: Uint8Array) {
  const read = readXlsx(bytes, "filled.xlsx");
  if (!read.ok) throw new Error(messageOf(read.problem));
  const forms = findFormSheets(read.sheets, profile);
  const own = addMasters({}, mastersFromSheets(read.sheets, profile, "filled.xlsx"));
  return { form: forms[0], result: checkFormSheet(forms[0], profile, { ...masters, healthCenter: own.healthCenter }).result() };
}

describe("a form whose formulas were saved without results (exceljs, openpyxl)", () => {
  it("the empty rows holding only the template's formula are not data: no error from them, and one notice for the sheet", async () => {
    const { form, result } = check(await filledByProgram(THREE_ROWS));
    expect(form.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(result.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(result.findings.filter((f) => f.place.row > 6)).toEqual([]);
    const notices = form.notices.filter((n) => n.code === "sheet.formulas-uncached");
    expect(notices).toHaveLength(1);
    expect(notices[0].severity).toBe("warning");
    expect(messageOf(notices[0])).toContain("Excelで開いて保存し直してください");
    expect(notices[0].params.count).toBeGreaterThanOrEqual(297);
  });

  it("a data row whose own formula cell has no result still reports that cell (its value is unknown), once per row", async () => {
    const { result } = check(await filledByProgram(THREE_ROWS));
    expect(result.findings.map((f) => `${f.place.column}${f.place.row}:${f.code}`)).toEqual(["I4:cell.formula-uncached", "I5:cell.formula-uncached", "I6:cell.formula-uncached"]);
    expect(result.findings.filter((f) => f.severity === "error")).toHaveLength(3);
  });

  it("a formula-only row between data rows is an empty (gap) row, not an incomplete row with its own errors", async () => {
    const { form, result } = check(await filledByProgram([THREE_ROWS[0], Array(40).fill(null), THREE_ROWS[1]]));
    expect(form.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(result.rows.map((r) => r.status)).toEqual(["incomplete", "gap", "incomplete"]);
    expect(result.findings.filter((f) => f.place.row === 5).map((f) => f.code)).toEqual(["row.gap"]);
  });

  it("a form without uncached formulas gets no such notice", async () => {
    const bytes = await filledByProgram(THREE_ROWS, (ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (v && typeof v === "object" && "formula" in v) cell.value = { formula: v.formula, result: row.number <= 6 ? "253658" : "" } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const { form, result } = check(bytes);
    expect(form.notices.map((n) => n.code)).not.toContain("sheet.formulas-uncached");
    expect(result.findings).toEqual([]);
  });
});
