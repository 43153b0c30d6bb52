import { compareCellProblems, type CellProblem } from "../problems/problem";
import { crossSubmissionFindings } from "../rules/cross-submission";
import type { FormChecker, RowStatus } from "../check/form-checker";

/** One checked form: where it came from (for cross-file messages) and its check state. */
export interface CheckedForm {
  /** How other forms' findings name this one (file name, or file:sheet). */
  source: string;
  checker: FormChecker;
  /** false: not compared with the other forms (a submission sent back; see crossSubmissionFindings). */
  compared?: boolean;
}

/** One form's rows and findings once the other forms are taken into account. */
export interface CombinedFormResult {
  rows: { row: number; status: RowStatus }[];
  /** Its own findings plus those across forms, by row then column. */
  findings: CellProblem[];
}

/**
 * Checks several forms together: each form's own findings plus duplicates and shared 2FA across forms.
 * A row that is complete on its own but has a cross-form error becomes incomplete.
 * Used by the CLI (check/export) and the reviewer's pane, so both judge the same rows the same way.
 */
export function combineFormChecks(forms: readonly CheckedForm[]): CombinedFormResult[] {
  const cross = crossSubmissionFindings(forms);
  return forms.map((f, i) => {
    const result = f.checker.result();
    const extra = cross.get(i);
    const findings = extra ? [...result.findings, ...[...extra.values()].flat()].sort(compareCellProblems) : result.findings;
    const rows = result.rows.map(({ row, status }) =>
      status === "complete" && extra?.get(row)?.some((x) => x.severity === "error") ? { row, status: "incomplete" as const } : { row, status },
    );
    return { rows, findings };
  });
}

/** Findings grouped by row. */
export function findingsByRow(findings: readonly CellProblem[]): Map<number, CellProblem[]> {
  const out = new Map<number, CellProblem[]>();
  for (const f of findings) {
    const list = out.get(f.place.row);
    if (list) list.push(f);
    else out.set(f.place.row, [f]);
  }
  return out;
}
