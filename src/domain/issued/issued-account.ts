import type { IssuedProblemCode } from "../problems/catalogue";
import type { ProblemParams } from "../problems/entry";
import type { Place } from "../problems/place";
import { problem, type Problem } from "../problems/problem";
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

/** An issued-CSV problem: placed on the CSV line (header = 1) when it is about one row; params.userId only for a valid ID. */
export function issuedProblemOf(code: IssuedProblemCode, params: ProblemParams = {}, where: { line?: number; userId?: string } = {}): Problem {
  const place: Place = where.line === undefined ? {} : { line: where.line };
  return problem(code, where.userId === undefined ? params : { ...params, userId: where.userId }, place);
}
