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
  const columns = FIELD_KEYS.map((k) => columnIndex(p.fields[k].column));
  const rows: string[][] = [];
  for (const r of s.rows) {
    const values = columns.map((i) => cellText(r.cells[i] ?? null).trim());
    if (values.some((v) => v !== "")) rows.push([String(r.row), ...values]);
  }
  return JSON.stringify(rows);
}

/** The id of the first submission with the same content as `candidate`, if any. */
export function sameContentAs<T extends SubmissionContent & { id: string }>(candidate: SubmissionContent, existing: readonly T[], profile: FormProfile): string | undefined {
  const key = contentKey(candidate, profile);
  if (key === "[]") return undefined;
  return existing.find((e) => contentKey(e, profile) === key)?.id;
}
