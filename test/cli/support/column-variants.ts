import { columnIndex, columnLetter } from "../../../src/domain";

/** A finding as `check --json` writes it. */
export interface ReportFinding {
  row: number;
  column: string;
  code: string;
  severity: string;
  fix?: string;
}

/** A finding as one comparable line: cell, code, severity and fix. */
export const findingLine = (f: ReportFinding) => `${f.row} ${f.column} ${f.code} ${f.severity} ${f.fix ?? "-"}`;

/** The untouched form's column → the variant's, when `by` columns were inserted (or deleted, by < 0) at index `from`. */
export const shift = (from: number, by: number) => (c: string) => (columnIndex(c) >= from ? columnLetter(columnIndex(c) + by) : c);

/** The untouched form's column → the variant's when the grey columns F–H were deleted (undefined: the column is gone). */
export const withoutFtoH = (c: string) => (["F", "G", "H"].includes(c) ? undefined : columnIndex(c) >= 8 ? columnLetter(columnIndex(c) - 3) : c);
