import type ExcelJS from "exceljs";
import { columnIndex, columnLetter, columnRange } from "../columns";
import { FIELD_KEYS, type FieldKey, type FormProfile } from "../profile/schema";
import { loadWorkbookClass, workbookBytes } from "../workbook/exceljs-module";
import type { ListedHealthCenter } from "./health-center-list";
import { inputGuidance } from "./input-guidance";

export interface DistributableFormOptions {
  profile: FormProfile;
  /** The 保健所 column K offers (see selectHealthCenters); none: K and I are typed by hand. */
  healthCenters?: readonly ListedHealthCenter[];
  /** Data rows prepared with formats, lists and formulas (rows below still take values; they are not formatted). */
  rows?: number;
}

/** The helper sheet with the 保健所 of the chosen jurisdiction: K's list, I's lookup and the name column's lookup. */
export const HEALTH_CENTER_SHEET = "保健所一覧";
export const DEFAULT_TEMPLATE_ROWS = 300;

/** The same colours the add-in paints (src/excel/highlights.ts), as ARGB. */
export const TEMPLATE_COLORS = {
  complete: "FF9BC2E6",
  gap: "FFFF7C80",
  missing: "FFFFFF00",
  invalid: "FFFFC7CE",
  grey: "FFD9D9D9",
  header: "FFF2F2F2",
  auto: "FFEDF3FA",
} as const;

