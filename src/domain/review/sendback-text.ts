import { messageOf } from "../problems/problem";
import type { FormProfile } from "../profile/schema";
import type { CheckedSubmission } from "./review-check";
import { institutionReport, type ReportSubmission } from "./review-report";
import type { ReviewDecision } from "./review-record";

/** What a letter carries besides the findings: its date and who sends it (the reviewer's sender block). */
export interface LetterOptions {
  /** The date the letter is dated (written as 2026年12月6日); none: no date line. */
  date?: Date;
  /** The sender block (部署名・担当・連絡先), one or more lines; blank: none. */
  sender?: string;
  /** false: no closing and no sender (a letter followed by another one for the same file). */
  closing?: boolean;
}

/** 2026年12月6日 (the local calendar date). */
export function japaneseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The closing line every letter ends with (before the sender block). */
export const LETTER_CLOSING = "以上、よろしくお願いいたします。";

/**
 * The 差戻し text for one submission: what the reviewer sends back to the institution, in Japanese, listing
 * every error (and the warnings to look at) by row and cell, plus the reviewer's remark; dated, closed and signed
 * with the sender block when given.
 */
export function sendBackText(s: ReportSubmission, options: LetterOptions = {}): string {
  const lines: string[] = [];
  if (options.date) lines.push(japaneseDate(options.date));
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
  if (options.closing === false) return lines.join("\r\n") + "\r\n";
  lines.push("");
  lines.push(LETTER_CLOSING);
  const sender = senderLines(options.sender);
  if (sender.length > 0) {
    lines.push("");
    for (const l of sender) lines.push(l);
  }
  return lines.join("\r\n") + "\r\n";
}

/** The sender block's lines, without blank lines at either end. */
function senderLines(sender: string | undefined): string[] {
  const lines = (sender ?? "").split(/\r\n|\r|\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  return lines;
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
export function sendBackLetter(c: CheckedSubmission, decision: ReviewDecision, profile: FormProfile, options: LetterOptions = {}): string {
  return sendBackText(institutionReport(c, decision, profile), options);
}
