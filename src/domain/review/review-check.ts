import { createCheckContext } from "../check/check-form";
import { FormChecker, type RowStatus } from "../check/form-checker";
import type { Finding } from "../findings";
import type { MasterSet } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import { combineFormChecks } from "./combined-check";
import { submissionSource, type ReviewSubmission } from "./submission";

export interface SubmissionSummary {
  rows: number;
  complete: number;
  incomplete: number;
  gap: number;
  errors: number;
  warnings: number;
}

/** One submission after the combined check: every rule of the spec plus what only shows across submissions. */
export interface CheckedSubmission {
  submission: ReviewSubmission;
  checker: FormChecker;
  rows: { row: number; status: RowStatus }[];
  findings: Finding[];
  summary: SubmissionSummary;
}

/**
 * Checks all submissions together: each with its own rules and masters (`mastersOf`), then duplicates and shared
 * 2FA across submissions (the same person applying twice for the same institution from two files is an error).
 */
export function reviewCheck(
  submissions: readonly ReviewSubmission[],
  profile: FormProfile,
  mastersOf: (s: ReviewSubmission) => MasterSet,
): CheckedSubmission[] {
  const checkers = submissions.map((s) => {
    const checker = new FormChecker(createCheckContext(profile, mastersOf(s)), s.headerRow);
    checker.reset(s.rows);
    return checker;
  });
  const combined = combineFormChecks(submissions.map((s, i) => ({ source: submissionSource(s), checker: checkers[i] })));
  return submissions.map((submission, i) => {
    const { rows, findings } = combined[i];
    const summary: SubmissionSummary = { rows: rows.length, complete: 0, incomplete: 0, gap: 0, errors: 0, warnings: 0 };
    for (const r of rows) summary[r.status]++;
    for (const f of findings) {
      if (f.severity === "error") summary.errors++;
      else if (f.severity === "warning") summary.warnings++;
    }
    return { submission, checker: checkers[i], rows, findings, summary };
  });
}
