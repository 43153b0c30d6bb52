import { messageOf, type CellProblem } from "../problems/problem";
import type ExcelJS from "exceljs";
import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import { summarize, type FormChecker, type RowStatus } from "../check/form-checker";
import { findingsByRow } from "../review/combined-check";
import { institutionLabel } from "../review/institution-label";
import type { ReportSubmission } from "../review/review-report";
import { sendBackText } from "../review/sendback-text";
import { trimSpaces } from "../text/normalize";
import { loadWorkbookBytes, workbookBytes } from "../workbook/exceljs-module";
import { institutionFindings } from "./institution-findings";

/** The first sheet of a marked-up workbook: what to fix, in the words of the send-back letter. */
export const SEND_BACK_SHEET = "修正のお願い";

export const SEND_BACK_COLORS = {
  error: "FFFFC7CE",
  warning: "FFFFFF00",
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
}

export interface SendBackWorkbook {
  bytes: Uint8Array;
  /** The findings marked (institution-facing), per form sheet. */
  marked: { sheet: string; findings: CellProblem[] }[];
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
  const previous = wb.getWorksheet(SEND_BACK_SHEET);
  if (previous) wb.removeWorksheet(previous.id);

  const letters: string[][] = [];
  const marked: SendBackWorkbook["marked"] = [];
  for (const { sheet, checker } of sheets) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const result = checker.result();
    const findings = institutionFindings(checker, result.findings);
    marked.push({ sheet, findings });
    markCells(ws, findings);
    const status = checker.ctx.profile.sheet.statusColumn;
    for (const r of result.rows) paint(ws.getCell(`${status}${r.row}`), STATUS_FILL[r.status]);
    letters.push(sendBackText(reportOf(checker, sheet, findings, options)).replace(/\r\n$/, "").split("\r\n"));
  }

  const letter = wb.addWorksheet(SEND_BACK_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  const first = Math.min(...wb.worksheets.filter((w) => w !== letter).map((w) => order(w).orderNo));
  order(letter).orderNo = (Number.isFinite(first) ? first : 0) - 1;
  writeLetter(letter, letters);
  for (const w of wb.worksheets) {
    if (w !== letter) for (const v of w.views ?? []) (v as { tabSelected?: boolean }).tabSelected = false;
  }
  const views = wb.views && wb.views.length > 0 ? wb.views : [{ x: 0, y: 0, width: 20000, height: 12000, visibility: "visible" as const }];
  wb.views = views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 }));
  return { bytes: await workbookBytes(wb), marked };
}

/** Fills and notes on the problem cells, one note per cell with all of its findings. */
function markCells(ws: ExcelJS.Worksheet, findings: readonly CellProblem[]): void {
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
    paint(cell, hasError ? SEND_BACK_COLORS.error : SEND_BACK_COLORS.warning);
    const text = list.map((f) => `${f.severity === "error" ? "【要修正】" : "【ご確認】"}${messageOf(f)}${fixNote(f.fix)}`).join("\n");
    cell.note = { texts: [{ text }], margins: { insetmode: "auto" }, editAs: "absolute" } as unknown as ExcelJS.Comment;
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

/** The letter in column A, one line per row, after a short guide to the marks. */
function writeLetter(ws: ExcelJS.Worksheet, letters: readonly string[][]): void {
  ws.getColumn(1).width = 120;
  const lines: { text: string; bold?: boolean; fill?: string }[] = [
    { text: "申請様式の修正のお願い", bold: true },
    { text: "色の付いたセルにメモ（コメント）で内容と修正案を付けています。修正が済んだら、このファイルのまま再提出してください（このシートとメモは残したままで構いません）。" },
    { text: "セルの色：ピンク＝修正が必要、黄＝ご確認ください。", fill: SEND_BACK_COLORS.error },
    { text: "No.（A列）の色：青＝完了、橙＝修正が必要な行、赤＝空行（行を削除して上に詰めてください）。", fill: SEND_BACK_COLORS.complete },
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
