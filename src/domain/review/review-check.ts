import { checkForm } from "../check/check-form";
import { summarize, type FormChecker, type CheckSummary, type RowStatus } from "../check/form-checker";
import { type CellProblem } from "../problems/problem";
import type { MasterSet } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import { combineFormChecks } from "./combined-check";
import { submissionSource, type ReviewSubmission } from "./submission";

export type SubmissionSummary = CheckSummary;

/** One submission after the combined check: every rule of the spec plus what only shows across submissions. */
export interface CheckedSubmission {
  submission: ReviewSubmission;
  checker: FormChecker;
  rows: { row: number; status: RowStatus }[];
  findings: CellProblem[];
  summary: SubmissionSummary;
}

/**
 * Checks all submissions together: each with its own rules and masters (`mastersOf`), then duplicates and shared
 * 2FA across submissions (the same person applying twice for the same institution from two files is an error).
 * Submissions in `sentBack` (差戻し) keep their own findings but are not compared with the others: their rows will not
 * be registered, and the institution's corrected resubmission is not a second application.
 */
export function reviewCheck(
  submissions: readonly ReviewSubmission[],
  profile: FormProfile,
  mastersOf: (s: ReviewSubmission) => MasterSet,
  sentBack: ReadonlySet<string> = new Set(),
): CheckedSubmission[] {
  const checkers = submissions.map((s) => checkForm(s.rows, s.headerRow, s.profile ?? profile, mastersOf(s)));
  const combined = combineFormChecks(submissions.map((s, i) => ({ source: submissionSource(s), checker: checkers[i], compared: !sentBack.has(s.id) })));
  return submissions.map((submission, i) => {
    const { rows, findings } = combined[i];
    const summary = summarize(rows, findings);
    return { submission, checker: checkers[i], rows, findings, summary };
  });
}
