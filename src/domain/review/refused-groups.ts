import type { RefusedRow } from "../csv/registration-csv";
import type { Problem } from "../problems/problem";

/** A submission as the refused list names it: its id, its rows' `source` in the CSV result, its decision. */
export interface RefusedSubmission {
  id: string;
  /** exportSourceOf(submission): how RefusedRow.source names its rows. */
  source: string;
  status: string;
}

/** One row left out, with the cell to select on the submission's sheet (the first reason's column, else A). */
export interface RefusedLine {
  row: number;
  cell: string;
  reasons: Problem[];
}

/**
 * Rows left out, one group per submission and reason: `errors` = rows with errors in an approved submission (they
 * need the reviewer), `other` = approved rows left out for another reason (AJ blank, a gap, a deferred type),
 * `not-approved` = every row of a submission not approved, counted on one line (the decision is the reason).
 */
export interface RefusedGroup {
  kind: "errors" | "other" | "not-approved";
  id: string;
  source: string;
  status: string;
  /** One line: 「S001 山手10医院.xlsx（承認）：エラーのある行 5行」, 「S002（差戻し）：38行」. */
  title: string;
  /** The rows, for `errors` and `other`; empty for `not-approved` (its title counts them). */
  lines: RefusedLine[];
  count: number;
}

const KIND_ORDER: RefusedGroup["kind"][] = ["errors", "other", "not-approved"];

function kindOf(r: RefusedRow): RefusedGroup["kind"] {
  if (r.reasons.some((p) => p.code === "export.not-approved")) return "not-approved";
  return r.reasons.some((p) => p.severity === "error") ? "errors" : "other";
}

function titleOf(kind: RefusedGroup["kind"], s: RefusedSubmission, count: number): string {
  if (kind === "not-approved") return `${s.id}（${s.status}）：${count}行`;
  return `${s.source}（${s.status}）：${kind === "errors" ? "エラーのある行" : "ほかの理由で出力しなかった行"} ${count}行`;
}

/**
 * The refused rows of a registration CSV grouped for the reader: rows with errors in approved submissions first,
 * then the approved rows left out for other reasons, then one line per submission that is not approved. Groups keep
 * the submissions' order; rows keep their order. Every refused row is in exactly one group.
 */
export function groupRefusedRows(refused: readonly RefusedRow[], submissions: readonly RefusedSubmission[]): RefusedGroup[] {
  const bySource = new Map(submissions.map((s) => [s.source, s]));
  const order = new Map(submissions.map((s, i) => [s.source, i]));
  const groups = new Map<string, RefusedGroup>();
  for (const r of refused) {
    const s = bySource.get(r.source) ?? { id: r.source, source: r.source, status: "" };
    const kind = kindOf(r);
    const key = `${kind}\u0000${r.source}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, id: s.id, source: s.source, status: s.status, title: "", lines: [], count: 0 }));
    g.count++;
    if (kind !== "not-approved") g.lines.push({ row: r.row, cell: `${r.reasons.find((p) => p.place.column !== undefined)?.place.column ?? "A"}${r.row}`, reasons: r.reasons });
  }
  const rank = (g: RefusedGroup) => KIND_ORDER.indexOf(g.kind) * 1e6 + (order.get(g.source) ?? 1e5);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b)).map((g) => ({ ...g, title: titleOf(g.kind, g, g.count) }));
}
