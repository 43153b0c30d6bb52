import { messageOf, type CellProblem } from "../problems/problem";
import type ExcelJS from "exceljs";
import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import { summarize, type FormChecker, type RowStatus } from "../check/form-checker";
import { findingsByRow } from "../review/combined-check";
import { institutionLabel } from "../review/institution-label";
import type { ReportSubmission } from "../review/review-report";
import { detectMasterKind } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import { sendBackText } from "../review/sendback-text";
import { trimSpaces } from "../text/normalize";
import { loadWorkbookBytes, workbookBytes } from "../workbook/exceljs-module";
import { institutionFindings } from "./institution-findings";
import { CELL_COLOUR_LEGEND, MARK_COLORS, MARKS_COLUMN, MARKS_HEADER, SEND_BACK_SHEET } from "./reviewer-marks";
import { addSendBackMasterSheets, sendBackMasters } from "./send-back-masters";

export const SEND_BACK_COLORS = {
  error: MARK_COLORS.error,
  warning: MARK_COLORS.warning,
  complete: "FF9BC2E6",
  incomplete: "FFFFC000",
  gap: "FFFF7C80",
} as const;

/** One form sheet of the submitted workbook, checked on its own (nothing of other submissions). */
export interface AnnotateSheet {
  sheet: string;
  checker: FormChecker;
}

export interface SendBackOptions {
  /** The submitted file's name, as the letter names it. */
  fileName: string;
  /** The reviewer's remark (【審査担当より】), optional. */
  remark?: string;
  /** The letter's date (none: undated). */
  date?: Date;
  /** The reviewer's sender block, after the closing. */
  sender?: string;
  /** 中核市コード etc. of the jurisdiction whose 保健所 the workbook carries (default: those the rows apply to). */
  jurisdictions?: readonly string[];
}

export interface SendBackWorkbook {
  bytes: Uint8Array;
  /** The findings marked (institution-facing), per form sheet. */
  marked: { sheet: string; findings: CellProblem[] }[];
  /** The master sheets the workbook carries for the institution's own check (see send-back-masters.ts). */
  masterSheets: string[];
}

const STATUS_FILL: Record<RowStatus, string> = { complete: SEND_BACK_COLORS.complete, incomplete: SEND_BACK_COLORS.incomplete, gap: SEND_BACK_COLORS.gap };

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/**
 * The submitted workbook marked up for 差戻し: every sheet and value as submitted; each problem cell filled (errors
 * pink, warnings yellow) with a note giving the institution-facing message and the suggested fix; the status column
 * coloured by row status; and a first sheet 「修正のお願い」 with the send-back letter. The institution fixes the same
 * file and sends it back: the notes, fills and the extra sheet change nothing the check reads.
 */