const TITLE_ROW = 1;
const ITEM_ROW = 2;
const HEADER_ROW = 3;
const FIRST_ROW = 4;

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const dxfFill = (argb: string): Partial<ExcelJS.Style> => ({ fill: { type: "pattern", pattern: "solid", bgColor: { argb } } });
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The distributable 別紙2 form (.xlsx bytes): title, item numbers and header labels in rows 1–3, data from row 4;
 * grey columns shaded and locked by sheet protection without a password (formatting allowed, for the add-in's colours);
 * every other cell of the data rows text formatted (numFmt "@", so 09 and leading zeros survive) and unlocked; lists for the codes, K from the 保健所 of the
 * jurisdiction with I looked up from it (INDEX/MATCH) and the 保健所名 shown beside the form; an input message on
 * every input column; conditional formats for the row status and what formats can check.
 * Only Excel 2010+ features: no dynamic arrays, no XLOOKUP, no macros.
 */
export async function distributableForm(options: DistributableFormOptions): Promise<Uint8Array> {
  const { profile } = options;
  const rows = options.rows ?? DEFAULT_TEMPLATE_ROWS;
  const last = FIRST_ROW + rows - 1;
  const centers = options.healthCenters && options.healthCenters.length > 0 ? options.healthCenters : undefined;
  const Workbook = await loadWorkbookClass();
  const wb = new Workbook();
  wb.creator = "nesid-account";
  wb.calcProperties = { fullCalcOnLoad: true };

  const ws = wb.addWorksheet(profile.sheet.preferredName, { views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW }] });
  const columns = columnRange(profile.sheet.firstColumn, profile.sheet.lastColumn);
  const fieldOf = new Map<string, FieldKey>(FIELD_KEYS.map((k) => [profile.fields[k].column, k]));
  const grey = new Set(profile.greyColumns);
  const status = profile.sheet.statusColumn;
  const col = (k: FieldKey) => profile.fields[k].column;
  const nameColumn = columnLetter(columnIndex(profile.sheet.lastColumn) + 1);
  const guidance = inputGuidance(profile, { healthCenterList: centers !== undefined, nameColumn });
  /**
   * I is a lookup from K when a list is given. It stays unlocked: the add-in's 保健所 picker and fixes write I and K
   * together, which a locked cell would refuse; the input message says it needs no typing, and check compares it with K.
   */
  const computed = new Set(centers ? [col("cityCode")] : []);

  // rows 1–3: title, item numbers, labels
  ws.getCell(`${profile.sheet.firstColumn}${TITLE_ROW}`).value = profile.name;
  ws.getCell(`${profile.sheet.firstColumn}${TITLE_ROW}`).font = { bold: true, size: 14 };
  for (const c of columns) {
    const key = fieldOf.get(c);
    const item = ws.getCell(`${c}${ITEM_ROW}`);
    const label = ws.getCell(`${c}${HEADER_ROW}`);
    if (key) item.value = `項目${profile.fields[key].item}`;
    label.value = c === status ? "No." : key ? profile.fields[key].label : "（入力不要）";
    for (const cell of [item, label]) {
      cell.numFmt = "@";
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.fill = solid(grey.has(c) ? TEMPLATE_COLORS.grey : TEMPLATE_COLORS.header);
    }
    label.font = { bold: true };
    ws.getColumn(c).width = grey.has(c) ? 4 : c === status ? 6 : key === "name" ? 16 : key === "email" || key === "tfaEmail" || key === "institutionCode" ? 26 : 14;
  }
  ws.getRow(HEADER_ROW).height = 45;

  // data rows
  const hcRange = centers ? `'${HEALTH_CENTER_SHEET}'!$A$2:$A$${centers.length + 1}` : "";
  const lookup = (row: number, valueColumn: string) =>
    `IF($${col("healthCenterCode")}${row}="","",IFERROR(INDEX('${HEALTH_CENTER_SHEET}'!$${valueColumn}$2:$${valueColumn}$${centers!.length + 1},MATCH($${col("healthCenterCode")}${row},${hcRange},0)),""))`;
  for (let r = FIRST_ROW; r <= last; r++) {
    for (const c of columns) {
      const cell = ws.getCell(`${c}${r}`);
      cell.numFmt = "@";
      cell.border = BORDER;
      if (c === status) {
        cell.value = r - FIRST_ROW + 1;
        cell.numFmt = "General";
        cell.alignment = { horizontal: "center" };
      } else if (grey.has(c)) {
        cell.fill = solid(TEMPLATE_COLORS.grey);
      } else if (computed.has(c)) {
        cell.value = { formula: lookup(r, "C"), result: "" } as ExcelJS.CellFormulaValue;
        cell.fill = solid(TEMPLATE_COLORS.auto);
        cell.protection = { locked: false };
      } else {
        cell.protection = { locked: false };
      }
    }
    if (centers) {
      const nameCell = ws.getCell(`${nameColumn}${r}`);
      nameCell.value = { formula: lookup(r, "B"), result: "" } as ExcelJS.CellFormulaValue;
      nameCell.font = { color: { argb: "FF595959" } };
    }
  }
  if (centers) {
    const head = ws.getCell(`${nameColumn}${HEADER_ROW}`);
    head.value = "（参考）保健所名";
    head.font = { bold: true, color: { argb: "FF595959" } };
    head.alignment = { wrapText: true, vertical: "middle" };
    ws.getColumn(nameColumn).width = 24;
  }

  addValidations(ws, profile, guidance, { last, hcRange, computed });
  addConditionalFormats(ws, profile, last);
  // Formatting stays allowed: the add-in paints the No. column and the problem cells of a protected form.
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
  });

  if (centers) await addHealthCenterSheet(wb, profile, centers);
  return workbookBytes(wb);
}

/**
 * The sheet 保健所一覧 with the given 保健所 (コード・名称・中核市コード, codes as text), protected without a password: K's
 * list in the distributable form, and what the add-in reads as the 保健所マスタ (by its headers) wherever it is carried.
 */
export async function addHealthCenterSheet(wb: ExcelJS.Workbook, profile: FormProfile, centers: readonly ListedHealthCenter[], name = HEALTH_CENTER_SHEET): Promise<ExcelJS.Worksheet> {
  const columns = profile.masters.healthCenter.columns;
  const list = wb.addWorksheet(name);
  list.columns = [
    { header: columns.code.headers[0], width: 14 },
    { header: columns.name?.headers[0] ?? "保健所名", width: 30 },
    { header: columns.cityCode?.headers[0] ?? "中核市コード", width: 14 },
  ];
  centers.forEach((c, i) => {
    const row = list.getRow(i + 2);
    row.values = [c.code, c.name, c.cityCode];
  });
  for (const letter of ["A", "C"]) list.getColumn(letter).numFmt = "@";
  list.getRow(1).font = { bold: true };
  await list.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, sort: true, autoFilter: true });
  return list;
}

