import type { CheckResult } from "../../../domain";

/** Whether the form can go to the 保健所 as it is, in one sentence. Blank AJ is allowed when applying (spec, item 8). */
export function readiness(result: CheckResult): { ready: boolean; text: string } {
  const s = result.summary;
  if (s.rows === 0) return { ready: false, text: "申請する行がまだありません。" };
  if (s.errors > 0 || s.incomplete > 0 || s.gap > 0) {
    const parts = [s.incomplete > 0 ? `未完了 ${s.incomplete}行` : "", s.gap > 0 ? `空行 ${s.gap}行` : ""].filter(Boolean).join("・");
    return { ready: false, text: `提出前に修正が必要です：エラー ${s.errors}件${parts ? `（${parts}）` : ""}` };
  }
  const warn = s.warnings > 0 ? `（警告 ${s.warnings}件は内容を確認してください）` : "";
  return { ready: true, text: `提出できます：全${s.rows}行が完了${warn}` };
}