export async function sendBackWorkbook(bytes: Uint8Array, sheets: readonly AnnotateSheet[], options: SendBackOptions): Promise<SendBackWorkbook> {
  const wb = await loadWorkbookBytes(bytes);
  // A marked-up workbook sent back again: our letter is replaced, and our previous marks are taken off first.
  const previousMarks: PaintedCell[] = [];
  for (const previous of wb.worksheets.filter((w) => w.name === SEND_BACK_SHEET)) {
    previousMarks.push(...readMarks(previous));
    // The master sheets an earlier send-back carried are ours too: replaced by this one's.
    const carriedBefore = new Set(readCarriedSheets(previous));
    for (const w of wb.worksheets.filter((x) => carriedBefore.has(x.name))) wb.removeWorksheet(w.id);
    wb.removeWorksheet(previous.id);
  }

  const letters: string[][] = [];
  const reports: ReportSubmission[] = [];
  const marked: SendBackWorkbook["marked"] = [];
  const painted: PaintedCell[] = [];
  for (const { sheet, checker } of sheets) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const status = checker.ctx.profile.sheet.statusColumn;
    removeOurMarks(ws, previousMarks.filter((m) => m.sheet === sheet), status);
    const result = checker.result();
    const findings = institutionFindings(checker, result.findings);
    marked.push({ sheet, findings });
    const paintOn = (cell: ExcelJS.Cell, argb: string) => {
      // The value as the check read it: the institution's pane compares it to tell a mark still standing.
      const value = cellText(checker.rowInput(Number(cell.row))?.cells[columnIndex(cell.address.replace(/\d+$/, ""))] ?? null);
      painted.push({ sheet, address: cell.address, argb, original: fillJson(cell), value });
      paint(cell, argb);
    };
    markCells(ws, findings, paintOn);
    for (const r of result.rows) paintOn(ws.getCell(`${status}${r.row}`), STATUS_FILL[r.status]);
    reports.push(reportOf(checker, sheet, findings, options));
  }
  reports.forEach((report, i) => {
    const last = i === reports.length - 1;
    const text = sendBackText(report, { date: i === 0 ? options.date : undefined, sender: last ? options.sender : undefined, closing: last });
    letters.push(text.replace(/\r\n$/, "").split("\r\n"));
  });

  // The masters the institution's pane needs to check K, I and AJ as the reviewer did (it has none of its own).
  const profile = sheets[0]?.checker.ctx.profile;
  const masterSheets = profile ? await addSendBackMasterSheets(wb, profile, sendBackMasters(sheets.map((s) => s.checker), options.jurisdictions), masterKindsIn(wb, profile)) : [];

  const letter = wb.addWorksheet(SEND_BACK_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  const first = Math.min(...wb.worksheets.filter((w) => w !== letter).map((w) => order(w).orderNo));
  order(letter).orderNo = (Number.isFinite(first) ? first : 0) - 1;
  writeLetter(letter, letters, masterSheets);
  writeMarks(letter, painted);
  writeCarriedSheets(letter, masterSheets);
  for (const w of wb.worksheets) {
    if (w !== letter) for (const v of w.views ?? []) (v as { tabSelected?: boolean }).tabSelected = false;
  }
  const views = wb.views && wb.views.length > 0 ? wb.views : [{ x: 0, y: 0, width: 20000, height: 12000, visibility: "visible" as const }];
  wb.views = views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 }));
  return { bytes: await workbookBytes(wb), marked, masterSheets };
}

