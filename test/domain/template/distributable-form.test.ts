import ExcelJS from "exceljs";
import { checkFormSheet, columnRange, DEFAULT_PROFILE, distributableForm, HEALTH_CENTER_SHEET, inputGuidance, mastersFromSheets, addMasters, selectHealthCenters, type Cell } from "../../../src/domain";
import { testMasters, VALID, validCells } from "../../support/form-rows";
import { workbookSheets, findFormSheets } from "../../support/exceljs-sheets";

const profile = DEFAULT_PROFILE;
const masters = testMasters();

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

type Validation = { type?: string; formulae?: string[]; prompt?: string; promptTitle?: string; showInputMessage?: boolean; errorStyle?: string };
/** What exceljs reads but its typings leave out. */
interface SheetInternals {
  sheetProtection?: { sheet?: boolean; hashValue?: string; formatCells?: boolean };
  conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
}
const internals = (ws: ExcelJS.Worksheet) => ws as unknown as SheetInternals;
const validation = (ws: ExcelJS.Worksheet, address: string) => (ws.getCell(address) as unknown as { dataValidation?: Validation }).dataValidation;

/** Writes a row of values into a data row the way Excel would leave it: K typed, I computed (formula kept, result cached). */
function fill(ws: ExcelJS.Worksheet, row: number, cells: readonly Cell[]): void {
  cells.forEach((v, i) => {
    if (i === 0) return;
    const cell = ws.getCell(row, i + 1);
    const current = cell.value;
    if (current && typeof current === "object" && "formula" in current) {
      cell.value = { formula: current.formula, result: v ?? "" } as ExcelJS.CellFormulaValue;
    } else if (v !== null) cell.value = v as ExcelJS.CellValue;
  });
}

describe("selectHealthCenters", () => {
  const hc = masters.healthCenter!;
  it("selects by 中核市コード, 2-digit 都道府県コード or 保健所コード, and names codes that match nothing", () => {
    expect(selectHealthCenters(hc, []).centers).toHaveLength(hc.size);
    expect(selectHealthCenters(hc, ["253658"]).centers).toEqual([{ code: "25654", name: "滋賀県中央保健所", cityCode: "253658" }]);
    expect(selectHealthCenters(hc, ["06"]).centers.map((c) => c.code)).toEqual(["06055"]);
    expect(selectHealthCenters(hc, ["13125", "04"]).centers.map((c) => c.code)).toEqual(["04033", "13125"]);
    expect(selectHealthCenters(hc, ["99", "253658"]).unmatched).toEqual(["99"]);
  });
});

describe("inputGuidance", () => {
  it("fits Excel's limits (title ≤ 32, message ≤ 255) and names the codes of the profile", () => {
    for (const withList of [true, false]) {
      const g = inputGuidance(profile, { healthCenterList: withList, nameColumn: "AO" });
      for (const m of Object.values(g)) {
        expect(m.title.length).toBeLessThanOrEqual(32);
        expect(m.prompt.length).toBeLessThanOrEqual(255);
        expect(m.prompt.length).toBeGreaterThan(10);
      }
      expect(g.orgType.prompt).toContain("09＝医療機関（全数）");
      expect(g.tfaMethod.prompt).toContain("2＝SMS");
    }
  });
});

