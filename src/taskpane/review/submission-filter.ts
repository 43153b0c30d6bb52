import type { ReviewStatus } from "../../domain";
import { DECISION_LABEL } from "./review-messages";
import type { SubmissionView } from "./review-state";

/** Which submissions step ① lists: all, one decision, or those whose check found errors. */
export type SubmissionFilter = "all" | ReviewStatus | "errors";

const DECISIONS: readonly ReviewStatus[] = ["受付", "要確認", "差戻し", "承認"];

/** The filters in the order offered, with their labels (受付 as 未判定). */
export const SUBMISSION_FILTERS: readonly [SubmissionFilter, string][] = [
  ["all", "すべて"],
  ...DECISIONS.map((d): [SubmissionFilter, string] => [d, DECISION_LABEL[d]]),
  ["errors", "エラーあり"],
];

export function matchesFilter(s: SubmissionView, filter: SubmissionFilter): boolean {
  if (filter === "all") return true;
  if (filter === "errors") return s.summary.errors > 0;
  return s.decision.status === filter;
}

/** How many submissions each filter lists. */
export function filterCounts(submissions: readonly SubmissionView[]): Record<SubmissionFilter, number> {
  const counts = Object.fromEntries(SUBMISSION_FILTERS.map(([f]) => [f, 0])) as Record<SubmissionFilter, number>;
  for (const s of submissions) for (const [f] of SUBMISSION_FILTERS) if (matchesFilter(s, f)) counts[f]++;
  return counts;
}
