import { cellText, type Cell } from "../cell";
import { columnIndex, columnLetter } from "../columns";
import type { FormRow } from "../check/row-state";
import { formSheetWith } from "../form/find-forms";
import { locateHeader } from "../form/locate-form";
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

/** A submission's sheet as read back from the review workbook, with its own columns. */
export interface SubmissionSheetRead {
  headerRow: number;
  headerCells: readonly Cell[];
  itemNumberCells?: readonly Cell[];
  rows: FormRow[];
  profile: FormProfile;
  mapping: ColumnMapping;
}

/**
 * Reads a submission's sheet of the review workbook (a reopened review): only its first `columns.width` columns (the
 * review writes provenance to the right of them), mapped with the reviewer's choices. Undefined without a header.
 */
export function readSubmissionSheet(name: string, values: readonly (readonly Cell[])[], profile: FormProfile, columns: SubmissionColumns): SubmissionSheetRead | undefined {
  const cut = values.map((r) => r.slice(0, columns.width));
  const location = locateHeader(cut.slice(0, profile.sheet.headerSearchRows), profile, { anyColumn: true });
  if (!location) return undefined;
  const headerCells = cut[location.headerRow - 1] ?? [];
  const itemNumberCells = location.headerRow > 1 ? (cut[location.headerRow - 2] ?? []) : undefined;
  const mapped = mapSubmissionColumns(headerCells, itemNumberCells, location.headerRow, profile, columns.choices);
  const form = formSheetWith({ name, values: cut }, location, mapped.profile);
  return { headerRow: location.headerRow, headerCells, itemNumberCells, rows: form.rows, profile: mapped.profile, mapping: mapped.mapping };
}

/** True when some row reads differently with the other columns (an item now read from a column with other values). */
export function columnsChangeRows(before: FormProfile, after: FormProfile, rows: readonly FormRow[]): boolean {
  for (const key of FIELD_KEYS) {
    const a = columnIndex(before.fields[key].column);
    const b = columnIndex(after.fields[key].column);
    if (a === b) continue;
    if (rows.some((r) => cellText(r.cells[a] ?? null) !== cellText(r.cells[b] ?? null))) return true;
  }
  return false;
}

/** Where the review writes a submission sheet's provenance (提出ファイル, then 機関): AP, or past a wider sheet with one empty column between. */
export function provenanceColumn(width = 0): string {
  return columnLetter(Math.max(columnIndex("AP"), width + 1));
}