/** exceljs writes a validation of type "any" (an input message only), which its typings leave out. */
type ValidationType = ExcelJS.DataValidation["type"] | "any";
type Validation = Omit<ExcelJS.DataValidation, "type" | "formulae"> & { type: ValidationType; formulae?: ExcelJS.DataValidation["formulae"] };

interface ValidationPlan {
  last: number;
  hcRange: string;
  computed: Set<string>;
}

function addValidations(ws: ExcelJS.Worksheet, profile: FormProfile, guidance: ReturnType<typeof inputGuidance>, plan: ValidationPlan): void {
  const col = (k: FieldKey) => profile.fields[k].column;
  const first = (k: FieldKey) => `${col(k)}${FIRST_ROW}`;
  const text = (k: FieldKey) => `SUBSTITUTE(ASC(${first(k)}),"-","")`;
  // Digits and hyphens only (ASC folds full-width): parentheses, spaces and extensions are refused at entry, which
  // check reports as phone.parentheses (a warning, fixed to the hyphenated number) and phone.extension (an error).
  const phoneOk = (k: FieldKey) => `AND(LEFT(${text(k)},1)="0",OR(LEN(${text(k)})=10,LEN(${text(k)})=11),ISNUMBER(-${text(k)}))`;
  const mailOk = (k: FieldKey) => `AND(LENB(${first(k)})=LEN(${first(k)}),ISNUMBER(FIND("@",${first(k)})))`;
  const list = (values: readonly string[]) => `"${values.join(",")}"`;
  const rules: Partial<Record<FieldKey, { type: ValidationType; formula?: string; error?: string }>> = {
    name: { type: "custom", formula: `ISERROR(FIND(CHAR(10),${first("name")}))`, error: "セル内の改行は使えません。1行で入力してください。" },
    phone: { type: "custom", formula: phoneOk("phone"), error: "電話番号は0から始まる10桁か11桁の数字（ハイフン可）で入力してください。" },
    email: { type: "custom", formula: mailOk("email"), error: "メールアドレスは半角英数字で、@を含めて入力してください。" },
    orgType: { type: "list", formula: list(profile.orgTypes.map((t) => t.code)), error: "一覧のコードから選んでください。" },
    healthCenterCode: plan.hcRange ? { type: "list", formula: plan.hcRange, error: "一覧の保健所コードから選んでください。" } : { type: "any" },
    cityCode: { type: "any" },
    downloadFlag: { type: "list", formula: list(profile.downloadFlags), error: "一覧のコードから選んでください。" },
    institutionCode: { type: "any" },
    tfaPhone: { type: "custom", formula: phoneOk("tfaPhone"), error: "電話番号は0から始まる10桁か11桁の数字（ハイフン可）で入力してください。" },
    tfaEmail: { type: "custom", formula: mailOk("tfaEmail"), error: "メールアドレスは半角英数字で、@を含めて入力してください。" },
    tfaMethod: { type: "list", formula: list(profile.tfaMethods.map((m) => m.code)), error: "一覧のコードから選んでください。" },
  };
  for (const key of FIELD_KEYS) {
    const rule = rules[key] ?? { type: "any" };
    const g = guidance[key];
    const dv: Validation = {
      type: rule.type,
      allowBlank: true,
      showInputMessage: true,
      promptTitle: g.title.slice(0, 32),
      prompt: g.prompt.slice(0, 255),
    };
    if (rule.formula) {
      dv.formulae = [rule.formula];
      dv.showErrorMessage = true;
      dv.errorStyle = "stop";
      dv.errorTitle = profile.fields[key].label.slice(0, 32);
      dv.error = rule.error;
    }
    (ws as unknown as { dataValidations: { add(address: string, dv: Validation): void } }).dataValidations.add(`${col(key)}${FIRST_ROW}:${col(key)}${plan.last}`, dv);
  }
}

/**
 * The original form's conditional formats, as formulas on row 4 (relative to each range's top-left cell):
 * A blue when the row is complete, A red for an empty row above a filled one, yellow for a missing required cell,
 * and pink for what a format can check (phone digits, full-width mail, a line break, SMS needs a mobile number).
 */
