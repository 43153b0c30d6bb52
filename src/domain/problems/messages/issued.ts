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
  "issued.columns-option-needed": entry("info", (p) => `--issued-columns ${p.example} で列を指定してください（…には1行目の見出し、列の文字 A・B…、または1から数えた列番号。例: --issued-columns 利用者ID=A,初期パスワード=C）。`),
  "issued.columns-option-malformed": entry("error", (p) => `--issued-columns の「${p.part}」は「項目=列」の形で指定してください（例：初期パスワード=C）。`),
  "issued.columns-option-item-unknown": entry("error", (p) => `--issued-columns の「${p.part}」: 項目「${p.item}」が分かりません（指定できる項目: ${p.items}）。`),
  "issued.columns-option-item-repeated": entry("error", (p) => `--issued-columns の「${p.part}」: 「${p.label}」の列が2回指定されています。`),
  "issued.columns-option-heading-unknown": entry("error", (p) => `--issued-columns の「${p.part}」: 見出し「${p.heading}」の列が発行結果CSVにありません（1行目：${p.labels}）。列の文字（A・B…）か1から数えた列番号でも指定できます。`),
  "issued.columns-option-heading-ambiguous": entry("error", (p) => `--issued-columns の「${p.part}」: 見出し「${p.heading}」の列が複数あります（${p.columns}列）。列の文字で指定してください。`),
  "issued.id-missing": entry("error", (p) => `${p.who}：利用者IDが空欄です。この行のメールは作成しません。`),
  "issued.id-invalid": entry("error", (p) => `${p.who}：利用者IDに全角文字・空白・改行などが含まれています。${p.column}が利用者IDの列か確認してください。`),
  "issued.id-duplicate": entry("error", (p) => `${p.who}：同じ利用者IDが${p.lines}行目にあります。どの初期パスワードが正しいか分からないため、この利用者IDのメールは作成しません。`),
  "issued.password-missing": entry("error", (p) => `${p.who}：初期パスワードが空欄です。この利用者のメールは作成しません。`),
  "issued.password-invalid": entry("error", (p) => `${p.who}：初期パスワードに使われない文字（全角文字・空白・改行など）が含まれています。${p.column}が初期パスワードの列か確認してください。`),
  "issued.password-column-suspicious": entry("warning", (p) => `${p.column}の値の多くがパスワードらしくありません（8文字未満またはメールアドレスの形）。初期パスワードの列の指定を確認してください。`),
} satisfies Record<string, CatalogueEntry>;
