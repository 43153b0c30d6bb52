import { cellText } from "../cell";
import { columnIndex } from "../columns";
import { compareCellProblems, cellProblem, type CellProblem } from "../problems/problem";
import { checkRow, type RowResult } from "./check-row";
import type { CheckContext } from "./context";
import { GROUP_RULES, type GroupRule } from "../rules/cross-row";
import type { FormRow } from "./row-state";

export type RowStatus = "complete" | "incomplete" | "gap";

export interface RowOutcome {
  row: number;
  status: RowStatus;
}

export interface CheckSummary {
  rows: number;
  complete: number;
  incomplete: number;
  gap: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  headerRow: number;
  firstDataRow: number;
  /** Last row with data; headerRow when the form is empty. */
  lastRow: number;
  /** Every row of the data area, in order. */
  rows: RowOutcome[];
  /** All findings, by row then column. */
  findings: CellProblem[];
  summary: CheckSummary;
}

interface GroupState {
  rule: GroupRule;
  members: Map<string, number[]>;
  findings: Map<number, CellProblem[]>;
}

/**
 * The form's check state. `reset` checks every row; `update` re-checks only the rows given and what depends
 * on them (their duplicate / shared-2FA groups and the gap rows), and leaves the state exactly as a full
 * check of the same cells would.
 */
export class FormChecker {
  private readonly inputs = new Map<number, FormRow>();
  private readonly results = new Map<number, RowResult>();
  private readonly groups: GroupState[] = GROUP_RULES.map((rule) => ({ rule, members: new Map(), findings: new Map() }));
  private lastFilled: number;
  private cached?: CheckResult;
  /** 要修正 marks of a marked-up workbook's reviewer, by row (see setCarried). */
  private readonly carried = new Map<number, { column: string; value: string }[]>();

  constructor(
    readonly ctx: CheckContext,
    readonly headerRow: number,
  ) {
    this.lastFilled = headerRow;
  }

  get firstDataRow(): number {
    return this.headerRow + 1;
  }

  get lastRow(): number {
    return this.lastFilled;
  }

  reset(rows: readonly FormRow[]): void {
    this.inputs.clear();
    this.results.clear();
    for (const g of this.groups) {
      g.members.clear();
      g.findings.clear();
    }
    this.lastFilled = this.headerRow;
    this.update(rows);
  }

  /** Replaces the given rows (a row whose cells are all blank is cleared). Returns the rows whose outcome may have changed. */
  update(rows: readonly FormRow[]): Set<number> {
    this.cached = undefined;
    const changed = new Set<number>();
    const touched = this.groups.map(() => new Set<string>());
    const previousLast = this.lastFilled;
    let lastRemoved = false;

    for (const input of rows) {
      if (input.row < this.firstDataRow) continue;
      changed.add(input.row);
      const old = this.results.get(input.row);
      if (old) {
        this.leaveGroups(old, touched);
        if (input.row === this.lastFilled) lastRemoved = true;
      }
      const result = checkRow(input, this.ctx);
      if (result.filled) {
        this.inputs.set(input.row, input);
        this.results.set(input.row, result);
        this.joinGroups(result, touched);
        if (input.row > this.lastFilled) this.lastFilled = input.row;
      } else {
        this.inputs.delete(input.row);
        this.results.delete(input.row);
      }
    }

    if (lastRemoved && !this.results.has(this.lastFilled)) {
      let max = this.headerRow;
      for (const r of this.results.keys()) if (r > max) max = r;
      this.lastFilled = max;
    }
    if (this.lastFilled !== previousLast) {
      const lo = Math.min(previousLast, this.lastFilled);
      const hi = Math.max(previousLast, this.lastFilled);
      for (let r = Math.max(lo, this.firstDataRow); r <= hi; r++) if (!this.results.has(r)) changed.add(r);
    }

    this.groups.forEach((g, i) => {
      for (const key of touched[i]) this.judge(g, key, changed);
    });
    return changed;
  }

  /**
   * The reviewer's 要修正 marks of a marked-up workbook (the institution's pane): a marked cell that still holds the
   * value it was marked with, where this check finds no error, is an error `sendBack.still-marked` — this check may
   * lack what the reviewer's had (masters), and it must never say fewer problems than the letter.
   */
  setCarried(marks: readonly { row: number; column: string; value: string }[]): void {
    this.cached = undefined;
    this.carried.clear();
    for (const m of marks) {
      const list = this.carried.get(m.row);
      if (list) list.push(m);
      else this.carried.set(m.row, [{ column: m.column, value: m.value }]);
    }
  }

