import { entry, type CatalogueEntry } from "../entry";

/**
 * The issued CSV (作業③の発行結果). who = 「N行目（利用者ID X）」, column = a described column, lines = other rows. Never a
 * password, and never a field of the CSV other than a valid 利用者ID (a shifted row would put the password anywhere else).
 */
export const ISSUED_MESSAGES = {
  "issued.empty-file": entry("error", () => "発行結果CSVが空です（データがありません）。登録システムから出力したファイルを指定してください。"),
  "issued.no-data": entry("error", () => "発行結果CSVに見出し行しかありません（発行したアカウントの行がありません）。"),
  "issued.mapping-required": entry("error", (p) => `発行結果CSVの見出しから${p.required}の列を判別できません（${p.labels}）。${p.notes}`),
  "issued.mapping-unset": entry("error", (p) => `「${p.label}」の列を指定してください。`),
  "issued.mapping-out-of-range": entry("error", (p) => `「${p.label}」に指定した列がCSVにありません（${p.count}列のファイルです）。`),
  "issued.mapping-shared": entry("error", (p) => `${p.column}列が「${p.first}」と「${p.second}」の両方に指定されています。`),
  "issued.id-missing": entry("error", (p) => `${p.who}: 利用者IDが空欄です。この行のメールは作成しません。`),
  "issued.id-invalid": entry("error", (p) => `${p.who}: 利用者IDに全角文字・空白・改行などが含まれています。${p.column}が利用者IDの列か確認してください。`),
  "issued.id-duplicate": entry("error", (p) => `${p.who}: 同じ利用者IDが${p.lines}行目にあります。どの初期パスワードが正しいか分からないため、この利用者IDのメールは作成しません。`),
  "issued.password-missing": entry("error", (p) => `${p.who}: 初期パスワードが空欄です。この利用者のメールは作成しません。`),
  "issued.password-invalid": entry("error", (p) => `${p.who}: 初期パスワードに使われない文字（全角文字・空白・改行など）が含まれています。${p.column}が初期パスワードの列か確認してください。`),
  "issued.password-column-suspicious": entry("warning", (p) => `${p.column}の値の多くがパスワードらしくありません（8文字未満またはメールアドレスの形）。初期パスワードの列の指定を確認してください。`),
} satisfies Record<string, CatalogueEntry>;
