import type { SubmissionSummary } from "./review-check";
import { REVIEW_STATUSES, type ReviewDecision, type ReviewStatus } from "./review-record";

export interface ReviewProgress {
  /** Submissions per decision; 受付 is the status of a submission nobody has decided yet (未判定). */
  counts: Record<ReviewStatus, number>;
  total: number;
  /** What the reviewer does next, in one sentence. */
  next: string;
  /** The step that sentence names: import / decide (①) / export (②) / follow up the 差戻し and 要確認. */
  nextStep: "import" | "decide" | "export" | "follow-up";
}

/** The reviewer's progress over all submissions: how many are decided how, and the step that comes next. */
export function reviewProgress(decisions: readonly ReviewDecision[]): ReviewProgress {
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const d of decisions) counts[d.status]++;
  const total = decisions.length;
  if (total === 0) return { counts, total, nextStep: "import", next: "次は：機関から届いた申請様式（.xlsx）を取り込みます。" };
  if (counts.受付 > 0) return { counts, total, nextStep: "decide", next: `次は：まだ判定していない${counts.受付}件に判定を付けます（全${total}件）。` };
  // 差戻し are sent from ① (each card's letter and marked-up form), so the sentence names them before ②.
  const sendBack = counts.差戻し > 0 ? `差戻しの${counts.差戻し}件に差戻し文と印を付けた様式を送り、` : "";
  if (counts.承認 > 0) return { counts, total, nextStep: "export", next: `次は：${sendBack}「② 登録用CSV」で承認した${counts.承認}件の行を出力します。` };
  return { counts, total, nextStep: "follow-up", next: `次は：${sendBack}要確認の申請を確かめます（承認した申請はまだありません）。` };
}

/** 承認 of a submission that still has errors is asked first: its error rows will not be in the registration CSV. */
export function approvalNeedsConfirmation(summary: SubmissionSummary): boolean {
  return summary.errors > 0;
}
