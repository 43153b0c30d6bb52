// The contract between the task pane and the Excel layer. Only src/excel implements it with Excel.run;
// the pane (and its tests) depend on this interface alone.
import type { Cell, ColumnMapping, FormProfile, FormRow, MasterKind, Problem } from "../domain";

/** What the host supports, detected at run time with Office.context.requirements.isSetSupported. */
export interface HostCapabilities {
  /** Highest ExcelApi 1.x the host reports (e.g. "1.8" on Office 2019). */
  excelApi: string;
  /** Worksheet.onChanged (ExcelApi 1.7): without it the pane shows a 再チェック button. */
  changeEvents: boolean;
  /** Worksheet.onSelectionChanged (ExcelApi 1.7). */
  selectionEvents: boolean;
  /** Worksheet.getRanges multi-area formats (ExcelApi 1.9): without it, fewer/larger writes. */
  multiAreaRanges: boolean;
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): lets the add-in ignore its own writes. */
  triggerSource: boolean;
  /** Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13). */
  insertWorksheets: boolean;
}

export interface SheetInfo {
  name: string;
  /** Sheet row of the form header (利用者名 in B within the first rows), when the sheet is a form. */
  formHeaderRow?: number;
  /** The master this sheet holds (by sheet name or header row), when it is one. */
  masterKind?: MasterKind;
}

export interface FormSnapshot {
  sheet: string;
  headerRow: number;
  /** Data rows (header + 1 .. last row with any value in the sheet's data columns, B..AN for the untouched form). */
  rows: FormRow[];
  /** The header row, A..the last column of the sheet's own profile (A..AN for the untouched form). */
  headerCells: Cell[];
  /**
   * The profile with this sheet's own columns (column-mapping.ts): the gateway's profile itself when every item is
   * where it says. The rows were read by it; check, colour, fix and select the sheet with it.
   */
  profile?: FormProfile;
  /** Where the sheet's items were found. */
  mapping?: ColumnMapping;
  /** The mapping's columns.* notices, once for the sheet (no place: the open sheet). */
  columnNotices?: Problem[];
  /** Number of context.sync() calls the read took (measured; tests assert it stays small and constant). */
  syncs: number;
}

/** A change seen on a watched sheet, after debouncing. */
export type SheetChange =
  | { kind: "rows"; sheet: string; rows: FormRow[] }
  | { kind: "reload"; sheet: string; reason: "structure" | "renamed" | "large" | "deleted" }
  | { kind: "master"; sheet: string };

export interface Progress {
  done: number;
  total: number;
}

/** Which cells to colour, by meaning; the Excel layer picks the colours (A blue / A orange / A red / yellow). */
export interface HighlightPlan {
  completeRows: number[];
  /** Rows started but not complete (a required value missing or an error): A orange, so they do not look unchecked. */
  incompleteRows: number[];
  gapRows: number[];
  /** Rows whose A cell and input cells must go back to no fill (status cleared or changed). */
  resetRows: number[];
  /** Cells (e.g. "C14") with an error (missing or invalid): pink (要修正, as in the send-back file). */
  problemCells: string[];
  /** Cells with a warning only: yellow (ご確認). */
  warningCells?: string[];
}

/** A running watch of the form (and master) sheets. */
export interface Watch {
  stop(): Promise<void>;
  /** Resolves when every change seen so far has been read and reported. */
  settled(): Promise<void>;
}

export interface ExcelGateway {
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  activeSheetName(): Promise<string>;
  readForm(sheet: string, onProgress?: (p: Progress) => void): Promise<FormSnapshot>;
  readRows(sheet: string, rows: readonly number[]): Promise<FormRow[]>;
  /** A whole master sheet as values (row 0 = sheet row 1), read in chunks under the web payload limit. */
  readSheetValues(sheet: string, onProgress?: (p: Progress) => void): Promise<Cell[][]>;
  /**
   * Listens to onChanged on the form sheet and the given master sheets. A change that cannot be read is given to
   * onError (the pane says so), never only to the console.
   */
  watch(
    formSheet: string,
    masterSheets: readonly string[],
    onChange: (change: SheetChange) => void,
    onError: (error: unknown) => void,
    /** True while changes have been seen and not yet read and reported (the debounce and the read), false once settled. */
    onBusy?: (busy: boolean) => void,
  ): Promise<Watch>;
  onSelection(sheet: string, onSelect: (address: { row: number; column: string }) => void): Promise<() => Promise<void>>;
  applyHighlights(sheet: string, plan: HighlightPlan): Promise<void>;
  /** ハイライトを消す: A column and input cells of the data area back to the template's look (grey columns untouched). */
  clearHighlights(sheet: string, firstRow: number, lastRow: number): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Writes values as text (number format "@" first, so 09 and 03-… stay as typed). Only on an explicit user fix. */
  writeValues(sheet: string, edits: readonly { address: string; value: string }[]): Promise<void>;
  /**
   * Adds a new sheet with the given values (text stays text: "@" format; numbers stay numbers), in pieces under the
   * web payload limit. Never replaces a sheet: when the name is taken, a free one is chosen. Returns the name used.
   * Only when the user asks (e.g. a master loaded from a file, kept in the workbook).
   */
  addValuesSheet(preferredName: string, values: readonly (readonly Cell[])[], onProgress?: (p: Progress) => void): Promise<string>;
}
