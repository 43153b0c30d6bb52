import { messageOf } from "../problems/problem";
import type { FormProfile } from "../profile/schema";
import type { CheckedSubmission } from "./review-check";
import { institutionReport, type ReportSubmission } from "./review-report";
import type { ReviewDecision } from "./review-record";

/**
 * The 差戻し text for one submission: what the reviewer sends back to the institution, in Japanese, listing
 * every error (and the warnings to look at) by row and cell, plus the reviewer's remark.
 */
export function sendBackText(s: ReportSubmission): string {
  const lines: string[] = [];
  lines.push(`${s.institution} 御中`);
  lines.push("");
  lines.push(`ご提出いただいた「システム利用申請様式」（${s.fileName}、シート「${s.sourceSheet}」）について、次の点をご確認のうえ、修正して再提出してください。`);
  if (s.decision.remark.trim() !== "") {
    lines.push("");
    lines.push("【審査担当より】");
    for (const l of s.decision.remark.split(/\r\n|\r|\n/)) lines.push(l);
  }
  const errorRows = s.rows.filter((r) => r.findings.some((f) => f.severity === "error"));
  const warningRows = s.rows.filter((r) => r.findings.some((f) => f.severity === "warning"));
  lines.push("");
  lines.push("【修正が必要な箇所】");
  if (errorRows.length === 0) lines.push("　なし");
  for (const r of errorRows) {
    lines.push(`・${r.row}行目${r.name ? `（${r.name}）` : ""}`);
    for (const f of r.findings.filter((x) => x.severity === "error")) lines.push(`　　${f.place.column}${f.place.row}：${messageOf(f)}${fixNote(f.fix)}`);
  }
  if (warningRows.length > 0) {
    lines.push("");
    lines.push("【ご確認いただきたい箇所】");
    for (const r of warningRows) {
      lines.push(`・${r.row}行目${r.name ? `（${r.name}）` : ""}`);
      for (const f of r.findings.filter((x) => x.severity === "warning")) lines.push(`　　${f.place.column}${f.place.row}：${messageOf(f)}`);
    }
  }
  return lines.join("\r\n") + "\r\n";
}

function fixNote(fix: string | undefined): string {
  if (fix === undefined) return "";
  return fix === "" ? "（修正案：空欄にする）" : `（修正案：${fix}）`;
}

/**
 * The letter to the institution for one checked submission: sendBackText over its institution-facing report, so the
 * reviewer's instructions and other submissions' names never reach the institution (the marked-up workbook uses the
 * same wording).
 */
export function sendBackLetter(c: CheckedSubmission, decision: ReviewDecision, profile: FormProfile): string {
  return sendBackText(institutionReport(c, decision, profile));
}
