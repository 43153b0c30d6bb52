import Papa from "papaparse";
import { columnLetter } from "../columns";
import { decodeText, type DetectedEncoding } from "../csv/encode-text";
import { trimSpaces } from "../text/normalize";
import { isValidEmail } from "../values/email";
import { ISSUED_FIELD_LABELS, REQUIRED_ISSUED_FIELDS, type IssuedAccount, type IssuedColumnMapping, type IssuedProblem } from "./issued-account";
import { describeColumn, detectIssuedColumns, mappingProblems, type IssuedColumnDetection } from "./issued-columns";
import { Secret } from "./secret";

/** The CSV as a table: non-blank records with their row numbers (as a spreadsheet shows them). */
export interface IssuedCsvTable {
  encoding: DetectedEncoding;
  rows: { line: number; cells: string[] }[];
  /** Widest record. */
  width: number;
}

export type ParsedIssuedCsv = { ok: true; table: IssuedCsvTable } | { ok: false; problem: IssuedProblem };

export function encodingLabel(encoding: DetectedEncoding): string {
  return encoding === "cp932" ? "Shift_JIS" : "UTF-8";
}

/** Decodes (Shift_JIS or UTF-8, detected) and splits the CSV into records; an empty file is a problem, not an exception. */
export function parseIssuedCsv(bytes: Uint8Array): ParsedIssuedCsv {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [",", "\t", ";"] });
  const rows: IssuedCsvTable["rows"] = [];
  let width = 0;
  parsed.data.forEach((cells, i) => {
    if (!Array.isArray(cells) || cells.every((c) => trimSpaces(c ?? "") === "")) return;
    rows.push({ line: i + 1, cells });
    width = Math.max(width, cells.length);
  });
  if (rows.length === 0) {
    return { ok: false, problem: { severity: "error", code: "issued.empty-file", message: "発行結果CSVが空です（データがありません）。登録システムから出力したファイルを指定してください。" } };
  }
  return { ok: true, table: { encoding, rows, width } };
}

/** The first record's cells (the header when the CSV has one). */
export function tableHeader(table: IssuedCsvTable): string[] {
  return table.rows[0]?.cells.map((c) => c ?? "") ?? [];
}

export interface IssuedAccountsRead {
  /** Usable accounts in CSV order: rows with errors are left out and each is reported. */
  accounts: IssuedAccount[];
  problems: IssuedProblem[];
}

// Passwords are printable ASCII (a-z A-Z 0-9 and the listed symbols); ¥ is how Japanese Windows shows a backslash.
const PASSWORD_CHARS = /^[\x21-\x7e\u00a5]+$/;
const ID_CHARS = /^[\x21-\x7e]+$/;

function who(line: number, userId?: string): string {
  return userId ? `${line}行目（利用者ID ${userId}）` : `${line}行目`;
}

/**
 * Reads the accounts with a column mapping (detected or chosen by the user). Rows with a blank or malformed
 * 利用者ID / 初期パスワード and every row of an ID that appears twice are reported and left out — never
 * guessed. Problem messages name rows and IDs, never a password.
 */
