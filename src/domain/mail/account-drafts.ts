import type { AccountMatch } from "../issued/match-accounts";
import { DEFAULT_PROFILE } from "../profile/default-profile";
import type { FormProfile } from "../profile/schema";
import { isValidEmail } from "../values/email";
import { DEFAULT_MAIL_TEMPLATES } from "./default-templates";
import { safeFileStem, uniqueFileNames } from "./draft-file-name";
import { buildEml, type MailMessage } from "./eml";
import type { MailAddress } from "./mail-address";
import { singleLine } from "./plain-text";
import { checkSystemUrl } from "./system-url";
import { checkMailTemplates, placeholdersIn, renderTemplate, type MailTemplate, type MailTemplates, type Placeholder } from "./template";
import { problem, type Problem } from "../problems/problem";

export interface AccountMailOptions {
  /** The system URL entered by the reviewer. */
  url: string;
  /** ID + URL in one mail, the password alone in a second. */
  split?: boolean;
  templates?: MailTemplates;
  /** From header; without it Outlook uses the account that sends the draft. */
  from?: MailAddress;
  /** Labels of account types and 2FA methods. */
  profile?: FormProfile;
}

export type MailPart = "single" | "id" | "password";

/** One .eml draft. Holds the password in its body and bytes: keep it in memory, show it, save it only where the user asks. */
export interface AccountDraft {
  userId: string;
  source: string;
  row: number;
  part: MailPart;
  /** Unique (ignoring case) within one build: <ID>.eml, or <ID>-1-id.eml and <ID>-2-password.eml. */
  fileName: string;
  message: MailMessage;
  eml: Uint8Array;
  /** Subject and body with the password masked (PASSWORD_MASK): what a preview may show and keep. */
  preview: { subject: string; body: string };
}

/** What a preview shows in place of the initial password. */
export const PASSWORD_MASK = "●●●●●●●●";

export interface AccountDrafts {
  drafts: AccountDraft[];
  /** Placed on the application row (place.file = the form, place.row) when about one account; params.userId names it. */
  problems: Problem[];
  templateProblems: Problem[];
}

/** The placeholder values for one matched account. Values are single lines of plain text. */
export function accountMailValues(match: AccountMatch, url: string, profile: FormProfile = DEFAULT_PROFILE): Record<Placeholder, string> {
  const { account, record } = match;
  const orgCode = record.orgType || account.orgType;
  const orgType = profile.orgTypes.find((t) => t.code === orgCode);
  const institutionCode = record.institutionCode || account.institutionCode;
  const institutionName = record.institutionName;
  const tfa = profile.tfaMethods.find((m) => m.code === record.tfaMethod);
  const tfaTarget = tfa ? (tfa.needs === "tfaEmail" ? record.tfaEmail : record.tfaPhone) : "";
  const place = [institutionName, institutionCode && `（${institutionCode}）`].filter(Boolean).join("");
  const values: Record<Placeholder, string> = {
    利用者名: account.name || record.name,
    利用者ID: account.userId,
    初期パスワード: account.password.reveal(),
    URL: url,
    連絡先メールアドレス: record.email,
    所属: [orgType?.label ?? orgCode, place].filter(Boolean).join(" "),
    所属機関分類: orgType?.label ?? "",
    所属機関分類コード: orgCode,
    所属医療機関コード: institutionCode,
    所属医療機関名: institutionName,
    二要素認証: tfa ? (tfaTarget ? `${tfa.label}（${tfaTarget}）` : tfa.label) : "",
    二要素認証手段: tfa?.label ?? "",
    二要素認証先: tfaTarget,
  };
  for (const k of Object.keys(values) as Placeholder[]) values[k] = singleLine(values[k]);
  return values;
}

const PARTS: { split: boolean; part: MailPart; kind: keyof MailTemplates; suffix: string }[] = [
  { split: false, part: "single", kind: "single", suffix: "" },
  { split: true, part: "id", kind: "idMail", suffix: "-1-id" },
  { split: true, part: "password", kind: "passwordMail", suffix: "-2-password" },
];

/** Subject and body of one mail from a template and the values. */
export function renderMail(template: MailTemplate, values: Record<Placeholder, string>): { subject: string; body: string } {
  return { subject: singleLine(renderTemplate(template.subject, values)), body: renderTemplate(template.body, values) };
}

/**
 * The drafts for matched accounts: one per account (two with `split`), To = the application's 連絡先メールアドレス
 * with the user's name. Nothing is built when the URL or a template has an error; an account whose address is
 * not a valid single address gets no draft and a problem instead. Same input → same bytes.
 */
export function buildAccountDrafts(matches: readonly AccountMatch[], options: AccountMailOptions): AccountDrafts {
  const split = options.split === true;
  const templates = options.templates ?? DEFAULT_MAIL_TEMPLATES;
  const profile = options.profile ?? DEFAULT_PROFILE;
  const problems: Problem[] = [];
  const templateProblems = checkMailTemplates(templates, split);
  const url = checkSystemUrl(options.url);
  if (!url.ok) problems.push(url.problem);
  if (options.from && !isValidEmail(options.from.address)) {
    problems.push(problem("draft.from-invalid", { value: singleLine(options.from.address) }));
  }
  if (templateProblems.some((p) => p.severity === "error")) {
    problems.push(problem("draft.template"));
  }
  if (!url.ok || problems.length > 0) return { drafts: [], problems, templateProblems };

  const parts = PARTS.filter((p) => p.split === split);
  const built: Omit<AccountDraft, "fileName">[] = [];
  const stems: string[] = [];
  for (const match of matches) {
    const { account, record } = match;
    const where = { userId: account.userId, source: record.source, row: record.row };
    const values = accountMailValues(match, url.url, profile);
    if (!isValidEmail(record.email)) {
      problems.push(problem("draft.invalid-to", { userId: account.userId, value: singleLine(record.email) }, { file: record.source, row: record.row }));
      continue;
    }
    const to: MailAddress = { address: record.email, name: values.利用者名 };
    for (const p of parts) {
      const message: MailMessage = { to, ...renderMail(templates[p.kind], values) };
      const preview = renderMail(templates[p.kind], { ...values, 初期パスワード: PASSWORD_MASK });
      if (options.from) message.from = options.from;
      const eml = buildEml(message);
      if (!eml.ok) throw new Error(`draft for a checked address could not be built: ${eml.message}`);
      built.push({ ...where, part: p.part, message, eml: eml.bytes, preview });
      stems.push(`${safeFileStem(account.userId)}${p.suffix}.eml`);
    }
    const missing = new Set<string>();
    for (const p of parts) for (const name of placeholdersIn(templates[p.kind].subject + "\n" + templates[p.kind].body)) {
      if (values[name as Placeholder] === "") missing.add(name);
    }
    if (missing.size > 0) {
      problems.push(problem("draft.value-missing", { userId: account.userId, names: [...missing].map((n) => `{${n}}`).join(" ") }, { file: record.source, row: record.row }));
    }
  }
  const names = uniqueFileNames(stems);
  return { drafts: built.map((d, i) => ({ ...d, fileName: names[i] })), problems, templateProblems };
}
