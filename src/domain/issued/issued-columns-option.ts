import { columnIndex, columnLetter } from "../columns";
import { problem, type Problem } from "../problems/problem";
import { nfkc } from "../text/normalize";
import { ISSUED_FIELD_LABELS, ISSUED_FIELDS, REQUIRED_ISSUED_FIELDS, type IssuedColumnMapping, type IssuedField } from "./issued-account";
import { headerKey, ISSUED_HEADER_ALIASES, type IssuedColumnDetection } from "./issued-columns";

/** The items a column can be given for, by any of their names: 利用者ID, its header aliases (ユーザID, ID…), userId. */
const ITEM_KEYS: Map<string, IssuedField> = (() => {
  const keys = new Map<string, IssuedField>();
  for (const field of ISSUED_FIELDS) {
    for (const name of [ISSUED_FIELD_LABELS[field], field, ...ISSUED_HEADER_ALIASES[field]]) {
      const key = headerKey(name);
      if (!keys.has(key)) keys.set(key, field);
    }
  }
  return keys;
})();

export type IssuedColumnsChoice =
  | {
      ok: true;
      /** The columns given, with the detected ones for the items not given (unless their column was given to another item). */
      mapping: Partial<IssuedColumnMapping>;
      /** A column was named by a heading of the first row: it is a header. */
      namedByHeading: boolean;
    }
  | { ok: false; problems: Problem[] };

/**
 * The issued CSV's columns as the user gives them (the CLI's --issued-columns): `利用者ID=ユーザID,初期パスワード=PW`,
 * each item named by its label (or a header alias), each column by a heading of the first row, a column letter (C)
 * or a number counted from 1. A heading wins over letters (「PW」 is a heading before it is column PW). Problems name
 * the part that is wrong; mappingProblems then checks the columns against the CSV (out of range, shared, unset).
 */
export function issuedColumnsFromOption(spec: string, firstRow: readonly string[], detection: IssuedColumnDetection): IssuedColumnsChoice {
  const problems: Problem[] = [];
  const given: Partial<Record<IssuedField, number>> = {};
  let namedByHeading = false;
  const headingKeys = firstRow.map((h) => headerKey(h ?? ""));
  const items = ISSUED_FIELDS.map((f) => `「${ISSUED_FIELD_LABELS[f]}」`).join("");
  // The first row is named only when it was recognised as a header: a first row of data holds a password.
  const labels = detection.hasHeader ? firstRow.map((h, i) => `${columnLetter(i)}列「${h}」`).join("、") : "見出しとして認識できる名前がありません";
  for (const raw of spec.split(/[,、，]/)) {
    const part = raw.trim();
    if (part === "") continue;
    const eq = part.search(/[=＝]/);
    const item = eq < 0 ? "" : part.slice(0, eq).trim();
    const column = eq < 0 ? "" : part.slice(eq + 1).trim();
    if (item === "" || column === "") {
      problems.push(problem("issued.columns-option-malformed", { part }));
      continue;
    }
    const field = ITEM_KEYS.get(headerKey(item));
    if (!field) {
      problems.push(problem("issued.columns-option-item-unknown", { part, item, items }));
      continue;
    }
    if (given[field] !== undefined) {
      problems.push(problem("issued.columns-option-item-repeated", { part, label: ISSUED_FIELD_LABELS[field] }));
      continue;
    }
    const key = headerKey(column);
    const named = headingKeys.flatMap((k, i) => (k === key ? [i] : []));
    const plain = nfkc(column);
    if (named.length > 1) {
      problems.push(problem("issued.columns-option-heading-ambiguous", { part, heading: column, columns: named.map(columnLetter).join("・") }));
    } else if (named.length === 1) {
      given[field] = named[0];
      namedByHeading = true;
    } else if (/^[0-9]+$/.test(plain)) {
      given[field] = Number(plain) - 1;
    } else if (/^[A-Za-z]{1,3}$/.test(plain)) {
      given[field] = columnIndex(plain);
    } else {
      problems.push(problem("issued.columns-option-heading-unknown", { part, heading: column, labels }));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const claimed = new Set(Object.values(given));
  const mapping: Partial<IssuedColumnMapping> = {};
  for (const field of ISSUED_FIELDS) {
    const detected = detection.mapping[field];
    const c = given[field] ?? (detected !== undefined && !claimed.has(detected) ? detected : undefined);
    if (c !== undefined) mapping[field] = c;
  }
  return { ok: true, mapping, namedByHeading };
}

/** The hint the CLI gives when the columns cannot be told without the option. */
export function issuedColumnsOptionHint(): Problem {
  return problem("issued.columns-option-needed", { example: REQUIRED_ISSUED_FIELDS.map((f) => `${ISSUED_FIELD_LABELS[f]}=…`).join(",") });
}