  /** What a row of the sheet is now; undefined below the data area. */
  status(row: number): RowStatus | undefined {
    if (row < this.firstDataRow || row > this.lastFilled) return undefined;
    if (!this.results.has(row)) return "gap";
    return this.rowFindings(row).some((f) => f.severity === "error") ? "incomplete" : "complete";
  }

  rowFindings(row: number): CellProblem[] {
    const result = this.results.get(row);
    if (!result) {
      return row >= this.firstDataRow && row < this.lastFilled ? [this.gapFinding(row)] : [];
    }
    const cross: CellProblem[] = [];
    for (const g of this.groups) {
      const f = g.findings.get(row);
      if (f) cross.push(...f);
    }
    const marks = this.carried.get(row);
    if (marks) cross.push(...this.stillMarked(row, marks, [...result.findings, ...cross]));
    if (cross.length === 0) return result.findings;
    return [...result.findings, ...cross].sort(compareCellProblems);
  }

  private stillMarked(row: number, marks: readonly { column: string; value: string }[], found: readonly CellProblem[]): CellProblem[] {
    const cells = this.inputs.get(row)?.cells ?? [];
    const out: CellProblem[] = [];
    for (const m of marks) {
      if (found.some((f) => f.severity === "error" && f.place.column === m.column)) continue;
      if (cellText(cells[columnIndex(m.column)] ?? null) !== m.value) continue;
      out.push(cellProblem(row, m.column, "sendBack.still-marked", { value: m.value }));
    }
    return out;
  }

  rowResult(row: number): RowResult | undefined {
    return this.results.get(row);
  }

  rowInput(row: number): FormRow | undefined {
    return this.inputs.get(row);
  }

  /** Filled rows in order. */
  filledRows(): number[] {
    return [...this.results.keys()].sort((a, b) => a - b);
  }

  result(): CheckResult {
    if (this.cached) return this.cached;
    const rows: RowOutcome[] = [];
    const findings: CellProblem[] = [];
    for (let r = this.firstDataRow; r <= this.lastFilled; r++) {
      const rowFindings = this.rowFindings(r);
      const status: RowStatus = !this.results.has(r) ? "gap" : rowFindings.some((f) => f.severity === "error") ? "incomplete" : "complete";
      rows.push({ row: r, status });
      for (const f of rowFindings) findings.push(f);
    }
    this.cached = { headerRow: this.headerRow, firstDataRow: this.firstDataRow, lastRow: this.lastFilled, rows, findings, summary: summarize(rows, findings) };
    return this.cached;
  }

  private gapFinding(row: number): CellProblem {
    return cellProblem(row, this.ctx.profile.sheet.statusColumn, "row.gap");
  }

  private leaveGroups(result: RowResult, touched: Set<string>[]): void {
    this.groups.forEach((g, i) => {
      g.findings.delete(result.row);
      const key = g.rule.key(result);
      if (key === undefined) return;
      const list = g.members.get(key);
      if (!list) return;
      const at = list.indexOf(result.row);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) g.members.delete(key);
      touched[i].add(key);
    });
  }

  private joinGroups(result: RowResult, touched: Set<string>[]): void {
    this.groups.forEach((g, i) => {
      const key = g.rule.key(result);
      if (key === undefined) return;
      const list = g.members.get(key);
      if (!list) g.members.set(key, [result.row]);
      else insertSorted(list, result.row);
      touched[i].add(key);
    });
  }

  private judge(g: GroupState, key: string, changed: Set<number>): void {
    const rows = g.members.get(key);
    if (!rows) return;
    for (const r of rows) {
      if (g.findings.delete(r)) changed.add(r);
    }
    const members = rows.map((r) => this.results.get(r)!);
    const found = g.rule.judge(members, this.ctx.profile.fields.name.column);
    for (const f of found) {
      const list = g.findings.get(f.place.row);
      if (list) list.push(f);
      else g.findings.set(f.place.row, [f]);
      changed.add(f.place.row);
    }
  }
}

/** Row counts by status and finding counts by severity. */
export function summarize(rows: readonly RowOutcome[], findings: readonly CellProblem[]): CheckSummary {
  const summary: CheckSummary = { rows: rows.length, complete: 0, incomplete: 0, gap: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of rows) summary[r.status]++;
  for (const f of findings) {
    if (f.severity === "error") summary.errors++;
    else if (f.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}
