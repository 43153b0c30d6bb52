import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import {
  applicationRecords,
  buildAccountDrafts,
  checkMailTemplates,
  checkSystemUrl,
  DEFAULT_MAIL_TEMPLATES,
  describeColumn,
  detectIssuedColumns,
  differingFieldLabels,
  displayText,
  encodingLabel,
  ISSUED_FIELD_LABELS,
  ISSUED_FIELDS,
  issuedColumnsFromOption,
  issuedColumnsOptionHint,
  mappingProblems,
  messageOf,
  parseIssuedCsv,
  placed,
  matchAccounts,
  MATCH_METHOD_LABELS,
  parseMailbox,
  parseTemplateFile,
  readIssuedCsv,
  tableHeader,
  type ApplicationRecord,
  type FormProfile,
  type IssuedAccount,
  type IssuedColumnMapping,
  type MailAddress,
  type MailTemplates,
} from "../../domain";
import { fileErrorText } from "../file-error-text";
import { problemLines } from "../problem-lines";
import { checkFormFile, loadMasterFiles, type CheckedSheet } from "../load-inputs";
import type { Progress } from "../progress";
import { UnreadableFileError } from "../read-workbook";
import { UsageError } from "../usage";

export interface MailArgs {
  forms: string[];
  masters: string[];
  issued?: string;
  url?: string;
  out?: string;
  split: boolean;
  template?: string;
  from?: string;
  /** --issued-columns: 利用者ID=ユーザID,初期パスワード=C (headings, letters or 1-based numbers). */
  issuedColumns?: string;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${file}」を開けません：${fileErrorText(e)}`);
  }
}

/** --template FILE: one mail (Subject: line, then the body), or two with --split (ID + URL, then the password). */
async function loadTemplates(file: string | undefined, split: boolean, warn: (s: string) => void): Promise<MailTemplates> {
  if (!file) return DEFAULT_MAIL_TEMPLATES;
  const bytes = await readBytes(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`テンプレート「${file}」は UTF-8 のテキストではありません。UTF-8 で保存してください。`);
  }
  const parsed = parseTemplateFile(text);
  if (!parsed.ok) throw new UsageError(`テンプレート「${file}」: ${messageOf(parsed.problem)}`);
  const want = split ? 2 : 1;
  if (parsed.templates.length !== want) {
    throw new UsageError(
      split
        ? `テンプレート「${file}」: --split では2通分（1通目: 利用者ID・URL、2通目: 初期パスワード）の「Subject:」が必要です（${parsed.templates.length}通分あります）。`
        : `テンプレート「${file}」: 「Subject:」で始まるメールが${parsed.templates.length}通分あります。1通分にするか、2通に分けて送るときは --split を指定してください。`,
    );
  }
  const templates: MailTemplates = split
    ? { ...DEFAULT_MAIL_TEMPLATES, idMail: parsed.templates[0], passwordMail: parsed.templates[1] }
    : { ...DEFAULT_MAIL_TEMPLATES, single: parsed.templates[0] };
  const problems = checkMailTemplates(templates, split);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new UsageError(`テンプレート「${file}」にエラーがあります:\n  ${errors.map((p) => messageOf(p)).join("\n  ")}`);
  for (const line of problemLines(problems.map((p) => placed(p, { file })), "")) warn(`※ テンプレート「${displayText(file)}」 ${displayText(line)}\n`);
  return templates;
}

/**
 * Writes one draft as a new file: a temporary file created exclusively (never through a link) with mode 0600, then
 * renamed over the draft's name. An existing draft is replaced by a new 0600 file (not rewritten in its old mode), and
 * a symbolic link named like the draft is replaced itself, never followed.
 */
export async function writeDraftFile(dir: string, fileName: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(dir, fileName);
  const temp = path.join(dir, `.${fileName}.${randomBytes(6).toString("hex")}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const file = await open(temp, flags, 0o600);
  try {
    await file.chmod(0o600); // whatever the umask
    await file.writeFile(bytes);
  } catch (e) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await file.close();
  try {
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/**
 * --issued-columns as the issued-CSV reader's options: the columns given (the detected ones for the other items) and
 * whether the first row is a header. A wrong part or a column the CSV lacks is a usage error naming it.
 */
function issuedColumnsOption(spec: string | undefined, bytes: Uint8Array): { mapping?: Partial<IssuedColumnMapping>; hasHeader?: boolean } {
  if (spec === undefined) return {};
  const parsed = parseIssuedCsv(bytes);
  if (!parsed.ok) return {}; // the reader reports the empty file
  const firstRow = tableHeader(parsed.table);
  const detection = detectIssuedColumns(firstRow);
  const choice = issuedColumnsFromOption(spec, firstRow, detection);
  const problems = choice.ok ? mappingProblems(choice.mapping, parsed.table.width) : choice.problems;
  if (problems.length > 0 || !choice.ok) throw new UsageError(`--issued-columns: ${problems.map((p) => messageOf(p)).join("\n  ")}`);
  return { mapping: choice.mapping, hasHeader: detection.hasHeader || choice.namedByHeading };
}

function where(r: ApplicationRecord): string {
  return `${r.source} ${r.row}行目 ${r.name || "（利用者名なし）"}`;
}

/**
 * An issued account on the terminal: its ID and CSV row only. Other fields are never echoed — when a row misses a
 * field the next ones shift, and 「利用者名」 would print the initial password.
 */
function accountLine(a: IssuedAccount): string {
  return `${a.userId}（発行結果CSV ${a.line}行目）`;
}

/**
 * nesid-account mail: matches the issued accounts to the application rows and writes one .eml draft per user
 * (two with --split) into DIR. Prints IDs, rows and names — never a password. Exit 0 when every issued account
 * got its drafts, 1 when some did not (unmatched, ambiguous, bad CSV rows or addresses), 2 for usage or unreadable input.
 */
export async function runMail(args: MailArgs, profile: FormProfile, progress: Progress, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("申請様式を --form FORM.xlsx のように指定してください。");
  if (!args.issued) throw new UsageError("発行結果CSVを --issued issued.csv のように指定してください。");
  if (args.url === undefined) throw new UsageError("システムのURLを --url https://… のように指定してください（URLは一般非公開のため、このツールには含まれていません）。");
  if (!args.out) throw new UsageError("メールの出力先フォルダを --out DIR のように指定してください。");
  const url = checkSystemUrl(args.url);
  if (!url.ok) throw new UsageError(`--url: ${messageOf(url.problem)}`);
  let from: MailAddress | undefined;
  if (args.from !== undefined) {
    const parsed = parseMailbox(args.from);
    if (!parsed.ok) throw new UsageError(`--from: ${messageOf(parsed.problem)}`);
    from = parsed.mailbox;
  }
  const templates = await loadTemplates(args.template, args.split, err);

  const issuedBytes = await readBytes(args.issued);
  const issued = readIssuedCsv(issuedBytes, issuedColumnsOption(args.issuedColumns, issuedBytes));
  if (issued.status !== "ok") {
    const hint = issued.status === "needs-mapping" ? [issuedColumnsOptionHint()] : [];
    throw new UnreadableFileError(`発行結果CSV「${args.issued}」: ${[...issued.problems, ...hint].map((p) => messageOf(p)).join("\n")}`);
  }

  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const form of args.forms) checked.push(...(await checkFormFile(form, profile, masters, progress)));
  const records = checked.flatMap((c) => applicationRecords(`${c.path}:${c.form.sheet}`, c.checker));

  const result = matchAccounts(issued.accounts, records);
  const built = buildAccountDrafts(result.matches, { url: url.url, split: args.split, templates, from, profile });

  try {
    // The drafts hold passwords: readable by the user only (where the file system has such permissions).
    await mkdir(args.out, { recursive: true, mode: 0o700 });
    for (const d of built.drafts) await writeDraftFile(args.out, d.fileName, d.eml);
  } catch (e) {
    throw new UnreadableFileError(`出力先「${args.out}」に書き込めません: ${fileErrorText(e)}`);
  }

  const lines: string[] = [];
  const csvErrors = issued.problems.filter((p) => p.severity === "error");
  const columns = ISSUED_FIELDS.filter((f) => issued.mapping[f] !== undefined)
    .map((f) => `${ISSUED_FIELD_LABELS[f]}=${describeColumn(issued.mapping[f]!, issued.hasHeader ? issued.header[issued.mapping[f]!] : undefined)}`)
    .join("、");
  lines.push(`発行結果CSV: ${args.issued}（${encodingLabel(issued.encoding)}、読み込んだアカウント ${issued.accounts.length}件${csvErrors.length ? `、読み込めなかった行 ${csvErrors.length}件` : ""}）`);
  lines.push(`  列：${columns}`);
  for (const note of issued.detection.notes) lines.push(`  ※ ${note}`);
  if (issued.problems.length > 0) {
    lines.push("発行結果CSVの問題:");
    lines.push(...problemLines(issued.problems.map((p) => placed(p, { file: args.issued }))));
  }
  lines.push(`申請様式: ${checked.map((c) => `${c.path}:${c.form.sheet}`).join("、")}（${records.length}行）`);
  lines.push("");

  lines.push(`対応付けできたアカウント: ${result.matches.length}件`);
  for (const m of result.matches) {
    lines.push(`  ${m.account.userId} → ${where(m.record)}（${MATCH_METHOD_LABELS[m.method]}）`);
    const fields = differingFieldLabels(m.account, m.record);
    if (fields.length > 0) lines.push(`    ※ 発行結果CSVと申請様式で${fields.join("・")}が異なります（発行結果CSV ${m.account.line}行目と申請様式の行を確認してください）`);
    if (m.record.hasErrors) lines.push("    ※ 申請様式のこの行にはエラーがあります（登録用CSVに出力されない状態です）");
  }
  if (result.ambiguous.length > 0) {
    lines.push(`候補が複数あり対応付けできなかったアカウント: ${result.ambiguous.length}件（申請様式の行を確認し、アドインで手動で対応付けてください）`);
    for (const a of result.ambiguous) {
      lines.push(`  ${accountLine(a.account)}`);
      for (const c of a.candidates) lines.push(`    候補: ${where(c)}`);
    }
  }
  if (result.unmatchedAccounts.length > 0) {
    lines.push(`申請様式に見つからないアカウント: ${result.unmatchedAccounts.length}件`);
    for (const a of result.unmatchedAccounts) lines.push(`  ${accountLine(a)}`);
  }
  if (result.unmatchedRecords.length > 0) {
    lines.push(`アカウントが見つからない申請様式の行: ${result.unmatchedRecords.length}件`);
    for (const r of result.unmatchedRecords) lines.push(`  ${where(r)}${r.hasErrors ? "（エラーのある行）" : ""}`);
  }
  lines.push("");

  const draftErrors = built.problems.filter((p) => p.severity === "error");
  const users = new Set(built.drafts.map((d) => d.userId)).size;
  lines.push(
    `メールの下書き: ${built.drafts.length}通（${users}人分${args.split ? "、利用者ID・URLと初期パスワードを別々のメールに分けています" : ""}）を ${args.out} に作成しました。`,
  );
  lines.push(...problemLines(built.problems));
  if (built.drafts.length > 0) {
    lines.push("  .eml ファイルを Outlook で開くと、編集できる下書きとして表示されます。内容を確認してから送信してください。");
    lines.push("  ※ 下書きには初期パスワードが含まれます。送信後はこのフォルダを削除してください。");
  }
  // Values from the files (names, addresses) must not drive the terminal: each line stays one line, control-free.
  out(lines.map(displayText).join("\n") + "\n");

  const incomplete = result.ambiguous.length + result.unmatchedAccounts.length + csvErrors.length + draftErrors.length;
  return incomplete > 0 ? 1 : 0;
}
