import type { Cell } from "../cell";
import { columnIndex } from "../columns";
import type { FormChecker } from "../check/form-checker";
import { registrationCsv, type ExportOptions, type ExportRow, type RegistrationCsv } from "../csv/registration-csv";
import type { FormProfile } from "../profile/schema";
import { combineFormChecks, findingsByRow, type CheckedForm, type CombinedFormResult } from "./combined-check";

/** A checked form offered for export: `exportSource` names its rows in the refused list. */
export interface ExportableForm extends CheckedForm {
  exportSource: string;
  /** The form's header row cells (A = 0), for the CSV's header labels. */
  headerCells: readonly Cell[];
  /** The form's own profile (FormSheet.profile) when its columns are not where the profile says. */
  profile?: FormProfile;
}

/** Export rows of checked forms, in form order then row order, each with every finding it has (its own, cross-row and cross-form). */
export function exportRows(forms: readonly ExportableForm[], combined: readonly CombinedFormResult[] = combineFormChecks(forms)): ExportRow[] {
  return forms.flatMap((f, i) => {
    const byRow = findingsByRow(combined[i].findings);
    return combined[i].rows.map(({ row }) => ({
      source: f.exportSource,
      row,
      cells: rowCells(f.checker, row),
      result: f.checker.rowResult(row),
      findings: byRow.get(row) ?? [],
      ...(f.profile ? { profile: f.profile } : {}),
    }));
  });
}

function rowCells(checker: FormChecker, row: number): readonly Cell[] {
  return checker.rowInput(row)?.cells ?? [];
}

/**
 * The CSV header labels: the first form's header row for the exported columns, when every one is filled and its
 * columns are where the profile says; otherwise undefined (the profile's labels are used).
 */
export function exportHeaderLabels(forms: readonly ExportableForm[], profile: FormProfile): string[] | undefined {
  const first = forms[0];
  if (!first) return undefined;
  // A form whose columns were found elsewhere (other headings, moved, deleted): the profile's labels, so the file is the same.
  if (first.profile !== undefined && first.profile !== profile) return undefined;
  const labels = profile.csv.columns.map((c) => {
    const v = first.headerCells[columnIndex(c)];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : "";
  });
  return labels.every((l) => l !== "") ? labels : undefined;
}

export type RegistrationExportOptions = Omit<ExportOptions, "headerLabels">;

/**
 * The registration CSV of several checked forms: the one function the CLI's `export` and the pane's
 * 登録用CSVを出力 both call, so the same inputs give the same bytes.
 */
export function registrationExport(forms: readonly ExportableForm[], profile: FormProfile, options: RegistrationExportOptions = {}): RegistrationCsv {
  return registrationCsv(exportRows(forms), profile, { ...options, headerLabels: exportHeaderLabels(forms, profile) });
}
