// The stand-in host's workbook as JSON: what a test, the harness page or xlsx-to-model.ts loads into a WorkbookModel.
import type { ModelValue } from "./values";

export interface SheetJson {
  name: string;
  id?: string;
  /** Row-major; row 0 = sheet row 1, column 0 = column A. Missing entries are empty. */
  values: ModelValue[][];
  /** Number formats by cell; missing = "General". */
  numberFormats?: (string | null)[][];
  /** Fill colours "#RRGGBB" by cell; missing/null = no fill. */
  fills?: (string | null)[][];
  columnWidths?: number[];
}

export interface WorkbookJson {
  sheets: SheetJson[];
  activeSheet?: string;
  settings?: Record<string, unknown>;
}