describe("distributableForm", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const centers = selectHealthCenters(masters.healthCenter!, ["253658", "130000"]).centers;
    bytes = await distributableForm({ profile, healthCenters: centers, rows: 50 });
    wb = await open(bytes);
    ws = wb.getWorksheet("申請様式")!;
  });

  it("has the title, the item numbers and the labels of the profile in rows 1–3", () => {
    expect(ws.getCell("A1").value).toBe(profile.name);
    expect(ws.getCell("B2").value).toBe("項目1");
    expect(ws.getCell("AN2").value).toBe("項目11");
    expect(ws.getCell("A3").value).toBe("No.");
    for (const f of Object.values(profile.fields)) expect(ws.getCell(`${f.column}3`).value).toBe(f.label);
    for (const g of profile.greyColumns) expect(ws.getCell(`${g}3`).value).toBe("（入力不要）");
  });

  it("is protected without a password: grey columns locked and shaded, input columns unlocked, every data cell text", () => {
    // formatting allowed: the add-in paints A and the problem cells of the form
    expect(internals(ws).sheetProtection).toMatchObject({ sheet: true, formatCells: true });
    expect(internals(ws).sheetProtection?.hashValue).toBeUndefined();
    for (const row of [4, 53]) {
      for (const g of profile.greyColumns) {
        const cell = ws.getCell(`${g}${row}`);
        expect(cell.protection?.locked).not.toBe(false);
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9D9D9");
      }
      for (const f of Object.values(profile.fields)) {
        const cell = ws.getCell(`${f.column}${row}`);
        expect(cell.numFmt).toBe("@");
        expect(cell.protection?.locked).toBe(false);
      }
    }
    // A (No.) is locked too
    expect(ws.getCell("A4").protection?.locked).not.toBe(false);
  });

  it("offers lists for E, AG, AN and K (the 保健所 of the jurisdiction on the helper sheet), with input messages", () => {
    expect(validation(ws, "E4")).toMatchObject({ type: "list", formulae: ['"09,16,11"'], showInputMessage: true });
    expect(validation(ws, "AG53")).toMatchObject({ type: "list", formulae: ['"0,1"'] });
    expect(validation(ws, "AN10")).toMatchObject({ type: "list", formulae: ['"1,2,3"'] });
    expect(validation(ws, "AN10")!.prompt).toContain("1＝メール");
    expect(validation(ws, "K4")).toMatchObject({ type: "list", formulae: [`'${HEALTH_CENTER_SHEET}'!$A$2:$A$3`], errorStyle: "stop" });
    for (const f of Object.values(profile.fields)) expect(validation(ws, `${f.column}20`)?.prompt).toBeTruthy();
    expect(validation(ws, "D4")).toMatchObject({ type: "custom" });
    expect(validation(ws, "D4")!.formulae![0]).toContain("LENB(D4)");
    const list = wb.getWorksheet(HEALTH_CENTER_SHEET)!;
    // master order
    expect(list.getRow(2).values).toEqual([undefined, "13125", "東京都中央保健所", "130000"]);
    expect(list.getRow(3).values).toEqual([undefined, "25654", "滋賀県中央保健所", "253658"]);
  });

  it("computes I and the 保健所名 from K with INDEX/MATCH, and uses no function newer than Excel 2010", async () => {
    const i4 = ws.getCell("I4").value as ExcelJS.CellFormulaValue;
    expect(i4.formula).toMatch(/INDEX\('保健所一覧'!\$C\$2:\$C\$3,MATCH\(\$K4,'保健所一覧'!\$A\$2:\$A\$3,0\)\)/);
    expect((ws.getCell("AO4").value as ExcelJS.CellFormulaValue).formula).toContain("$B$2:$B$3");
    const xml = await sheetXml(bytes);
    expect(xml).not.toMatch(/XLOOKUP|FILTER\(|UNIQUE\(|SEQUENCE\(|LET\(|_xlfn/);
  });

  it("has the conditional formats of the original: A blue/red, yellow for missing, checks of phones, mails and the 2FA field", () => {
    const cf = internals(ws).conditionalFormattings;
    const on = (ref: string) => cf.filter((c) => c.ref === ref).flatMap((c) => c.rules.map((r) => r.formulae![0]));
    const a = on("A4:A53");
    expect(a).toHaveLength(2);
    expect(a[0]).toMatch(/^AND\(SUMPRODUCT\(LEN\(\$B4:\$AN4\)\)=0,SUMPRODUCT\(LEN\(\$B5:\$AN\$54\)\)>0\)$/);
    expect(a[1]).toContain("LEN($AN4)>0");
    expect(on("C4:C53").join(" ")).toContain("LEN(SUBSTITUTE(ASC($C4)");
    expect(on("D4:D53").join(" ")).toContain("LENB($D4)");
    expect(on("AM4:AM53").join(" ")).toContain('$AN4&""="1"');
    expect(on("AL4:AL53").join(" ")).toContain('LEFT(SUBSTITUTE(ASC($AL4),"-",""),3)="090"');
  });

  it("round trip: filled with valid rows it is found as a form and checked with no finding", async () => {
    const rows = [
      validCells(),
      validCells({ name: "鈴木　花子", email: "suzuki@example-hosp.jp", tfaEmail: null, tfaMethod: "2", tfaPhone: "090-1234-5678" }),
      validCells({ name: "田中　一郎", email: "tanaka@example-hosp.jp", orgType: "11", institutionCode: "A2500001", tfaEmail: "tanaka.2fa@example-hosp.jp" }),
    ];
    rows.forEach((cells, i) => fill(ws, 4 + i, cells));
    const filled = await wb.xlsx.writeBuffer();
    const sheets = workbookSheets(await open(new Uint8Array(filled as ArrayBuffer)));
    const forms = findFormSheets(sheets, profile);
    expect(forms.map((f) => f.sheet)).toEqual(["申請様式"]);
    expect(forms[0].headerRow).toBe(3);
    expect(forms[0].rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(forms[0].rows[0].cells[8]).toBe(VALID.cityCode);
    // the helper sheet is read as the form's own 保健所マスタ; the institution masters come from elsewhere
    const own = addMasters({}, mastersFromSheets(sheets, profile, "form.xlsx"));
    expect(own.healthCenter?.size).toBe(2);
    const result = checkFormSheet(forms[0], profile, { ...masters, healthCenter: own.healthCenter }).result();
    expect(result.findings).toEqual([]);
    expect(result.rows.map((r) => r.status)).toEqual(["complete", "complete", "complete"]);
  });

  it("without 保健所: K and I are typed (unlocked, text, input messages), no helper sheet", async () => {
    const plain = await open(await distributableForm({ profile, rows: 5 }));
    const sheet = plain.getWorksheet("申請様式")!;
    expect(plain.getWorksheet(HEALTH_CENTER_SHEET)).toBeUndefined();
    for (const c of ["I", "K"]) {
      expect(sheet.getCell(`${c}4`).protection?.locked).toBe(false);
      expect(sheet.getCell(`${c}4`).value).toBeNull();
      expect(validation(sheet, `${c}8`)?.prompt).toBeTruthy();
    }
    expect(columnRange("A", "AN").every((c) => sheet.getCell(`${c}3`).value !== null)).toBe(true);
  });
});

/** The form sheet's XML, to look for functions Excel 2016 lacks. */
async function sheetXml(bytes: Uint8Array): Promise<string> {
  const { unzipSync, strFromU8 } = await import("fflate");
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => name.startsWith("xl/worksheets/"))
    .map(([, data]) => strFromU8(data))
    .join("\n");
}
