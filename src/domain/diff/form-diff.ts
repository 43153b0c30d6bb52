import { messageOf, type CellProblem } from "../problems/problem";
import { cellText, isCellError, type Cell } from "../cell";
import { columnIndex, columnLetter } from "../columns";
import type { RowResult } from "../check/check-row";
import type { FormChecker, RowStatus } from "../check/form-checker";
import { FIELD_KEYS } from "../profile/schema";
import { nfkc, trimSpaces } from "../text/normalize";

/** How two rows of two versions were paired, most certain first. */
export type MatchBasis = "person" | "person-type" | "name" | "email";

export interface CellChange {
  column: string;
  label: string;
  old: string;
  new: string;
}

export interface MatchedRow {
  oldRow: number;
  newRow: number;
  name: string;
  basis: MatchBasis;
  oldStatus: RowStatus;
  newStatus: RowStatus;
  changes: CellChange[];
  /** Findings of the old row that the new row no longer has (compared by column and code). */
  resolved: CellProblem[];
  /** Findings of the new row that the old row did not have. */
  appeared: CellProblem[];
  /** Findings both versions have. */
  remaining: CellProblem[];
}

export interface LoneRow {
  row: number;
  name: string;
  status: RowStatus;
  findings: CellProblem[];
}

export interface FormDiff {
  /** Rows of the new version with no counterpart in the old one. */
  added: LoneRow[];
  /** Rows of the old version with no counterpart in the new one. */
  removed: LoneRow[];
  /** Rows found in both versions, in the new version's order (changed or not). */
  matched: MatchedRow[];
  /** Empty rows inside the data area (row.gap), by version. */
  gaps: { old: number[]; new: number[] };
  summary: {
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    resolved: number;
    appeared: number;
    /** Errors the new version still has (its whole check). */
    newErrors: number;
    oldErrors: number;
  };
}

interface Side {
  checker: FormChecker;
  rows: number[];
  results: Map<number, RowResult>;
}

function side(checker: FormChecker): Side {
  const rows = checker.filledRows();
  return { checker, rows, results: new Map(rows.map((r) => [r, checker.rowResult(r)!])) };
}

/** The keys a row can be matched by, per basis (undefined: the row cannot be matched that way). */
function keyOf(s: Side, row: number, basis: MatchBasis): string | undefined {
  const result = s.results.get(row)!;
  switch (basis) {
    case "person":
      return result.duplicateKey;
    case "person-type":
      return result.duplicateKey?.split("\u0001").slice(0, 2).join("\u0001");
    case "name":
      return result.person;
    case "email": {
      const cell = s.checker.rowInput(row)?.cells[s.checker.ctx.fieldIndex.email] ?? null;
      const mail = isCellError(cell) ? "" : nfkc(trimSpaces(cellText(cell))).toLowerCase();
      return mail === "" ? undefined : mail;
    }
  }
}

const BASES: MatchBasis[] = ["person", "person-type", "name", "email"];

/**
 * Two versions of a submission compared row by row, rows paired by person (normalized 利用者名 + E + AJ, or K when AJ
 * is blank — the duplicate-application key), then by name + E, by name, by 連絡先メールアドレス; the looser bases
 * pair only rows that are alone with their key on both sides. Not by row number: rows may move. Pure: two checked
 * forms in, data out.
 */
