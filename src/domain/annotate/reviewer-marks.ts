import { cellText, type Cell } from "../cell";

// Kept apart from send-back-workbook.ts (exceljs, the letter, the masters): the form tab reads a marked-up workbook
// with these at first paint.

/** The first sheet of a marked-up workbook: what to fix, in the words of the send-back letter. */
export const SEND_BACK_SHEET = "修正のお願い";

/**
 * What the cell colours mean, in the letter sheet and in the pane alike (the pane paints the same colours:
 * src/excel/highlights.ts).
 */
export const CELL_COLOUR_LEGEND = "セルの色：ピンク＝要修正（エラー）、黄＝ご確認（警告）。";

/**
 * Where the letter sheet of a marked-up workbook keeps the list of cells it painted (column Z, hidden): so that the
 * next annotation of the returned workbook can put each cell's own fill back, and so that the institution's pane can
 * keep the reviewer's 要修正 marks it cannot verify itself. One cell per line, JSON: sheet, address, colour, the
 * original fill, and (since the letter has it) the value the cell held when it was marked.
 */
export const MARKS_COLUMN = 26;
export const MARKS_HEADER = "nesid-account:painted-cells";

/** The colours of the marks (ARGB), as written by sendBackWorkbook. */
export const MARK_COLORS = { error: "FFFFC7CE", warning: "FFFFFF00" } as const;

/** A cell the reviewer marked, as the institution's pane reads it back. */
export interface ReviewerMark {
  sheet: string;
  row: number;
  column: string;
  severity: "error" | "warning";
  /** The cell's text when it was marked. */
  value: string;
}

/**
 * The reviewer's marks from the letter sheet's values (row 0 = sheet row 1): error and warning cells that carry the
 * value they were marked with (older letters without it give none). A line edited by hand is skipped.
 */
export function reviewerMarks(letterValues: readonly (readonly Cell[])[]): ReviewerMark[] {
  const col = MARKS_COLUMN - 1;
  if (cellText(letterValues[0]?.[col] ?? null) !== MARKS_HEADER) return [];
  const marks: ReviewerMark[] = [];
  for (let r = 1; r < letterValues.length; r++) {
    const text = letterValues[r]?.[col];
    if (typeof text !== "string" || text === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed)) continue;
    const [sheet, address, argb, , value] = parsed as unknown[];
    if (typeof sheet !== "string" || typeof address !== "string" || typeof value !== "string") continue;
    const severity = argb === MARK_COLORS.error ? "error" : argb === MARK_COLORS.warning ? "warning" : undefined;
    const cell = /^([A-Z]{1,3})(\d+)$/.exec(address);
    if (!severity || !cell) continue;
    marks.push({ sheet, row: Number(cell[2]), column: cell[1], severity, value });
  }
  return marks;
}
