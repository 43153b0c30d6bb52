import { cellText, columnIndex, diffForms, problemsInOrder, SEVERITY_ORDER, formDiffText, initialDecision, type CheckedSubmission, type FormProfile, type ReviewDecision } from "../../domain";
import type { SubmissionView } from "./review-state";

export interface SubmissionViewInputs {
  checked: readonly CheckedSubmission[];
  decisions: ReadonlyMap<string, ReviewDecision>;
  profile: FormProfile;
  /** How each submission's sheet came in, this session. */
  how: ReadonlyMap<string, "inserted" | "copied">;
  /** Submissions whose file is in memory (a marked-up copy can be made). */
  withFile: ReadonlySet<string>;
  /** Newer version id → the id of the version before it. */
  previous: ReadonlyMap<string, string>;
}

/** The submissions as the pane lists them: rows with an error first, and in each row its errors before its warnings. */
export function submissionViews(inputs: SubmissionViewInputs): SubmissionView[] {
  const nameCol = columnIndex(inputs.profile.fields.name.column);
  return inputs.checked.map((c) => {
    const byRow = new Map<number, SubmissionView["rows"][number]>();
    for (const f of c.findings) {
      let entry = byRow.get(f.place.row);
      if (!entry) {
        const name = cellText(c.checker.rowInput(f.place.row)?.cells[nameCol] ?? null).trim();
        byRow.set(f.place.row, (entry = { row: f.place.row, name, findings: [] }));
      }
      entry.findings.push(f);
    }
    const rows = [...byRow.values()].map((r) => ({ ...r, findings: problemsInOrder(r.findings) }));
    const worst = (r: (typeof rows)[number]) => Math.min(...r.findings.map((f) => SEVERITY_ORDER[f.severity]));
    rows.sort((a, b) => worst(a) - worst(b) || a.row - b.row);
    const id = c.submission.id;
    return {
      id,
      fileName: c.submission.fileName,
      sourceSheet: c.submission.sourceSheet,
      sheetName: c.submission.sheetName,
      institution: c.submission.institution.text,
      decision: inputs.decisions.get(id) ?? initialDecision(),
      summary: c.summary,
      how: inputs.how.get(id),
      rows,
      comparison: comparison(inputs.checked, c, inputs.previous.get(id)),
      canMarkUp: inputs.withFile.has(id),
    };
  });
}

/** The comparison with the version before (rows matched by person, findings resolved and new). */
function comparison(checked: readonly CheckedSubmission[], c: CheckedSubmission, previousId: string | undefined): SubmissionView["comparison"] {
  const before = previousId === undefined ? undefined : checked.find((x) => x.submission.id === previousId);
  if (!before) return undefined;
  const diff = diffForms(before.checker, c.checker);
  const name = (x: CheckedSubmission) => `${x.submission.id}（${x.submission.fileName}、シート「${x.submission.sourceSheet}」）`;
  return { previousId: before.submission.id, summary: diff.summary, text: formDiffText(diff, name(before), name(c)) };
}