export function diffForms(oldChecker: FormChecker, newChecker: FormChecker): FormDiff {
  const a = side(oldChecker);
  const b = side(newChecker);
  const pairs = new Map<number, { oldRow: number; basis: MatchBasis }>();
  const usedOld = new Set<number>();
  for (const basis of BASES) {
    const group = (s: Side, used: (r: number) => boolean) => {
      const m = new Map<string, number[]>();
      for (const r of s.rows) {
        if (used(r)) continue;
        const k = keyOf(s, r, basis);
        if (k === undefined) continue;
        const list = m.get(k);
        if (list) list.push(r);
        else m.set(k, [r]);
      }
      return m;
    };
    const olds = group(a, (r) => usedOld.has(r));
    const news = group(b, (r) => pairs.has(r));
    for (const [k, newRows] of news) {
      const oldRows = olds.get(k);
      if (!oldRows) continue;
      // the exact key pairs in order (a person applying twice stays two rows); looser keys only when unambiguous
      if (basis !== "person" && (oldRows.length > 1 || newRows.length > 1)) continue;
      for (let i = 0; i < Math.min(oldRows.length, newRows.length); i++) {
        pairs.set(newRows[i], { oldRow: oldRows[i], basis });
        usedOld.add(oldRows[i]);
      }
    }
  }

  const profile = newChecker.ctx.profile;
  const labels = new Map<number, string>(FIELD_KEYS.map((k) => [columnIndex(profile.fields[k].column), profile.fields[k].label]));
  const nameOf = (s: Side, row: number) => trimSpaces(cellText(s.checker.rowInput(row)?.cells[s.checker.ctx.fieldIndex.name] ?? null));
  const statusOf = (s: Side, row: number) => s.checker.status(row) ?? "incomplete";
  const findingsOf = (s: Side, row: number) => s.checker.rowFindings(row);

  const matched: MatchedRow[] = [];
  const added: LoneRow[] = [];
  for (const row of b.rows) {
    const pair = pairs.get(row);
    if (!pair) {
      added.push({ row, name: nameOf(b, row), status: statusOf(b, row), findings: findingsOf(b, row) });
      continue;
    }
    const oldCells = a.checker.rowInput(pair.oldRow)!.cells;
    const newCells = b.checker.rowInput(row)!.cells;
    const changes: CellChange[] = [];
    for (const i of newChecker.ctx.dataColumns) {
      const before = shown(oldCells[i]);
      const after = shown(newCells[i]);
      if (before !== after) changes.push({ column: columnLetter(i), label: labels.get(i) ?? "（入力不要）", old: before, new: after });
    }
    const oldF = findingsOf(a, pair.oldRow);
    const newF = findingsOf(b, row);
    const key = (f: CellProblem) => `${f.place.column}\u0001${f.code}`;
    const oldKeys = new Set(oldF.map(key));
    const newKeys = new Set(newF.map(key));
    matched.push({
      oldRow: pair.oldRow,
      newRow: row,
      name: nameOf(b, row),
      basis: pair.basis,
      oldStatus: statusOf(a, pair.oldRow),
      newStatus: statusOf(b, row),
      changes,
      resolved: oldF.filter((f) => !newKeys.has(key(f))),
      appeared: newF.filter((f) => !oldKeys.has(key(f))),
      remaining: newF.filter((f) => oldKeys.has(key(f))),
    });
  }
  const removed: LoneRow[] = a.rows
    .filter((r) => !usedOld.has(r))
    .map((row) => ({ row, name: nameOf(a, row), status: statusOf(a, row), findings: findingsOf(a, row) }));

  const gapRows = (c: FormChecker) => c.result().rows.filter((r) => r.status === "gap").map((r) => r.row);
  const errors = (c: FormChecker) => c.result().findings.filter((f) => f.severity === "error").length;
  const changed = matched.filter((m) => m.changes.length > 0).length;
  return {
    added,
    removed,
    matched,
    gaps: { old: gapRows(oldChecker), new: gapRows(newChecker) },
    summary: {
      added: added.length,
      removed: removed.length,
      changed,
      unchanged: matched.length - changed,
      resolved: matched.reduce((n, m) => n + m.resolved.length, 0),
      appeared: matched.reduce((n, m) => n + m.appeared.length, 0) + added.reduce((n, r) => n + r.findings.length, 0),
      newErrors: errors(newChecker),
      oldErrors: errors(oldChecker),
    },
  };
}

/** A cell as compared and shown: its text without surrounding spaces (a number typed as text is the same value). */
function shown(cell: Cell | undefined): string {
  return trimSpaces(cellText(cell ?? null));
}

/** A finding as `diff --json` writes it (row numbers are those of its own version). */
function jsonFinding(f: CellProblem) {
  return { row: f.place.row, column: f.place.column, severity: f.severity, code: f.code, message: messageOf(f) };
}

/** The comparison as plain data for `diff --json`: findings with their sentences. */
export function formDiffJson(diff: FormDiff) {
  const lone = (r: LoneRow) => ({ ...r, findings: r.findings.map(jsonFinding) });
  return {
    added: diff.added.map(lone),
    removed: diff.removed.map(lone),
    matched: diff.matched.map((m) => ({ ...m, resolved: m.resolved.map(jsonFinding), appeared: m.appeared.map(jsonFinding), remaining: m.remaining.map(jsonFinding) })),
    gaps: diff.gaps,
    summary: diff.summary,
  };
}
