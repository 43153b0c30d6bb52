import { cellText } from "../cell";
import { columnIndex } from "../columns";
import type { FormRow } from "../check/row-state";
import { FIELD_KEYS, type FormProfile } from "../profile/schema";

/** What a submission's content is compared by: its rows and the sheet's own columns (when they are not the profile's). */
export interface SubmissionContent {
  rows: readonly FormRow[];
  profile?: FormProfile;
}

/**
 * The items of every row that has one, with the row's number: two submissions with the same key have the same content
 * (the same people in the same rows with the same values, wherever their columns are). Values compare as text, so a
 * number read back from the review workbook equals the one in the file.
 */
export function contentKey(s: SubmissionContent, profile: FormProfile): string {
  const p = s.profile ?? profile;
  // Each import compares with every submission in the review: a key is made once per rows and columns.
  let byProfile = keys.get(s.rows);
  if (!byProfile) keys.set(s.rows, (byProfile = new WeakMap()));
  const known = byProfile.get(p);
  if (known !== undefined) return known;
  const key = keyOf(s.rows, p);
  byProfile.set(p, key);
  return key;
}

const keys = new WeakMap<readonly FormRow[], WeakMap<FormProfile, string>>();

function keyOf(rows: readonly FormRow[], p: FormProfile): string {
  const columns = FIELD_KEYS.map((k) => columnIndex(p.fields[k].column));
  const filled: string[][] = [];
  for (const r of rows) {
    const values = columns.map((i) => cellText(r.cells[i] ?? null).trim());
    if (values.some((v) => v !== "")) filled.push([String(r.row), ...values]);
  }
  return JSON.stringify(filled);
}

/** The id of the first submission with the same content as `candidate`, if any. */
export function sameContentAs<T extends SubmissionContent & { id: string }>(candidate: SubmissionContent, existing: readonly T[], profile: FormProfile): string | undefined {
  const key = contentKey(candidate, profile);
  if (key === "[]") return undefined;
  return existing.find((e) => contentKey(e, profile) === key)?.id;
}
