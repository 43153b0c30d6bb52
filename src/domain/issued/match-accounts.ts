import { foldForMatch, nfkc, trimSpaces } from "../text/normalize";
import type { ApplicationRecord } from "./application-record";
import type { IssuedAccount } from "./issued-account";

/** How an issued account was paired with an application row, strongest first. */
export type MatchMethod = "email-name-institution" | "email-name" | "name-institution" | "email-institution" | "manual";

export const MATCH_METHOD_LABELS: Record<MatchMethod, string> = {
  "email-name-institution": "メールアドレス・利用者名・所属機関が一致",
  "email-name": "メールアドレス・利用者名が一致",
  "name-institution": "利用者名・所属機関が一致（メールアドレスは不一致）",
  "email-institution": "メールアドレス・所属機関が一致（利用者名は不一致）",
  manual: "手動で対応付け",
};

export interface AccountMatch {
  account: IssuedAccount;
  record: ApplicationRecord;
  method: MatchMethod;
  /** Where the CSV and the application row disagree, in Japanese (for the reviewer to confirm). */
  differences: string[];
}

export interface AmbiguousAccount {
  account: IssuedAccount;
  /** Rows it could be, best evidence first: the reviewer picks one. */
  candidates: ApplicationRecord[];
}

export interface MatchResult {
  accounts: readonly IssuedAccount[];
  records: readonly ApplicationRecord[];
  /** In CSV order. */
  matches: AccountMatch[];
  /** Accounts that fit several rows (or rows that fit several accounts): never paired by guess. */
  ambiguous: AmbiguousAccount[];
  /** Accounts no application row fits. */
  unmatchedAccounts: IssuedAccount[];
  /** Application rows without an account, in source/row order. */
  unmatchedRecords: ApplicationRecord[];
}

/** E-mail compared without surrounding spaces, width and case. */
export function emailMatchKey(email: string): string {
  return nfkc(trimSpaces(email)).replace(/\s+/g, "").toLowerCase();
}

/** Names compared without spaces, with width, kana and case folded (佐藤　太郎 = 佐藤 太郎 = 佐藤太郎). */
export function nameMatchKey(name: string): string {
  return foldForMatch(trimSpaces(name));
}

/** Codes compared after NFKC and without leading zeros (a spreadsheet may have dropped them: 9 = 09). */
export function codeMatchKey(code: string): string {
  const t = nfkc(trimSpaces(code)).replace(/\s+/g, "");
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : t.toUpperCase();
}

interface Keys {
  email: string;
  name: string;
  orgType: string;
  institution: string;
}

function accountKeys(a: IssuedAccount): Keys {
  return { email: emailMatchKey(a.email), name: nameMatchKey(a.name), orgType: codeMatchKey(a.orgType), institution: codeMatchKey(a.institutionCode) };
}

function recordKeys(r: ApplicationRecord): Keys {
  return { email: emailMatchKey(r.email), name: nameMatchKey(r.name), orgType: codeMatchKey(r.orgType), institution: codeMatchKey(r.institutionCode) };
}

const same = (a: string, b: string) => a !== "" && a === b;
const conflict = (a: string, b: string) => a !== "" && b !== "" && a !== b;

/**
 * The level of evidence between an account and a row, or undefined when they cannot be the same account.
 * Account type or institution that both sides state and that differ rule a pair out: one person has one
 * account per institution, so those rows are different accounts.
 */
function evidence(a: Keys, r: Keys): Exclude<MatchMethod, "manual"> | undefined {
  if (conflict(a.orgType, r.orgType) || conflict(a.institution, r.institution)) return undefined;
  const email = same(a.email, r.email);
  const name = same(a.name, r.name);
  const institution = same(a.institution, r.institution);
  if (email && name) return institution ? "email-name-institution" : "email-name";
  if (name && institution) return "name-institution";
  if (email && institution) return "email-institution";
  return undefined;
}

const LEVELS: Exclude<MatchMethod, "manual">[] = ["email-name-institution", "email-name", "name-institution", "email-institution"];

/** What differs between the CSV row and the application row, for the reviewer. */
/**
 * Which stated fields of a matched pair differ, by label only — for places (the terminal) that must not echo the
 * issued CSV's values: a row with a missing field shifts the next ones, so its 利用者名 may hold the password.
 */
export function differingFieldLabels(account: IssuedAccount, record: ApplicationRecord): string[] {
  const a = accountKeys(account);
  const r = recordKeys(record);
  const out: string[] = [];
  if (account.name !== "" && a.name !== r.name) out.push("利用者名");
  if (account.email !== "" && a.email !== r.email) out.push("メールアドレス");
  if (account.orgType !== "" && a.orgType !== r.orgType) out.push("所属機関分類コード");
  if (account.institutionCode !== "" && a.institution !== r.institution) out.push("所属医療機関/動物診療施設コード");
  return out;
}

