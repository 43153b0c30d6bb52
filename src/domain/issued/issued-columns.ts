import { problem, type Problem } from "../problems/problem";
import { columnLetter } from "../columns";
import { nfkc } from "../text/normalize";
import { ISSUED_FIELD_LABELS, ISSUED_FIELDS, isRequiredIssuedField, REQUIRED_ISSUED_FIELDS, type IssuedColumnMapping, type IssuedField } from "./issued-account";

/**
 * Header labels that name each column, compared after NFKC, without spaces and in lower case. The first
 * label is the one the registration system writes; the others are what people or other exports call it.
 */
export const ISSUED_HEADER_ALIASES: Record<IssuedField, readonly string[]> = {
  userId: ["利用者ID", "ユーザID", "ユーザーID", "ログインID", "アカウントID", "利用者コード", "ID", "userid", "user_id", "loginid", "login_id", "accountid"],
  password: ["初期パスワード", "パスワード", "仮パスワード", "初期PW", "PW", "password", "initialpassword", "initial_password"],
  name: ["利用者名", "氏名", "名前", "利用者氏名", "ユーザ名", "ユーザー名", "name", "username", "user_name"],
  email: ["連絡先メールアドレス", "メールアドレス", "Eメール", "E-mail", "email", "mail", "mailaddress"],
  orgType: ["所属機関分類コード", "所属機関分類", "機関分類コード", "機関分類"],
  institutionCode: [
    "所属医療機関/動物診療施設コード",
    "所属医療機関・動物診療施設コード",
    "所属医療機関コード",
    "医療機関コード",
    "動物診療施設コード",
    "所属機関コード",
    "施設コード",
  ],
};

/** Words that make a header another field even when it contains an alias (二要素認証用メールアドレス is not the contact address). */
const EXCLUDED_IN_PARTIAL: Record<IssuedField, readonly string[]> = {
  userId: ["パスワード", "password"],
  password: ["変更", "有効期限", "期限", "日時", "日付"],
  name: ["機関", "施設", "カナ", "かな"],
  email: ["二要素", "認証"],
  orgType: [],
  institutionCode: ["分類"],
};

export type ColumnMatch = "exact" | "partial";

export interface DetectedColumn {
  column: number;
  header: string;
  how: ColumnMatch;
}

export interface IssuedColumnDetection {
  /** Best guess per field; userId/password may be missing. */
  mapping: Partial<IssuedColumnMapping>;
  columns: Partial<Record<IssuedField, DetectedColumn>>;
  /**
   * sure: 利用者ID and 初期パスワード each named exactly by one column. unsure: found, but by a partial label or
   * with competing columns — show the mapping step. none: a required column was not found.
   */
  confidence: "sure" | "unsure" | "none";
  /** The first row holds column labels (at least one alias matched). */
  hasHeader: boolean;
  /** Why the detection is not sure, in Japanese. */
  notes: string[];
}

export function headerKey(label: string): string {
  return nfkc(label).replace(/[\s\u3000]+/g, "").toLowerCase();
}

const ALIAS_KEYS: Record<IssuedField, string[]> = Object.fromEntries(
  ISSUED_FIELDS.map((f) => [f, ISSUED_HEADER_ALIASES[f].map(headerKey)]),
) as Record<IssuedField, string[]>;

function partialMatches(key: string, field: IssuedField): boolean {
  if (EXCLUDED_IN_PARTIAL[field].some((w) => key.includes(headerKey(w)))) return false;
  // ASCII aliases ("id", "pw", "mail") only count as whole labels: "paid" or "mailstatus" are not them.
  return ALIAS_KEYS[field].some((alias) => /[^\x00-\x7f]/.test(alias) && key.includes(alias));
}

/** Column label for messages: 「B列（利用者ID）」. */
export function describeColumn(column: number, header?: string): string {
  const h = header?.trim();
  return h ? `${columnLetter(column)}列「${h}」` : `${columnLetter(column)}列`;
}

/**
 * Finds the columns by their header labels. Exact alias matches win over labels that merely contain an alias;
 * a column is given to one field only, required fields first.
 */
export function detectIssuedColumns(header: readonly string[]): IssuedColumnDetection {
  const keys = header.map((h) => headerKey(h ?? ""));
  const columns: Partial<Record<IssuedField, DetectedColumn>> = {};
  const notes: string[] = [];
  const taken = new Set<number>();
  let anyMatch = false;
  let unsure = false;

  for (const field of ISSUED_FIELDS) {
    const exact: number[] = [];
    const partial: number[] = [];
    keys.forEach((k, i) => {
      if (k === "") return;
      if (ALIAS_KEYS[field].includes(k)) exact.push(i);
      else if (partialMatches(k, field)) partial.push(i);
    });
    const exactFree = exact.filter((i) => !taken.has(i));
    const partialFree = partial.filter((i) => !taken.has(i));
    // Among exact matches, the earlier alias is the more specific label (連絡先メールアドレス before メール).
    exactFree.sort((a, b) => ALIAS_KEYS[field].indexOf(keys[a]) - ALIAS_KEYS[field].indexOf(keys[b]) || a - b);
    const pick = exactFree[0] ?? partialFree[0];
    if (pick === undefined) continue;
    anyMatch = true;
    const how: ColumnMatch = exactFree.length > 0 ? "exact" : "partial";
    columns[field] = { column: pick, header: header[pick], how };
    taken.add(pick);
    const rivals = [...exactFree, ...partialFree].filter((i) => i !== pick && (how === "partial" || exactFree.includes(i)));
    const label = ISSUED_FIELD_LABELS[field];
    if (rivals.length > 0) {
      unsure = true;
      notes.push(`「${label}」に当たる列が複数あります（${[pick, ...rivals].map((i) => describeColumn(i, header[i])).join("、")}）。${describeColumn(pick, header[pick])}を使います。`);
    } else if (how === "partial") {
      if (isRequiredIssuedField(field)) unsure = true;
      notes.push(`${describeColumn(pick, header[pick])}を「${label}」の列と判断しました。`);
    }
  }

  const mapping: Partial<IssuedColumnMapping> = {};
  for (const field of ISSUED_FIELDS) {
    const c = columns[field];
    if (c) mapping[field] = c.column;
  }
  const missing = REQUIRED_ISSUED_FIELDS.filter((f) => columns[f] === undefined);
  for (const f of missing) notes.push(`「${ISSUED_FIELD_LABELS[f]}」の列が見出しから判別できません。列を指定してください。`);
  const confidence = missing.length > 0 ? "none" : unsure ? "unsure" : "sure";
  return { mapping, columns, confidence, hasHeader: anyMatch, notes };
}

/** Problems with a mapping chosen by hand (or detected), in Japanese; empty when it can be used. */
export function mappingProblems(mapping: Partial<IssuedColumnMapping>, columnCount: number): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, IssuedField>();
  for (const field of ISSUED_FIELDS) {
    const c = mapping[field];
    const label = ISSUED_FIELD_LABELS[field];
    if (c === undefined) {
      if (isRequiredIssuedField(field)) problems.push(problem("issued.mapping-unset", { label }));
      continue;
    }
    if (!Number.isInteger(c) || c < 0 || c >= columnCount) {
      problems.push(problem("issued.mapping-out-of-range", { label, count: columnCount }));
      continue;
    }
    const other = seen.get(c);
    if (other) problems.push(problem("issued.mapping-shared", { column: columnLetter(c), first: ISSUED_FIELD_LABELS[other], second: label }));
    seen.set(c, field);
  }
  return problems;
}
