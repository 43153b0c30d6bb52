import type { FormChecker } from "../../domain";
import type { HighlightPlan } from "../../excel/gateway-types";

/**
 * What to colour for the given rows: each row is reset first, then its A cell shows the status (complete / incomplete / gap),
 * the cells with an error (missing required values included) turn pink (要修正) and those with a warning only yellow
 * (ご確認), as in the send-back file and its letter. The status column's own
 * finding (the gap row) is shown by the A colour, not as a yellow cell.
 */
export function highlightPlan(checker: FormChecker, rows: Iterable<number>, statusColumn: string): HighlightPlan {
  const plan: HighlightPlan = { completeRows: [], incompleteRows: [], gapRows: [], resetRows: [], problemCells: [], warningCells: [] };
  const errors = new Set<string>();
  const warnings = new Set<string>();
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  for (const row of sorted) {
    plan.resetRows.push(row);
    const status = checker.status(row);
    if (status === "gap") {
      plan.gapRows.push(row);
      continue;
    }
    if (status === "complete") plan.completeRows.push(row);
    else if (status === "incomplete") plan.incompleteRows.push(row);
    else continue;
    for (const f of checker.rowFindings(row)) {
      if (f.place.column === statusColumn) continue;
      if (f.severity === "error") errors.add(`${f.place.column}${row}`);
      else if (f.severity === "warning") warnings.add(`${f.place.column}${row}`);
    }
  }
  plan.problemCells = [...errors];
  plan.warningCells = [...warnings].filter((c) => !errors.has(c));
  return plan;
}

/** Rows a full plan covers: the whole data area, and the rows highlighted before that are no longer part of it. */
export function fullPlanRows(checker: FormChecker, previouslyHighlightedUpTo: number): number[] {
  const last = Math.max(checker.lastRow, previouslyHighlightedUpTo);
  const rows: number[] = [];
  for (let r = checker.firstDataRow; r <= last; r++) rows.push(r);
  return rows;
}
