import { entry, type CatalogueEntry } from "../entry";

/** 作業④: the system URL and the sender as entered, and the account mails as drafted. Never a password. */
export const MAIL_MESSAGES = {
  "url.empty": entry("error", () => "システムのURLを入力してください。"),
  "url.invisible-character": entry("error", (p) => `システムのURLに、表示を変える見えない文字（${p.code}）が含まれています。URLを手で入力し直してください。`),
  "url.whitespace": entry("error", () => "システムのURLに空白や改行が含まれています。"),
  "url.malformed": entry("error", (p) => `「${p.value}」はURLとして正しくありません（https:// から入力してください）。`),
  "url.scheme": entry("error", () => "システムのURLは https:// で始めてください（http:// は暗号化されないため使えません）。"),
  "url.no-host": entry("error", () => "システムのURLにホスト名がありません。"),
  "url.credentials": entry("error", () => "システムのURLにユーザー名やパスワードを含めないでください。"),
  "mailbox.line-break": entry("error", () => "メールアドレスに改行は使えません。"),
  "mailbox.invalid": entry("error", (p) => `「${p.value}」は1つのメールアドレス（例：kansen@city.example.lg.jp）として正しくありません。`),
  "mailbox.angle-in-name": entry("error", () => "表示名に < > は使えません。"),
  "draft.from-invalid": entry("error", (p) => `差出人のメールアドレス「${p.value}」が正しくありません。`),
  "draft.template": entry("error", () => "テンプレートにエラーがあるため、メールを作成できません。"),
  "draft.invalid-to": entry(
    "error",
    (p, place) => `利用者ID ${p.userId}：申請様式 ${place.row}行目の連絡先メールアドレス「${p.value || "空欄"}」が1つの正しいアドレスではないため、メールを作成できません。`,
  ),
  "draft.value-missing": entry("warning", (p, place) => `利用者ID ${p.userId}：${p.names} に入れる値がありません（申請様式 ${place.row}行目）。空欄のまま作成しました。`),
} satisfies Record<string, CatalogueEntry>;
