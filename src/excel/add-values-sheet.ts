// A new sheet filled with values the user asked to keep in the workbook (a master loaded from a file).
// Existing sheets are never replaced; the values go in blocks small enough for Excel on the web's payload limit.
import { columnLetter, type Cell } from "../domain";
import type { Progress } from "./gateway-types";
import { excelCell, widthOf } from "./cell-values";
import type { SyncCounter } from "./sync-counter";

/** Cells per write request: about 1–2 MB of JSON for typical master rows, far below the 5 MB limit. */
const CELLS_PER_WRITE = 40000;
/** Excel's limit on sheet names, and the characters it refuses in them. */
const MAX_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;


export function freeSheetName(preferred: string, taken: ReadonlySet<string>): string {
  const base = preferred.replace(FORBIDDEN, "_").slice(0, MAX_NAME) || "Sheet";
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export async function addValuesSheet(
  context: Excel.RequestContext,
  preferredName: string,
  values: readonly (readonly Cell[])[],
  counter: SyncCounter,
  onProgress?: (p: Progress) => void,
): Promise<string> {
  counter.attach(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = freeSheetName(preferredName, new Set(sheets.items.map((s) => s.name)));
  const ws = sheets.add(name);
  const width = widthOf(values, 1);
  const rowsPerWrite = Math.max(1, Math.floor(CELLS_PER_WRITE / width));
  for (let start = 0; start < values.length; start += rowsPerWrite) {
    const block = values.slice(start, start + rowsPerWrite).map((row) => Array.from({ length: width }, (_, i) => excelCell(row[i])));
    const range = ws.getRange(`A${start + 1}:${columnLetter(width - 1)}${start + block.length}`);
    range.numberFormat = block.map((r) => r.map((c) => c.format));
    range.values = block.map((r) => r.map((c) => c.value));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one block per request (payload limit)
    await context.sync();
    onProgress?.({ done: Math.min(values.length, start + block.length), total: values.length });
  }
  return name;
}
