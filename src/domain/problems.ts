import type { Finding, Severity } from "./findings";
import type { ImportNotice } from "./review/import-submissions";
import type { IssuedProblem } from "./issued/issued-account";
import type { DraftProblem } from "./mail/account-drafts";
import { TEMPLATE_KIND_LABELS, type TemplateKind, type TemplateProblem } from "./mail/template";
import type { MessageParams } from "./messages";

/** Where a problem is, as far as it is known: a file, a sheet of it, a cell (row + column) or a line of a CSV. */
export interface Place {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** A line of a text file (the issued CSV: header = 1). */
  line?: number;
  /** A part of a mail template (e.g. "single.subject"). */
  part?: string;
}

/**
 * One problem shape across the product: row findings, notices about a check (masters not loaded, profile used),
 * the issued CSV's, the templates' and the import's problems. A stable code, a severity, a Japanese message from a
 * catalogue, and a place.
 */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  place: Place;
}

interface NoticeEntry {
  severity: Severity;
  text: (p: MessageParams) => string;
}

const notice = (severity: Severity, text: (p: MessageParams) => string): NoticeEntry => ({ severity, text });

/** The catalogue of notices about a check as a whole (not one cell): code → severity and Japanese text. */
export const NOTICE_MESSAGES = {
  "master.missing": notice("warning", (p) => `${p.master}が読み込まれていないため、${p.what}をマスタと照合していません。`),
  "master.duplicates": notice(
    "warning",
    (p) => `${p.master}（${p.source}）にコードの重複が${p.count}件あります：${p.sample}。${p.resolution}`,
  ),
  // About a workbook or a master as read: said once, not per cell.
  "sheet.hidden": notice("warning", (p) => `非表示のシート「${p.sheet}」（${p.state}）は申請様式の形式ですが、チェック・出力の対象にしていません。対象にする場合は再表示してください。`),
  "rows.hidden": notice("info", (p) => `シート「${p.sheet}」の申請データに非表示の行があります（${p.rows}）。非表示の行もチェック・出力の対象です。`),
  "master.empty": notice("warning", (p) => `${p.label}（${p.source}）には見出し行だけでデータがありません。このマスタとは照合できません。`),
  "master.zero-padded": notice("info", (p) => `${p.label}（${p.source}）のコード${p.count}件が数値として保存され先頭の0が失われていたため、他のコードの桁数（${p.width}桁）に合わせて0を補いました（例：${p.example}）。`),
  "profile.used": notice("info", (p) => `様式プロファイル「${p.name}」（${p.id}）でチェックしました${p.file ? `（${p.file}）` : "（標準）"}。`),
} satisfies Record<string, NoticeEntry>;

export type NoticeCode = keyof typeof NOTICE_MESSAGES;

export function noticeText(code: NoticeCode, params: MessageParams): { severity: Severity; message: string } {
  const entry = NOTICE_MESSAGES[code];
  return { severity: entry.severity, message: entry.text(params) };
}

export function findingProblem(f: Finding, place: Place = {}): Problem {
  return { code: f.code, severity: f.severity, message: f.message, place: { ...place, row: f.row, column: f.column } };
}

export function issuedProblem(p: IssuedProblem, file?: string): Problem {
  const place: Place = {};
  if (file !== undefined) place.file = file;
  if (p.line !== undefined) place.line = p.line;
  return { code: p.code, severity: p.severity, message: p.message, place };
}

export function templateProblem(p: TemplateProblem, file?: string): Problem {
  const place: Place = { part: `${p.kind}.${p.part}` };
  if (file !== undefined) place.file = file;
  return { code: p.code, severity: p.severity, message: p.message, place };
}

export function importProblem(n: ImportNotice): Problem {
  const place: Place = { file: n.fileName };
  if (n.sheet !== undefined) place.sheet = n.sheet;
  return { code: n.code, severity: n.severity, message: n.message, place };
}

export function draftProblem(p: DraftProblem): Problem {
  const place: Place = {};
  if (p.source !== undefined) place.file = p.source;
  if (p.row !== undefined) place.row = p.row;
  return { code: p.code, severity: p.severity, message: p.message, place };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; each kind in the order it was reported. */
export function problemsInOrder(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const PART_WORDS: Record<string, string> = { subject: "件名", body: "本文" };

/** A place as the reader names it: 「a.xlsx」・シート「申請様式」・C14, 「issued.csv」・3行目, 通知メールの件名; "" when unknown. */
export function placeText(place: Place): string {
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(`「${place.file}」`);
  if (place.sheet !== undefined) parts.push(`シート「${place.sheet}」`);
  if (place.row !== undefined) parts.push(place.column !== undefined ? `${place.column}${place.row}` : `${place.row}行目`);
  else if (place.column !== undefined) parts.push(`${place.column}列`);
  if (place.line !== undefined) parts.push(`${place.line}行目`);
  if (place.part !== undefined) {
    const [kind, part] = place.part.split(".");
    const label = TEMPLATE_KIND_LABELS[kind as TemplateKind];
    parts.push(label && PART_WORDS[part] ? `${label}の${PART_WORDS[part]}` : place.part);
  }
  return parts.join("・");
}
