import type { TemplateProblemCode } from "../problems/catalogue";
import type { ProblemParams } from "../problems/entry";
import type { TemplateKind } from "../problems/messages/templates";
import { problem, type Problem } from "../problems/problem";
import { nfkc } from "../text/normalize";

/** What a template may insert. Values are plain text: inserted once, never read as a template again. */
export const PLACEHOLDERS = [
  "利用者名",
  "利用者ID",
  "初期パスワード",
  "URL",
  "連絡先メールアドレス",
  "所属",
  "所属機関分類",
  "所属機関分類コード",
  "所属医療機関コード",
  "所属医療機関名",
  "二要素認証",
  "二要素認証手段",
  "二要素認証先",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];


export interface MailTemplate {
  subject: string;
  body: string;
}

/** The single mail, and the two mails of the split option (ID + URL first, the password on its own). */
export interface MailTemplates {
  single: MailTemplate;
  idMail: MailTemplate;
  passwordMail: MailTemplate;
}
export type { TemplateKind } from "../problems/messages/templates";

export type TemplateToken = { text: string } | { placeholder: string; raw: string };

const NAME = /^[^{}\s]{1,40}$/;

/** Splits a template into text and {名前} placeholders. {{ and }} are literal braces; a brace that opens no placeholder is text. */
export function tokenizeTemplate(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if ((ch === "{" || ch === "}") && template[i + 1] === ch) {
      text += ch;
      i += 2;
      continue;
    }
    if (ch === "{") {
      const close = template.indexOf("}", i + 1);
      const name = close < 0 ? "" : template.slice(i + 1, close);
      if (NAME.test(name)) {
        if (text) tokens.push({ text });
        text = "";
        tokens.push({ placeholder: nfkc(name), raw: template.slice(i, close + 1) });
        i = close + 1;
        continue;
      }
    }
    text += ch;
    i++;
  }
  if (text) tokens.push({ text });
  return tokens;
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Placeholder names a template uses (NFKC: {利用者ＩＤ} is {利用者ID}), in order, once each. */
export function placeholdersIn(template: string): string[] {
  const names: string[] = [];
  for (const t of tokenizeTemplate(template)) if ("placeholder" in t && !names.includes(t.placeholder)) names.push(t.placeholder);
  return names;
}

/** Fills the placeholders with plain-text values in one pass; an unknown placeholder stays as written. */
export function renderTemplate(template: string, values: Partial<Record<Placeholder, string>>): string {
  let out = "";
  for (const t of tokenizeTemplate(template)) {
    if ("text" in t) out += t.text;
    else out += isPlaceholder(t.placeholder) ? (values[t.placeholder] ?? "") : t.raw;
  }
  return out;
}

const LIST = PLACEHOLDERS.map((p) => `{${p}}`).join(" ");

/**
 * What is wrong with the templates that will be used (the single one, or the two of the split option):
 * unknown placeholders, a password in a subject, a mail that would not carry what it must, or a split that
 * would put the password next to the ID or URL.
 */
export function checkMailTemplates(templates: MailTemplates, split: boolean): Problem[] {
  const problems: Problem[] = [];
  const kinds: TemplateKind[] = split ? ["idMail", "passwordMail"] : ["single"];
  for (const kind of kinds) {
    const { subject, body } = templates[kind];
    const add = (part: "subject" | "body", code: TemplateProblemCode, params: ProblemParams = {}) => {
      problems.push(problem(code, params, { part: `${kind}.${part}` }));
    };

    if (subject.trim() === "") add("subject", "template.subject-empty");
    if (/[\r\n]/.test(subject)) add("subject", "template.subject-multiline");
    const used = { subject: placeholdersIn(subject), body: placeholdersIn(body) };
    for (const part of ["subject", "body"] as const) {
      for (const name of used[part]) {
        if (!isPlaceholder(name)) {
          add(part, "template.unknown-placeholder", { name, list: LIST });
        }
      }
      const text = part === "subject" ? subject : body;
      for (const m of text.matchAll(/｛([^｛｝\s]{1,40})｝/g)) {
        if (isPlaceholder(nfkc(m[1]))) add(part, "template.fullwidth-braces", { written: m[0], name: nfkc(m[1]) });
      }
    }
    const all = [...used.subject, ...used.body];
    if (used.subject.includes("初期パスワード")) {
      add("subject", "template.password-in-subject");
    }
    if (kind !== "passwordMail" && !used.body.includes("利用者ID")) add("body", "template.missing-id");
    if (kind !== "passwordMail" && !used.body.includes("URL")) add("body", "template.missing-url");
    if (kind !== "idMail" && !used.body.includes("初期パスワード")) add("body", "template.missing-password");
    if (kind === "idMail" && all.includes("初期パスワード")) {
      add("body", "template.password-in-id-mail");
    }
    if (kind === "passwordMail" && (all.includes("利用者ID") || all.includes("URL"))) {
      add("body", "template.login-in-password-mail");
    }
  }
  return problems;
}

const SUBJECT_LINE = /^(?:subject|件名)\s*[:：]\s?(.*)$/i;

export type ParsedTemplateFile = { ok: true; templates: MailTemplate[] } | { ok: false; problem: Problem };

/**
 * A template file: UTF-8 text where a line "Subject: 件名" (or "件名: …") starts a mail and the lines after it,
 * up to the next such line, are its body (one blank line right after the subject is skipped). Lines before the
 * first subject may be blank or comments starting with #. The split option needs two mails in the file.
 */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const templates: MailTemplate[] = [];
  let current: { subject: string; body: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const body = current.body;
    if (body.length > 0 && body[0].trim() === "") body.shift();
    while (body.length > 0 && body[body.length - 1].trim() === "") body.pop();
    templates.push({ subject: current.subject.trim(), body: body.join("\n") });
  };
  for (const [i, line] of lines.entries()) {
    const m = SUBJECT_LINE.exec(line);
    if (m) {
      finish();
      current = { subject: m[1], body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== "" && !line.startsWith("#")) {
      return { ok: false, problem: problem("template.file-preamble", { line: i + 1 }) };
    }
  }
  finish();
  if (templates.length === 0) return { ok: false, problem: problem("template.file-no-subject") };
  return { ok: true, templates };
}