/** The master kinds the workbook's own sheets hold (the institution's, or the distributable form's 保健所一覧). */
function masterKindsIn(wb: ExcelJS.Workbook, profile: FormProfile): Set<string> {
  const kinds = new Set<string>();
  for (const w of wb.worksheets) {
    const values = (w.getRow(profile.masters.healthCenter.headerRow).values as unknown[] | undefined) ?? [];
    const header = values.slice(1).map((v): Cell => (typeof v === "string" || typeof v === "number" ? v : null));
    const kind = detectMasterKind(w.name, header, profile);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/** Where the letter sheet names the master sheets it carried (column Y, hidden), so that the next send-back replaces them. */
const CARRIED_COLUMN = 25;
const CARRIED_HEADER = "nesid-account:carried-sheets";

function writeCarriedSheets(letter: ExcelJS.Worksheet, names: readonly string[]): void {
  letter.getColumn(CARRIED_COLUMN).hidden = true;
  letter.getCell(1, CARRIED_COLUMN).value = CARRIED_HEADER;
  names.forEach((n, i) => {
    letter.getCell(i + 2, CARRIED_COLUMN).value = n;
  });
}

function readCarriedSheets(letter: ExcelJS.Worksheet): string[] {
  if (cellText(letter.getCell(1, CARRIED_COLUMN).value as Cell) !== CARRIED_HEADER) return [];
  const names: string[] = [];
  for (let r = 2; r <= letter.rowCount; r++) {
    const v = letter.getCell(r, CARRIED_COLUMN).value;
    if (typeof v === "string" && v !== "") names.push(v);
  }
  return names;
}

/** A cell this tool painted: where, the colour, the fill it had before (JSON, "null" = none) and its value then. */
interface PaintedCell {
  sheet: string;
  address: string;
  argb: string;
  original: string;
  value?: string;
}

/** Each line of our notes starts with one of these; a note's text before the first of them is the institution's own. */
const NOTE_MARKS = ["【要修正】", "【ご確認】"] as const;
const OUR_FILLS: ReadonlySet<string> = new Set([SEND_BACK_COLORS.error, SEND_BACK_COLORS.warning]);
const STATUS_FILLS: ReadonlySet<string> = new Set(Object.values(STATUS_FILL));


function writeMarks(letter: ExcelJS.Worksheet, painted: readonly PaintedCell[]): void {
  const column = letter.getColumn(MARKS_COLUMN);
  column.hidden = true;
  letter.getCell(1, MARKS_COLUMN).value = MARKS_HEADER;
  painted.forEach((p, i) => {
    letter.getCell(i + 2, MARKS_COLUMN).value = JSON.stringify([p.sheet, p.address, p.argb, p.original, p.value ?? ""]);
  });
}

function readMarks(letter: ExcelJS.Worksheet): PaintedCell[] {
  if (cellText(letter.getCell(1, MARKS_COLUMN).value as Cell) !== MARKS_HEADER) return [];
  const marks: PaintedCell[] = [];
  for (let r = 2; r <= letter.rowCount; r++) {
    const value = letter.getCell(r, MARKS_COLUMN).value;
    if (typeof value !== "string") continue;
    try {
      const [sheet, address, argb, original] = JSON.parse(value) as unknown[];
      if ([sheet, address, argb, original].every((x) => typeof x === "string")) marks.push({ sheet, address, argb, original } as PaintedCell);
    } catch {
      // a line edited by hand: that cell is left to the note check below
    }
  }
  return marks;
}

/**
 * Takes off what an earlier annotation put on the sheet, leaving the institution's own notes and fills: our block of
 * each note (from its first 【要修正】/【ご確認】 line), the fills we painted (the cell's own fill put back, when the
 * letter sheet still lists it and the cell still has our colour; otherwise our exact colour on a cell that carried our
 * note), and our status colours in the status column.
 */
function removeOurMarks(ws: ExcelJS.Worksheet, marks: readonly PaintedCell[], statusColumn: string): void {
  const restored = new Set<string>();
  for (const m of [...marks].reverse()) {
    const cell = ws.getCell(m.address);
    if (fillArgb(cell) !== m.argb) continue; // repainted by the institution: theirs now
    restoreFill(cell, m.original);
    restored.add(m.address);
  }
  const status = new RegExp(`^${statusColumn}\\d+$`);
  forEachExistingCell(ws, (cell) => {
    const hadOurNote = stripOurNote(cell);
    if (restored.has(cell.address)) return;
    const argb = fillArgb(cell);
    if (argb === undefined) return;
    if ((hadOurNote && OUR_FILLS.has(argb)) || (status.test(cell.address) && STATUS_FILLS.has(argb))) restoreFill(cell, "null");
  });
}

/**
 * Every cell the sheet already has, empty ones with a note or a fill included, without creating any: exceljs's
 * eachRow/eachCell skip cells without a value, and with includeEmpty they create every missing row and cell.
 */
function forEachExistingCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell) => void): void {
  const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
  for (const row of rows) {
    if (!row) continue;
    const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells ?? [];
    for (const cell of cells) if (cell) visit(cell);
  }
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  if (note === undefined || note === null) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** Where our block starts in a note's text (-1: none of ours). */
function ourNoteStart(text: string): number {
  let start = -1;
  for (const mark of NOTE_MARKS) {
    const at = text.startsWith(mark) ? 0 : text.indexOf(`\n${mark}`);
    if (at >= 0 && (start < 0 || at < start)) start = at;
  }
  return start;
}

/** Removes our block from the cell's note (the whole note when it was all ours); true when there was one. */
function stripOurNote(cell: ExcelJS.Cell): boolean {
  const text = noteText(cell);
  const start = ourNoteStart(text);
  if (start < 0) return false;
  const own = text.slice(0, start);
  if (own.trim() === "") (cell as unknown as { note: undefined }).note = undefined;
  else cell.note = own;
  return true;
}

/** Our note, after the institution's own text when the cell has a note of theirs. */
function writeNote(cell: ExcelJS.Cell, ours: string): void {
  const own = noteText(cell);
  const text = own.trim() === "" ? ours : `${own.replace(/\n+$/, "")}\n${ours}`;
  cell.note = { texts: [{ text }], margins: { insetmode: "auto" }, editAs: "absolute" } as unknown as ExcelJS.Comment;
}

function fillArgb(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

function fillJson(cell: ExcelJS.Cell): string {
  return JSON.stringify(cell.fill ?? null);
}

/** The fill a cell had before we painted it ("null": none), on a new style object. */
function restoreFill(cell: ExcelJS.Cell, original: string): void {
  let fill: ExcelJS.Fill | null = null;
  try {
    fill = JSON.parse(original) as ExcelJS.Fill | null;
  } catch {
    fill = null;
  }
  const style = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/** Fills and notes on the problem cells, one note per cell with all of its findings. */
function markCells(ws: ExcelJS.Worksheet, findings: readonly CellProblem[], paintOn: (cell: ExcelJS.Cell, argb: string) => void): void {
  const byCell = new Map<string, CellProblem[]>();
  for (const f of findings) {
    const key = `${f.place.column}${f.place.row}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  for (const [address, list] of byCell) {
    const cell = ws.getCell(address);
    const hasError = list.some((f) => f.severity === "error");
    paintOn(cell, hasError ? SEND_BACK_COLORS.error : SEND_BACK_COLORS.warning);
    writeNote(cell, list.map((f) => `${f.severity === "error" ? NOTE_MARKS[0] : NOTE_MARKS[1]}${messageOf(f)}${fixNote(f.fix)}`).join("\n"));
  }
}

/** A new style object with the fill: exceljs may share one style object between cells. */
function paint(cell: ExcelJS.Cell, argb: string): void {
  cell.style = { ...cell.style, fill: solid(argb) };
}

function fixNote(fix: string | undefined): string {
  if (fix === undefined) return "";
  return fix === "" ? "\n→ 修正案：空欄にする" : `\n→ 修正案：${fix}`;
}

function reportOf(checker: FormChecker, sheet: string, findings: CellProblem[], options: SendBackOptions): ReportSubmission {
  const profile = checker.ctx.profile;
  const result = checker.result();
  const byRow = findingsByRow(findings);
  const nameCol = columnIndex(profile.fields.name.column);
  const inputs = checker.filledRows().map((r) => checker.rowInput(r)!);
  return {
    id: "",
    fileName: options.fileName,
    sourceSheet: sheet,
    institution: institutionLabel(inputs, profile, checker.ctx.masters).text,
    decision: { status: "差戻し", remark: options.remark ?? "" },
    summary: summarize(result.rows, findings),
    rows: result.rows.map(({ row, status }) => ({
      row,
      name: trimSpaces(cellText((checker.rowInput(row)?.cells[nameCol] ?? null) as Cell)),
      status,
      findings: byRow.get(row) ?? [],
    })),
  };
}

/** The letter in column A, one line per row, after a short guide to the marks (and to the master sheets carried). */
function writeLetter(ws: ExcelJS.Worksheet, letters: readonly string[][], masterSheets: readonly string[]): void {
  ws.getColumn(1).width = 120;
  const lines: { text: string; bold?: boolean; fill?: string }[] = [
    { text: "申請様式の修正のお願い", bold: true },
    { text: "色の付いたセルにメモ（コメント）で内容と修正案を付けています。修正が済んだら、このファイルのまま再提出してください（このシートとメモは残したままで構いません）。" },
    { text: `${CELL_COLOUR_LEGEND}アドイン（申請様式チェック）で開いても同じ色で表示されます。`, fill: SEND_BACK_COLORS.error },
    { text: "No.（A列）の色：青＝完了、橙＝修正が必要な行、赤＝空行（行を削除して上に詰めてください）。", fill: SEND_BACK_COLORS.complete },
    ...(masterSheets.length > 0
      ? [{ text: `シート${masterSheets.map((n) => `「${n}」`).join("")}は照合用のマスタ（該当する分のみ）です。アドインで開くとコードを照合できます。削除・編集しないでください。` }]
      : []),
    { text: "" },
  ];
  letters.forEach((letter, i) => {
    if (i > 0) lines.push({ text: "" });
    for (const l of letter) lines.push({ text: l, bold: l.startsWith("【") });
  });
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line.text;
    cell.numFmt = "@";
    cell.alignment = { wrapText: true, vertical: "top" };
    if (line.bold) cell.font = { bold: true, size: i === 0 ? 14 : 11 };
    if (line.fill) cell.fill = solid(line.fill);
  });
}