export function readIssuedAccounts(table: IssuedCsvTable, mapping: Partial<IssuedColumnMapping>, hasHeader = true): IssuedAccountsRead {
  const invalid = mappingProblems(mapping, table.width);
  if (invalid.length > 0) {
    return { accounts: [], problems: invalid.map((message) => ({ severity: "error", code: "issued.mapping-invalid", message })) };
  }
  const m = mapping as IssuedColumnMapping;
  const header = hasHeader ? tableHeader(table) : [];
  const dataRows = hasHeader ? table.rows.slice(1) : table.rows;
  const problems: IssuedProblem[] = [];
  if (dataRows.length === 0) {
    problems.push({ severity: "error", code: "issued.no-data", message: "発行結果CSVに見出し行しかありません（発行したアカウントの行がありません）。" });
    return { accounts: [], problems };
  }
  const value = (cells: string[], column: number | undefined) => (column === undefined ? "" : trimSpaces(cells[column] ?? ""));

  const candidates: IssuedAccount[] = [];
  for (const { line, cells } of dataRows) {
    const userId = value(cells, m.userId);
    const password = value(cells, m.password);
    if (userId === "") {
      problems.push({ severity: "error", code: "issued.id-missing", line, message: `${who(line)}: 利用者IDが空欄です。この行のメールは作成しません。` });
      continue;
    }
    if (!ID_CHARS.test(userId)) {
      problems.push({
        severity: "error",
        code: "issued.id-invalid",
        line,
        message: `${who(line)}: 利用者ID「${userId.replace(/[\x00-\x1f\x7f]/g, "?")}」に全角文字・空白・改行などが含まれています。${describeColumn(m.userId, header[m.userId])}が利用者IDの列か確認してください。`,
      });
      continue;
    }
    if (password === "") {
      problems.push({ severity: "error", code: "issued.password-missing", line, userId, message: `${who(line, userId)}: 初期パスワードが空欄です。この利用者のメールは作成しません。` });
      continue;
    }
    if (!PASSWORD_CHARS.test(password)) {
      problems.push({
        severity: "error",
        code: "issued.password-invalid",
        line,
        userId,
        message: `${who(line, userId)}: 初期パスワードに使われない文字（全角文字・空白・改行など）が含まれています。${describeColumn(m.password, header[m.password])}が初期パスワードの列か確認してください。`,
      });
      continue;
    }
    candidates.push({
      line,
      userId,
      password: new Secret(password),
      name: value(cells, m.name),
      email: value(cells, m.email),
      orgType: value(cells, m.orgType),
      institutionCode: value(cells, m.institutionCode),
    });
  }

  const linesById = new Map<string, number[]>();
  for (const a of candidates) {
    const list = linesById.get(a.userId);
    if (list) list.push(a.line);
    else linesById.set(a.userId, [a.line]);
  }
  const accounts: IssuedAccount[] = [];
  for (const a of candidates) {
    const lines = linesById.get(a.userId)!;
    if (lines.length > 1) {
      problems.push({
        severity: "error",
        code: "issued.id-duplicate",
        line: a.line,
        userId: a.userId,
        message: `${who(a.line, a.userId)}: 同じ利用者IDが${lines.join("・")}行目にあります。どの初期パスワードが正しいか分からないため、この利用者IDのメールは作成しません。`,
      });
      continue;
    }
    accounts.push(a);
  }

  // A whole column of short or e-mail-like values is a column chosen wrongly, not a set of odd passwords.
  const odd = accounts.filter((a) => a.password.length < 8 || isValidEmail(a.password.reveal())).length;
  if (accounts.length > 0 && odd * 2 > accounts.length) {
    problems.push({
      severity: "warning",
      code: "issued.password-column-suspicious",
      message: `${describeColumn(m.password, header[m.password])}の値の多くがパスワードらしくありません（8文字未満またはメールアドレスの形）。初期パスワードの列の指定を確認してください。`,
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { accounts, problems };
}

export type IssuedCsvRead =
  | {
      status: "ok";
      encoding: DetectedEncoding;
      /** The header labels; empty when the first row is data. */
      header: string[];
      detection: IssuedColumnDetection;
      mapping: IssuedColumnMapping;
      hasHeader: boolean;
      accounts: IssuedAccount[];
      problems: IssuedProblem[];
    }
  | {
      status: "needs-mapping";
      encoding: DetectedEncoding;
      /** The header labels; empty when the first row looks like data (the mapping step shows the table instead). */
      header: string[];
      detection: IssuedColumnDetection;
      problems: IssuedProblem[];
    }
  | { status: "unreadable"; problems: IssuedProblem[] };

export interface ReadIssuedOptions {
  /** Columns chosen by the user; replaces detection. */
  mapping?: Partial<IssuedColumnMapping>;
  /** Whether the first row is a header; by default, when detection recognised any label. */
  hasHeader?: boolean;
}

/**
 * Bytes of the registration system's output CSV → accounts. Columns are detected by header unless a mapping
 * is given; when 利用者ID or 初期パスワード cannot be found the result asks for a mapping instead of guessing.
 */
export function readIssuedCsv(bytes: Uint8Array, options: ReadIssuedOptions = {}): IssuedCsvRead {
  const parsed = parseIssuedCsv(bytes);
  if (!parsed.ok) return { status: "unreadable", problems: [parsed.problem] };
  const { table } = parsed;
  const firstRow = tableHeader(table);
  const detection = detectIssuedColumns(firstRow);
  const hasHeader = options.hasHeader ?? detection.hasHeader;
  // A first row that is not a header is data, with a password in it: it is not handed out as "header".
  const header = hasHeader ? firstRow : [];
  if (!options.mapping && detection.confidence === "none") {
    // Without a recognised label the first row may be data (with a password): name the columns, not their values.
    const labels = detection.hasHeader
      ? `1行目: ${firstRow.map((h, i) => `${columnLetter(i)}列「${h}」`).join("、")}`
      : "1行目に見出しがないか、見出しの名前が異なります";
    return {
      status: "needs-mapping",
      encoding: table.encoding,
      header,
      detection,
      problems: [
        {
          severity: "error",
          code: "issued.mapping-required",
          message: `発行結果CSVの見出しから${REQUIRED_ISSUED_FIELDS.map((f) => `「${ISSUED_FIELD_LABELS[f]}」`).join("")}の列を判別できません（${labels}）。${detection.notes.join("")}`,
        },
      ],
    };
  }
  const mapping = (options.mapping ?? detection.mapping) as IssuedColumnMapping;
  const read = readIssuedAccounts(table, mapping, hasHeader);
  return { status: "ok", encoding: table.encoding, header, detection, mapping, hasHeader, accounts: read.accounts, problems: read.problems };
}
