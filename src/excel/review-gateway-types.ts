// The contract between the reviewer's pane (作業②③) and the Excel layer, beside ExcelGateway: the review
// workbook gets one sheet per submission, a report sheet, the CSV fallback sheet, and the review record in the
// workbook's settings. Only src/excel/review-workbook.ts implements it with Excel.run.
import type { Cell } from "../domain";

export interface ReviewCapabilities {
  /** Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13): the submitted sheet comes in with its formatting. */
  insertWorksheets: boolean;
  /** Workbook.settings (ExcelApi 1.4): where the review record is kept. */
  settings: boolean;
}

export interface SubmissionSheetInput {
  /** Name of the new sheet in the review workbook. */
  sheetName: string;
  /** The form sheet's name in the submitted file. */
  sourceSheet: string;
  /** The submitted .xlsx, base64: used when the host can insert sheets from a file. */
  base64?: string;
  /** The form sheet's values (row 0 = sheet row 1): copied when the sheet cannot be inserted. */
  values: readonly (readonly Cell[])[];
  headerRow: number;
  /** Data rows whose provenance is written (提出ファイル / 機関 beside the form, outside A..AN). */
  rows: readonly number[];
  provenance: { fileName: string; institution: string };
  /** Column of 提出ファイル (機関 in the next one): PROVENANCE_COLUMNS.fileName unless the sheet is wider. */
  provenanceColumn?: string;
}

export type SubmissionSheetResult = { how: "inserted" | "copied"; sheetName: string };

export interface TextSheetOptions {
  /** Make it the active sheet afterwards. */
  activate?: boolean;
  /** Column widths in characters (Excel's column width unit), by column index. */
  columnWidths?: readonly number[];
}

export interface ReviewGateway {
  capabilities(): ReviewCapabilities;
  /** Every sheet name, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** The review record's JSON text, or null when the workbook has none. */
  readRecord(): Promise<string | null>;
  writeRecord(json: string): Promise<void>;
  /** Brings one submission's form sheet into the review workbook and records file name and institution per row. */
  addSubmissionSheet(input: SubmissionSheetInput): Promise<SubmissionSheetResult>;
  /** Removes a sheet when it exists (a submission taken back out of the review). */
  deleteSheet(name: string): Promise<void>;
  /**
   * Writes rows of text into a sheet (replaced when it exists), every cell formatted as text ("@") first so that
   * nothing is re-interpreted (09 stays 09, =… stays text). Used for the review report and the CSV fallback.
   */
  writeTextSheet(name: string, rows: readonly (readonly string[])[], options?: TextSheetOptions): Promise<void>;
  activateSheet(name: string): Promise<void>;
}

/** Where the review record is kept in the workbook's settings. */
export const REVIEW_RECORD_SETTING = "nesidAccount.review";
/** Columns beside the form (after AN, one empty column between) where each row's provenance is written. */
export const PROVENANCE_COLUMNS = { fileName: "AP", institution: "AQ" } as const;
