import type { Cell } from "../cell";
import { cellText } from "../cell";
import { columnIndex } from "../columns";
import { effectiveProfile, mapFormColumns, type ColumnMapping, type MappedForm } from "../form/column-mapping";
import { FIELD_KEYS, type FieldKey, type FormProfile } from "../profile/schema";

/** The reviewer's corrections of a submission's columns: item → the sheet's column letter, or null = the sheet has no such column. */
export type ColumnChoices = Partial<Record<FieldKey, string | null>>;

/** What the review keeps about a submission's columns (review record): the corrections, and whether the reviewer confirmed them. */
export interface SubmissionColumns {
  /** How many columns the submitted sheet's rows had (columns to the right of it are the review's own: provenance). */
  width: number;
  choices: ColumnChoices;
  confirmed: boolean;
}

/**
 * Maps a submission sheet's columns from its header row (and the 項目N row above it), with the reviewer's choices
 * first: a chosen column is taken like the profile's `columns` override, a null choice leaves the item without a
 * column (what was found there becomes an extra column: never checked, never exported).
 */
export function mapSubmissionColumns(headerCells: readonly Cell[], itemNumberCells: readonly Cell[] | undefined, headerRow: number, profile: FormProfile, choices: ColumnChoices = {}): MappedForm {
  const chosen: Record<string, string> = { ...(profile.columns ?? {}) };
  for (const key of FIELD_KEYS) {
    const c = choices[key];
    if (typeof c === "string") chosen[key] = c;
  }
  const withChoices: FormProfile = Object.keys(chosen).length > 0 ? { ...profile, columns: chosen } : profile;
  const mapped = mapFormColumns(headerCells, itemNumberCells, withChoices, { headerRow });
  const none = FIELD_KEYS.filter((k) => choices[k] === null && mapped.mapping.items[k].column !== undefined);
  if (none.length === 0) return mapped.mapping.unchanged ? { ...mapped, profile } : mapped;
  const items = { ...mapped.mapping.items };
  const extras = [...mapped.mapping.extras];
  for (const key of none) {
    const col = items[key].column!;
    items[key] = {};
    extras.push({ column: col, heading: cellText(headerCells[columnIndex(col)] ?? null) });
  }
  extras.sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
  const mapping: ColumnMapping = { ...mapped.mapping, items, extras, unchanged: false };
  return { profile: effectiveProfile(withChoices, mapping), mapping, problems: mapped.problems };
}

/** Choices that differ from what the headings gave (a correction only: a choice equal to the automatic column is dropped). */
export function correctedChoices(auto: ColumnMapping, choices: ColumnChoices): ColumnChoices {
  const out: ColumnChoices = {};
  for (const key of FIELD_KEYS) {
    const c = choices[key];
    if (c === undefined) continue;
    if ((c ?? undefined) !== auto.items[key].column) out[key] = c;
  }
  return out;
}
