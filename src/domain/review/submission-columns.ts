import { cellText, type Cell } from "../cell";
import { columnIndex, columnLetter } from "../columns";
import type { FormRow } from "../check/row-state";
import { problem, type Problem } from "../problems/problem";
import { formSheetWith } from "../form/find-forms";
import { locateHeader } from "../form/locate-form";
import { effectiveProfile, locateByHeadings, mapFormColumns, type ColumnMapping, type MappedForm } from "../form/column-mapping";
import { FIELD_KEYS, type FieldKey, type FormProfile } from "../profile/schema";

/** The reviewer's corrections of a submission's columns: item → the sheet's column letter, or null = the sheet has no such column. */
export type ColumnChoices = Partial<Record<FieldKey, string | null>>;

/** What the review keeps about a submission's columns (review record): the corrections, and whether the reviewer confirmed them. */
export interface SubmissionColumns {
  /** How many columns the submitted sheet's rows had (columns to the right of it are the review's own: provenance). */
  width: number;
  choices: ColumnChoices;
  confirmed: boolean;
  /** "list": an online application service's list (header in row 1, no 別紙2 layout: list-form.ts). */
  layout?: "list";
}

/**
 * Maps a submission sheet's columns from its header row (and the 項目N row above it), with the reviewer's choices
 * first: a chosen column is taken like the profile's `columns` override, a null choice leaves the item without a
 * column (what was found there becomes an extra column: never checked, never exported). The columns.* problems say
 * the mapping as corrected.
 */
export function mapSubmissionColumns(
  headerCells: readonly Cell[],
  itemNumberCells: readonly Cell[] | undefined,
  headerRow: number,
  profile: FormProfile,
  choices: ColumnChoices = {},
  layout: "form" | "list" = "form",
): MappedForm {
  const chosen: Record<string, string> = { ...(profile.columns ?? {}) };
  for (const key of FIELD_KEYS) {
    const c = choices[key];
    if (typeof c === "string") chosen[key] = c;
  }
  const withChoices: FormProfile = Object.keys(chosen).length > 0 ? { ...profile, columns: chosen } : profile;
  const mapped = mapFormColumns(headerCells, itemNumberCells, withChoices, { headerRow, layout });
  const none = FIELD_KEYS.filter((k) => choices[k] === null && mapped.mapping.items[k].column !== undefined);
  if (none.length === 0) return mapped.mapping.unchanged ? { ...mapped, profile } : mapped;
  const items = { ...mapped.mapping.items };
  const extras = [...mapped.mapping.extras];
  const cleared: { key: FieldKey; column: string }[] = [];
  for (const key of none) {
    const col = items[key].column!;
    items[key] = {};
    cleared.push({ key, column: col });
    extras.push({ column: col, heading: cellText(headerCells[columnIndex(col)] ?? null) });
  }
  extras.sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
  const mapping: ColumnMapping = { ...mapped.mapping, items, extras, unchanged: false };
  return { profile: effectiveProfile(withChoices, mapping), mapping, problems: withoutColumns(mapped.problems, cleared, headerCells, profile, headerRow) };
}

const PROBLEM_ORDER = ["columns.missing", "columns.ambiguous", "columns.absent", "columns.grey-absent", "columns.extra"];

/** The columns.* problems once the reviewer said the sheet has no column for `none`: missing or absent, and their column extra. */
function withoutColumns(problems: readonly Problem[], none: readonly { key: FieldKey; column: string }[], headerCells: readonly Cell[], profile: FormProfile, headerRow: number): Problem[] {
  const labels = new Set(none.map((n) => profile.fields[n.key].label));
  const out = problems.filter((p) => !(p.code === "columns.ambiguous" && labels.has(String(p.params.label))));
  for (const { key, column } of none) {
    const f = profile.fields[key];
    out.push(problem(profile.required.includes(key) ? "columns.missing" : "columns.absent", { label: f.label, item: f.item, headerRow }));
    out.push(problem("columns.extra", { column, heading: cellText(headerCells[columnIndex(column)] ?? null) }));
  }
  const extraAt = (p: Problem) => (p.code === "columns.extra" ? columnIndex(String(p.params.column)) : 0);
  return out.sort((x, y) => PROBLEM_ORDER.indexOf(x.code) - PROBLEM_ORDER.indexOf(y.code) || extraAt(x) - extraAt(y));
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
  /** columns.* problems of the mapping as corrected (no place). */
  problems: Problem[];
}

/**
 * Reads a submission's sheet of the review workbook (a reopened review): only its first `columns.width` columns (the
 * review writes provenance to the right of them), mapped with the reviewer's choices; a list's header is row 1, a form's
 * is `headerRow` when given, else found again. Undefined without a header. Also how the pane finds a submission's rows
 * again after a correction of its columns (a row whose only value is in a newly chosen column is a row too).
 */
export function readSubmissionSheet(name: string, values: readonly (readonly Cell[])[], profile: FormProfile, columns: SubmissionColumns, headerRow?: number): SubmissionSheetRead | undefined {
  const cut = values.map((r) => r.slice(0, columns.width));
  const layout = columns.layout ?? "form";
  // A list's header is row 1 (its headings are the service's own); a form's is found again (or is the recorded row).
  const at = layout === "list" ? 1 : headerRow;
  const location =
    at !== undefined ? { headerRow: at, firstDataRow: at + 1 } : (locateHeader(cut.slice(0, profile.sheet.headerSearchRows), profile, { anyColumn: true }) ?? locateByHeadings(cut, profile));
  if (!location) return undefined;
  const headerCells = cut[location.headerRow - 1] ?? [];
  if (headerCells.every((c) => cellText(c ?? null).trim() === "")) return undefined;
  const itemNumberCells = location.headerRow > 1 ? (cut[location.headerRow - 2] ?? []) : undefined;
  const mapped = mapSubmissionColumns(headerCells, itemNumberCells, location.headerRow, profile, columns.choices, layout);
  const form = formSheetWith({ name, values: cut }, location, mapped.profile);
  return { headerRow: location.headerRow, headerCells, itemNumberCells, rows: form.rows, profile: mapped.profile, mapping: mapped.mapping, problems: mapped.problems };
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
