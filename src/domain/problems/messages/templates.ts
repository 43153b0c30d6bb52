import { entry, type CatalogueEntry } from "../entry";
import type { Place } from "../place";

/** The mails a template makes, as the reviewer reads them. */
export const TEMPLATE_KIND_LABELS = {
  single: "通知メール",
  idMail: "1通目（利用者ID・URL）",
  passwordMail: "2通目（初期パスワード）",
} as const;

export type TemplateKind = keyof typeof TEMPLATE_KIND_LABELS;

const PART_WORDS: Readonly<Record<string, string>> = { subject: "件名", body: "本文" };

/** 「通知メールの件名」 for place.part "single.subject"; the part as written when it is not a template's. */
export function templatePartText(part: string): string {
  const [kind, word] = part.split(".");
  const label = (TEMPLATE_KIND_LABELS as Record<string, string>)[kind];
  return label && PART_WORDS[word] ? `${label}の${PART_WORDS[word]}` : part;
}

const partOf = (place: Place): string => (place.part === undefined ? "" : `${templatePartText(place.part)}：`);

/** A mail template: place.part names the mail and its subject or body. */
export const TEMPLATE_MESSAGES = {
  "template.subject-empty": entry("error", (_p, place) => partOf(place) + "件名が空です。"),
  "template.subject-multiline": entry("error", (_p, place) => partOf(place) + "件名に改行は使えません。1行で入力してください。"),
  "template.unknown-placeholder": entry("error", (p, place) => partOf(place) + `不明な差し込み項目 {${p.name}} があります。使える項目: ${p.list}（文字として { } を書くときは {{ }} と書きます）`,
  ),
  "template.fullwidth-braces": entry("warning", (p, place) => partOf(place) + `${p.written} は全角の括弧のため差し込まれません。半角の {${p.name}} にしてください。`),
  "template.password-in-subject": entry("error", (_p, place) => partOf(place) + "件名に {初期パスワード} は入れられません（件名は通知や一覧に表示されます）。"),
  "template.missing-id": entry("error", (_p, place) => partOf(place) + "本文に {利用者ID} がありません。"),
  "template.missing-password": entry("error", (_p, place) => partOf(place) + "本文に {初期パスワード} がありません。"),
  "template.missing-url": entry("warning", (_p, place) => partOf(place) + "本文に {URL} がありません。システムのURLが届きません。"),
  "template.password-in-id-mail": entry("error", (_p, place) => partOf(place) + "分けて送る場合、1通目に {初期パスワード} は入れられません。"),
  "template.login-in-password-mail": entry("error", (_p, place) => partOf(place) + "分けて送る場合、2通目（初期パスワード）に {利用者ID} や {URL} は入れられません。"),
  "template.file-preamble": entry("error", (p) => `テンプレートの${p.line}行目：最初のメールは「Subject: 件名」の行で始めてください（その前には空行と # で始まる注記だけを書けます）。`),
  "template.file-no-subject": entry("error", () => "テンプレートに「Subject: 件名」の行がありません。"),
} satisfies Record<string, CatalogueEntry>;