function addConditionalFormats(ws: ExcelJS.Worksheet, profile: FormProfile, last: number): void {
  const col = (k: FieldKey) => profile.fields[k].column;
  const r = FIRST_ROW;
  const dataFrom = columnLetter(columnIndex(profile.sheet.firstColumn) === columnIndex(profile.sheet.statusColumn) ? columnIndex(profile.sheet.firstColumn) + 1 : columnIndex(profile.sheet.firstColumn));
  const dataTo = profile.sheet.lastColumn;
  const filled = `SUMPRODUCT(LEN($${dataFrom}${r}:$${dataTo}${r}))>0`;
  const present = (k: FieldKey) => `LEN($${col(k)}${r})>0`;
  const method = `$${col("tfaMethod")}${r}&""`;
  const methodIs = (codes: string[]) => (codes.length === 1 ? `${method}="${codes[0]}"` : `OR(${codes.map((c) => `${method}="${c}"`).join(",")})`);
  const needing = (field: "tfaEmail" | "tfaPhone") => profile.tfaMethods.filter((m) => m.needs === field).map((m) => m.code);
  const tfaOk = `OR(${profile.tfaMethods.map((m) => `AND(${method}="${m.code}",${present(m.needs)})`).join(",")})`;
  const complete = `AND(${filled},${profile.required.map(present).join(",")},${tfaOk})`;
  const gap = `AND(SUMPRODUCT(LEN($${dataFrom}${r}:$${dataTo}${r}))=0,SUMPRODUCT(LEN($${dataFrom}${r + 1}:$${dataTo}$${last + 1}))>0)`;
  let priority = 1;
  const add = (ref: string, formula: string, argb: string) =>
    ws.addConditionalFormatting({ ref, rules: [{ type: "expression", priority: priority++, formulae: [formula], style: dxfFill(argb) }] });
  const range = (c: string) => `${c}${r}:${c}${last}`;
  const status = profile.sheet.statusColumn;

  add(range(status), gap, TEMPLATE_COLORS.gap);
  add(range(status), complete, TEMPLATE_COLORS.complete);

  // what formats can check (a value is there but cannot be right)
  const digits = (k: FieldKey) => `SUBSTITUTE(ASC($${col(k)}${r}),"-","")`;
  const badPhone = (k: FieldKey) => `AND(${present(k)},OR(LEFT(${digits(k)},1)<>"0",AND(LEN(${digits(k)})<>10,LEN(${digits(k)})<>11),ISERROR(-${digits(k)})))`;
  const badMail = (k: FieldKey) => `AND(${present(k)},OR(LENB($${col(k)}${r})<>LEN($${col(k)}${r}),ISERROR(FIND("@",$${col(k)}${r}))))`;
  add(range(col("phone")), badPhone("phone"), TEMPLATE_COLORS.invalid);
  add(range(col("tfaPhone")), badPhone("tfaPhone"), TEMPLATE_COLORS.invalid);
  const mobileCodes = profile.tfaMethods.filter((m) => m.mobileOnly).map((m) => m.code);
  if (mobileCodes.length > 0 && profile.mobilePrefixes.length > 0) {
    const mobile = `OR(${profile.mobilePrefixes.map((p) => `LEFT(${digits("tfaPhone")},3)="${p}"`).join(",")})`;
    add(range(col("tfaPhone")), `AND(${present("tfaPhone")},${methodIs(mobileCodes)},NOT(${mobile}))`, TEMPLATE_COLORS.invalid);
  }
  add(range(col("email")), badMail("email"), TEMPLATE_COLORS.invalid);
  add(range(col("tfaEmail")), badMail("tfaEmail"), TEMPLATE_COLORS.invalid);
  add(range(col("name")), `ISNUMBER(FIND(CHAR(10),$${col("name")}${r}))`, TEMPLATE_COLORS.invalid);

  // yellow: a required cell missing in a filled row, and the 2FA field the chosen method needs
  for (const k of profile.required) add(range(col(k)), `AND(${filled},LEN($${col(k)}${r})=0)`, TEMPLATE_COLORS.missing);
  for (const field of ["tfaEmail", "tfaPhone"] as const) {
    const codes = needing(field);
    if (codes.length > 0) add(range(col(field)), `AND(${filled},${methodIs(codes)},LEN($${col(field)}${r})=0)`, TEMPLATE_COLORS.missing);
  }
}
