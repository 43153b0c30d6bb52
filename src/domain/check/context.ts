import { columnIndex, columnRange } from "../columns";
import type { MasterSet } from "../masters/master-set";
import { FIELD_KEYS, type FieldKey, type FormProfile } from "../profile/schema";

/**
 * Whose view a check takes. "reviewer" (the municipality's review, and every export) requires every item;
 * "institution" (the institution filling the form) leaves the items the profile says the municipality fills
 * (filledByMunicipality) to the municipality: blank, they are info, not errors.
 */
export type CheckView = "institution" | "reviewer";

/** Everything a rule may look at besides the row: the profile, the masters, and column positions worked out once. */
export interface CheckContext {
  profile: FormProfile;
  masters: MasterSet;
  fieldIndex: Record<FieldKey, number>;
  fieldByColumn: Map<number, FieldKey>;
  /** Columns that make a row "filled" (every column of the form but the status column). */
  dataColumns: number[];
  greyColumns: number[];
  /** Columns whose values go to the registration CSV. */
  exportColumns: number[];
  /** Columns checked for error values, control characters and formula-like values: inputs, grey and exported ones. */
  integrityColumns: number[];
  required: Set<FieldKey>;
  /** Generic-name words folded for comparison. */
  genericWords: string[];
  view: CheckView;
  /** Fields a blank of which is the municipality's to fill in this view (empty in the reviewer's view). */
  municipalityFills: Set<FieldKey>;
}

export function createContext(profile: FormProfile, masters: MasterSet, fold: (s: string) => string, view: CheckView = "reviewer"): CheckContext {
  const fieldIndex = {} as Record<FieldKey, number>;
  const fieldByColumn = new Map<number, FieldKey>();
  for (const key of FIELD_KEYS) {
    const i = columnIndex(profile.fields[key].column);
    fieldIndex[key] = i;
    fieldByColumn.set(i, key);
  }
  const status = columnIndex(profile.sheet.statusColumn);
  const exportColumns = profile.csv.columns.map(columnIndex);
  const greyColumns = profile.greyColumns.map(columnIndex);
  const integrityColumns = [...new Set([...fieldByColumn.keys(), ...greyColumns, ...exportColumns])].sort((a, b) => a - b);
  const dataColumns = columnRange(profile.sheet.firstColumn, profile.sheet.lastColumn)
    .map(columnIndex)
    .filter((i) => i !== status);
  return {
    profile,
    masters,
    fieldIndex,
    fieldByColumn,
    dataColumns,
    greyColumns,
    exportColumns,
    integrityColumns,
    required: new Set(profile.required),
    genericWords: profile.genericNames.map(fold).filter((w) => w !== ""),
    view,
    municipalityFills: new Set(view === "institution" ? (profile.filledByMunicipality ?? []) : []),
  };
}
