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

export type IssuedProblemCode =
  | "issued.empty-file"
  | "issued.no-data"
  | "issued.mapping-required"
  | "issued.mapping-invalid"
  | "issued.id-missing"
  | "issued.id-invalid"
  | "issued.id-duplicate"
  | "issued.password-missing"
  | "issued.password-invalid"
  | "issued.password-column-suspicious";

/** A problem with the CSV or one of its rows. Messages never contain a password. */
export interface IssuedProblem {
  severity: "error" | "warning";
  code: IssuedProblemCode;
  /** CSV row (header = 1); undefined for the file as a whole. */
  line?: number;
  userId?: string;
  message: string;
}
