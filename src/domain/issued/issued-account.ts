import type { Secret } from "./secret";

/** The columns of the registration system's output CSV the add-in uses. */
export const ISSUED_FIELDS = ["userId", "password", "name", "email", "orgType", "institutionCode"] as const;
export type IssuedField = (typeof ISSUED_FIELDS)[number];

export const ISSUED_FIELD_LABELS: Record<IssuedField, string> = {
  userId: "利用者ID",
  password: "初期パスワード",
  name: "利用者名",
  email: "連絡先メールアドレス",
  orgType: "所属機関分類コード",
  institutionCode: "所属医療機関/動物診療施設コード",
};

/** The fields without which an issued account cannot be used (one list: detection, mapping checks and the pane read it). */
export const REQUIRED_ISSUED_FIELDS = ["userId", "password"] as const satisfies readonly IssuedField[];
export type RequiredIssuedField = (typeof REQUIRED_ISSUED_FIELDS)[number];

export const isRequiredIssuedField = (field: IssuedField): field is RequiredIssuedField => (REQUIRED_ISSUED_FIELDS as readonly IssuedField[]).includes(field);

/** Which CSV column (0 = first) holds each field. The REQUIRED_ISSUED_FIELDS are required. */
export type IssuedColumnMapping = Record<RequiredIssuedField, number> & Partial<Record<Exclude<IssuedField, RequiredIssuedField>, number>>;

/** One issued account as read from the CSV. Optional columns the CSV lacks are "". */
export interface IssuedAccount {
  /** Row number as a spreadsheet shows the CSV (the header line is row 1). */
  line: number;
  userId: string;
  password: Secret;
  name: string;
  email: string;
  orgType: string;
  institutionCode: string;
}

type P = Record<string, string | number | undefined>;

/**
 * The catalogue of the issued CSV's problems: stable code → severity and Japanese text, like the row findings'.
 * Parameters: who = 「N行目（利用者ID X）」, column = a described column, lines = other rows. Never a password, and
 * never a field of the CSV other than a valid 利用者ID (a shifted row would put the password anywhere else).
 */
export const ISSUED_MESSAGES = {
  "issued.empty-file": { severity: "error", text: () => "発行結果CSVが空です（データがありません）。登録システムから出力したファイルを指定してください。" },
  "issued.no-data": { severity: "error", text: () => "発行結果CSVに見出し行しかありません（発行したアカウントの行がありません）。" },
  "issued.mapping-required": { severity: "error", text: (p: P) => `発行結果CSVの見出しから${p.required}の列を判別できません（${p.labels}）。${p.notes}` },
  "issued.mapping-invalid": { severity: "error", text: (p: P) => String(p.reason) },
  "issued.id-missing": { severity: "error", text: (p: P) => `${p.who}: 利用者IDが空欄です。この行のメールは作成しません。` },
  "issued.id-invalid": { severity: "error", text: (p: P) => `${p.who}: 利用者IDに全角文字・空白・改行などが含まれています。${p.column}が利用者IDの列か確認してください。` },
  "issued.id-duplicate": { severity: "error", text: (p: P) => `${p.who}: 同じ利用者IDが${p.lines}行目にあります。どの初期パスワードが正しいか分からないため、この利用者IDのメールは作成しません。` },
  "issued.password-missing": { severity: "error", text: (p: P) => `${p.who}: 初期パスワードが空欄です。この利用者のメールは作成しません。` },
  "issued.password-invalid": { severity: "error", text: (p: P) => `${p.who}: 初期パスワードに使われない文字（全角文字・空白・改行など）が含まれています。${p.column}が初期パスワードの列か確認してください。` },
  "issued.password-column-suspicious": { severity: "warning", text: (p: P) => `${p.column}の値の多くがパスワードらしくありません（8文字未満またはメールアドレスの形）。初期パスワードの列の指定を確認してください。` },
} as const satisfies Record<string, { severity: "error" | "warning"; text: (p: P) => string }>;

export type IssuedProblemCode = keyof typeof ISSUED_MESSAGES;

/** An issued-CSV problem from the catalogue. */
export function issuedProblemOf(code: IssuedProblemCode, params: P = {}, where: { line?: number; userId?: string } = {}): IssuedProblem {
  const entry = ISSUED_MESSAGES[code];
  const p: IssuedProblem = { severity: entry.severity, code, message: entry.text(params) };
  if (where.line !== undefined) p.line = where.line;
  if (where.userId !== undefined) p.userId = where.userId;
  return p;
}

/** A problem with the CSV or one of its rows. Messages never contain a password. */
export interface IssuedProblem {
  severity: "error" | "warning";
  code: IssuedProblemCode;
  /** CSV row (header = 1); undefined for the file as a whole. */
  line?: number;
  userId?: string;
  message: string;
}
