import Papa from "papaparse";
import { columnLetter } from "../columns";
import { decodeText, type DetectedEncoding } from "../csv/encode-text";
import { trimSpaces } from "../text/normalize";
import { isValidEmail } from "../values/email";
import { ISSUED_FIELD_LABELS, issuedProblemOf, REQUIRED_ISSUED_FIELDS, type IssuedAccount, type IssuedColumnMapping } from "./issued-account";
import type { Problem } from "../problems/problem";
import { describeColumn, detectIssuedColumns, mappingProblems, type IssuedColumnDetection } from "./issued-columns";
import { Secret } from "./secret";

/** The CSV as a table: non-blank records with their row numbers (as a spreadsheet shows them). */
export interface IssuedCsvTable {
  encoding: DetectedEncoding;
  rows: { line: number; cells: string[] }[];
  /** Widest record. */
  width: number;
}

export type ParsedIssuedCsv = { ok: true; table: IssuedCsvTable } | { ok: false; problem: Problem };

export function encodingLabel(encoding: DetectedEncoding): string {
  return encoding === "cp932" ? "Shift_JIS" : encoding === "utf8" ? "UTF-8" : "UTF-16";
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
    return { ok: false, problem: issuedProblemOf("issued.empty-file") };
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
  problems: Problem[];
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
    return { accounts: [], problems: invalid };
  }
  const m = mapping as IssuedColumnMapping;
  const header = hasHeader ? tableHeader(table) : [];
  const dataRows = hasHeader ? table.rows.slice(1) : table.rows;
  const problems: Problem[] = [];
  if (dataRows.length === 0) {
    problems.push(issuedProblemOf("issued.no-data"));
    return { accounts: [], problems };
  }
  const value = (cells: string[], column: number | undefined) => (column === undefined ? "" : trimSpaces(cells[column] ?? ""));

  const candidates: IssuedAccount[] = [];
  for (const { line, cells } of dataRows) {
    const userId = value(cells, m.userId);
    const password = value(cells, m.password);
    if (userId === "") {
      problems.push(issuedProblemOf("issued.id-missing", { who: who(line) }, { line }));
      continue;
    }
    if (!ID_CHARS.test(userId)) {
      // The invalid value itself is not echoed: with a wrongly chosen column it may be a password.
      problems.push(issuedProblemOf("issued.id-invalid", { who: who(line), column: describeColumn(m.userId, header[m.userId]) }, { line }));
      continue;
    }
    if (password === "") {
      problems.push(issuedProblemOf("issued.password-missing", { who: who(line, userId) }, { line, userId }));
      continue;
    }
    if (!PASSWORD_CHARS.test(password)) {
      problems.push(issuedProblemOf("issued.password-invalid", { who: who(line, userId), column: describeColumn(m.password, header[m.password]) }, { line, userId }));
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
      problems.push(issuedProblemOf("issued.id-duplicate", { who: who(a.line, a.userId), lines: lines.join("・") }, { line: a.line, userId: a.userId }));
      continue;
    }
    accounts.push(a);
  }

  // A whole column of short or e-mail-like values is a column chosen wrongly, not a set of odd passwords.
  const odd = accounts.filter((a) => a.password.length < 8 || isValidEmail(a.password.reveal())).length;
  if (accounts.length > 0 && odd * 2 > accounts.length) {
    problems.push(issuedProblemOf("issued.password-column-suspicious", { column: describeColumn(m.password, header[m.password]) }));
  }
  problems.sort((a, b) => (a.place.line ?? 0) - (b.place.line ?? 0));
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
      problems: Problem[];
    }
  | {
      status: "needs-mapping";
      encoding: DetectedEncoding;
      /** The header labels; empty when the first row looks like data (the mapping step shows the table instead). */
      header: string[];
      detection: IssuedColumnDetection;
      problems: Problem[];
    }
  | { status: "unreadable"; problems: Problem[] };

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
      ? `1行目：${firstRow.map((h, i) => `${columnLetter(i)}列「${h}」`).join("、")}`
      : "1行目に見出しがないか、見出しの名前が異なります";
    return {
      status: "needs-mapping",
      encoding: table.encoding,
      header,
      detection,
      problems: [
        issuedProblemOf("issued.mapping-required", {
          required: REQUIRED_ISSUED_FIELDS.map((f) => `「${ISSUED_FIELD_LABELS[f]}」`).join(""),
          labels,
          notes: detection.notes.join(""),
        }),
      ],
    };
  }
  const mapping = (options.mapping ?? detection.mapping) as IssuedColumnMapping;
  const read = readIssuedAccounts(table, mapping, hasHeader);
  return { status: "ok", encoding: table.encoding, header, detection, mapping, hasHeader, accounts: read.accounts, problems: read.problems };
}
