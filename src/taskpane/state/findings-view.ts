import type { CheckResult, CellProblem, RowStatus, Severity } from "../../domain";

export type SeverityFilter = "all" | Severity;

export interface RowGroup {
  row: number;
  status: RowStatus | undefined;
  findings: CellProblem[];
}

export interface FindingsView {
  groups: RowGroup[];
  counts: Record<SeverityFilter, number>;
}

/**
 * Findings grouped by row, keeping only those of the chosen severity; rows without a matching finding are left out.
 * Errors lead: rows with an error come first (in sheet order), then the other rows (in sheet order), and in each row
 * its errors come before its warnings. Linear in the number of findings (plus one stable sort of the groups).
 */
export function groupFindings(result: CheckResult | undefined, filter: SeverityFilter): FindingsView {
  const counts: Record<SeverityFilter, number> = { all: 0, error: 0, warning: 0, info: 0 };
  const groups: RowGroup[] = [];
  if (!result) return { groups, counts };
  const status = new Map<number, RowStatus>();
  for (const o of result.rows) status.set(o.row, o.status);
  let current: RowGroup | undefined;
  for (const f of result.findings) {
    counts.all++;
    counts[f.severity]++;
    if (filter !== "all" && f.severity !== filter) continue;
    if (!current || current.row !== f.place.row) {
      current = { row: f.place.row, status: status.get(f.place.row), findings: [] };
      groups.push(current);
    }
    current.findings.push(f);
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const g of groups) g.findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const hasError = (g: RowGroup) => (g.findings[0]?.severity === "error" ? 0 : 1);
  groups.sort((a, b) => hasError(a) - hasError(b));
  return { groups, counts };
}

export const PAGE_SIZE = 50;

export function pageCount(groups: number): number {
  return Math.max(1, Math.ceil(groups / PAGE_SIZE));
}

/** A finding's identity in the list: its cell and kind, e.g. "D15 email.fullwidth". */
export function findingKey(f: Pick<CellProblem, "place" | "code">): string {
  return `${f.place.column}${f.place.row} ${f.code}`;
}

/**
 * For each finding shown, the one the list shows after it (the one before it for the last): where a one-click fix
 * of that finding leaves its confirmation and the focus, since the fixed finding leaves the list.
 */
export function neighbours(groups: readonly RowGroup[]): Map<string, string | undefined> {
  const keys = groups.flatMap((g) => g.findings.map(findingKey));
  const next = new Map<string, string | undefined>();
  keys.forEach((k, i) => {
    if (!next.has(k)) next.set(k, keys[i + 1] ?? keys[i - 1]);
  });
  return next;
}