export function matchDifferences(account: IssuedAccount, record: ApplicationRecord): string[] {
  const a = accountKeys(account);
  const r = recordKeys(record);
  const out: string[] = [];
  if (account.name !== "" && a.name !== r.name) out.push(`利用者名が異なります（発行結果: ${account.name} ／ 申請様式: ${record.name || "空欄"}）`);
  if (account.email !== "" && a.email !== r.email) out.push(`メールアドレスが異なります（発行結果: ${account.email} ／ 申請様式: ${record.email || "空欄"}）。メールは申請様式のアドレスに作成します`);
  if (account.orgType !== "" && a.orgType !== r.orgType) out.push(`所属機関分類コードが異なります（発行結果: ${account.orgType} ／ 申請様式: ${record.orgType || "空欄"}）`);
  if (account.institutionCode !== "" && a.institution !== r.institution) {
    out.push(`所属医療機関/動物診療施設コードが異なります（発行結果: ${account.institutionCode} ／ 申請様式: ${record.institutionCode || "空欄"}）`);
  }
  if (record.hasErrors) out.push("申請様式のこの行にはエラーがあります（登録用CSVに出力されない状態です）");
  return out;
}

/** Sorts the unpaired rest into ambiguous (some candidate) and unmatched (none). */
function classify(accounts: readonly IssuedAccount[], records: readonly ApplicationRecord[], matches: AccountMatch[]): MatchResult {
  const pairedAccounts = new Set(matches.map((m) => m.account.userId));
  const pairedRecords = new Set(matches.map((m) => m.record.key));
  const freeRecords = records.filter((r) => !pairedRecords.has(r.key));
  const freeKeys = freeRecords.map(recordKeys);
  const ambiguous: AmbiguousAccount[] = [];
  const unmatchedAccounts: IssuedAccount[] = [];
  for (const account of accounts) {
    if (pairedAccounts.has(account.userId)) continue;
    const keys = accountKeys(account);
    const ranked = freeRecords
      .map((record, i) => ({ record, level: evidence(keys, freeKeys[i]) }))
      .filter((c) => c.level !== undefined)
      .sort((x, y) => LEVELS.indexOf(x.level!) - LEVELS.indexOf(y.level!));
    if (ranked.length > 0) ambiguous.push({ account, candidates: ranked.map((c) => c.record) });
    else unmatchedAccounts.push(account);
  }
  const order = new Map(accounts.map((a, i) => [a.userId, i]));
  matches.sort((x, y) => order.get(x.account.userId)! - order.get(y.account.userId)!);
  return { accounts, records, matches, ambiguous, unmatchedAccounts, unmatchedRecords: freeRecords };
}

/**
 * Pairs issued accounts with application rows. Level by level (e-mail + name + institution, e-mail + name,
 * name + institution, e-mail + institution), a pair is made only when the account and the row each have exactly
 * one candidate at that level; whatever stays open is reported as ambiguous or unmatched, never guessed.
 */
export function matchAccounts(accounts: readonly IssuedAccount[], records: readonly ApplicationRecord[]): MatchResult {
  const rKeys = records.map(recordKeys);
  // Every level needs the e-mail or the name to agree: index rows by both so only those pairs are compared.
  const byEmail = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  rKeys.forEach((k, j) => {
    if (k.email !== "") (byEmail.get(k.email) ?? byEmail.set(k.email, []).get(k.email)!).push(j);
    if (k.name !== "") (byName.get(k.name) ?? byName.set(k.name, []).get(k.name)!).push(j);
  });
  const pairs: { i: number; j: number; level: Exclude<MatchMethod, "manual"> }[] = [];
  accounts.forEach((account, i) => {
    const k = accountKeys(account);
    const seen = new Set<number>();
    for (const j of [...(byEmail.get(k.email) ?? []), ...(byName.get(k.name) ?? [])]) {
      if (seen.has(j)) continue;
      seen.add(j);
      const level = evidence(k, rKeys[j]);
      if (level) pairs.push({ i, j, level });
    }
  });

  const pairedA = new Set<number>();
  const pairedR = new Set<number>();
  const matches: AccountMatch[] = [];
  for (let l = 0; l < LEVELS.length; l++) {
    // Candidates at this level or a stronger one: a row that two accounts fit strongly is not given to a third that
    // fits it weakly. Pairing a unique pair frees nothing else (both sides had one candidate), so one pass suffices.
    const open = pairs.filter((p) => LEVELS.indexOf(p.level) <= l && !pairedA.has(p.i) && !pairedR.has(p.j));
    const countA = new Map<number, number>();
    const countR = new Map<number, number>();
    for (const p of open) {
      countA.set(p.i, (countA.get(p.i) ?? 0) + 1);
      countR.set(p.j, (countR.get(p.j) ?? 0) + 1);
    }
    for (const { i, j, level } of open) {
      if (countA.get(i) !== 1 || countR.get(j) !== 1) continue;
      matches.push({ account: accounts[i], record: records[j], method: level, differences: matchDifferences(accounts[i], records[j]) });
      pairedA.add(i);
      pairedR.add(j);
    }
  }
  return classify(accounts, records, matches);
}

/**
 * The reviewer's own pairing: the account and the row leave any pair they were in (the other side of such a
 * pair becomes open again) and are paired with method "manual".
 */
export function pairManually(result: MatchResult, userId: string, recordKey: string): MatchResult {
  const account = result.accounts.find((a) => a.userId === userId);
  const record = result.records.find((r) => r.key === recordKey);
  if (!account) throw new Error(`unknown account ${userId}`);
  if (!record) throw new Error(`unknown application row ${recordKey}`);
  const kept = result.matches.filter((m) => m.account.userId !== userId && m.record.key !== recordKey);
  kept.push({ account, record, method: "manual", differences: matchDifferences(account, record) });
  return classify(result.accounts, result.records, kept);
}
