import { type ProblemCode } from "../problems/catalogue";
import type { CheckResult } from "./form-checker";

/**
 * Findings that let a row go to the 保健所 but keep it out of the registration CSV for now (blank AJ: the institution is
 * registered in the master first; an account type this window issues later). The applicant is told so in the verdict,
 * so "提出できます" never stands beside a warning that says the row cannot be exported.
 */
export const HELD_FROM_EXPORT: readonly ProblemCode[] = ["institution.blank", "orgType.deferred"];

export interface Readiness {
  ready: boolean;
  text: string;
  /** Rows that can be submitted but are not written to the registration CSV until the named warning is resolved. */
  heldRows: number;
}

/** Whether the form can go to the 保健所 as it is, in one sentence. Blank AJ is allowed when applying (spec, item 8). */
export function formReadiness(result: CheckResult): Readiness {
  const s = result.summary;
  const heldRows = new Set(result.findings.filter((f) => HELD_FROM_EXPORT.includes(f.code)).map((f) => f.place.row)).size;
  if (s.rows === 0) return { ready: false, text: "申請する行がまだありません。", heldRows };
  if (s.errors > 0 || s.incomplete > 0 || s.gap > 0) {
    const parts = [s.incomplete > 0 ? `未完了 ${s.incomplete}行` : "", s.gap > 0 ? `空行 ${s.gap}行` : ""].filter(Boolean).join("・");
    return { ready: false, text: `提出前に修正が必要です：エラー ${s.errors}件${parts ? `（${parts}）` : ""}`, heldRows };
  }
  const warn = s.warnings > 0 ? `（警告 ${s.warnings}件は内容を確認してください）` : "";
  const held = heldRows > 0 ? `。ただし${heldRows}行は警告の点が済むまでアカウントが発行されません（登録用CSVに出力されません）` : "";
  return { ready: true, text: `提出できます：全${s.rows}行が完了${warn}${held}`, heldRows };
}
