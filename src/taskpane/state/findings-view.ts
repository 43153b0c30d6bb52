import type { CheckResult, Finding, RowStatus, Severity } from "../../domain";

export type SeverityFilter = "all" | Severity;

export interface RowGroup {
  row: number;
  status: RowStatus | undefined;
  findings: Finding[];
}

export interface FindingsView {
  groups: RowGroup[];
  counts: Record<SeverityFilter, number>;
}

/**
 * Findings grouped by row (rows in sheet order), keeping only those of the chosen severity; rows without a
 * matching finding are left out. Linear in the number of findings.
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
    if (!current || current.row !== f.row) {
      current = { row: f.row, status: status.get(f.row), findings: [] };
      groups.push(current);
    }
    current.findings.push(f);
  }
  return { groups, counts };
}

export const PAGE_SIZE = 50;

export function pageCount(groups: number): number {
  return Math.max(1, Math.ceil(groups / PAGE_SIZE));
}
