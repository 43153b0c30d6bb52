// Reads a whole sheet (a master: up to 180,000 rows) as values, row 0 = sheet row 1, in payload-sized chunks.
import type { Cell } from "../domain";
import type { Progress } from "./gateway-types";
import { DensityEstimate, jsonBytes } from "./payload";
import { readRowRuns } from "./read-values";

const SAMPLE_ROWS = 100;
const SAMPLE_COLUMNS = "Z";
const SAMPLE_WIDTH = 26;
import type { SheetRegistry } from "./sheets";
import type { SyncCounter } from "./sync-counter";

export async function readSheetValues(
  context: Excel.RequestContext,
  registry: SheetRegistry,
  sheetName: string,
  counter: SyncCounter,
  onProgress?: (p: Progress) => void,
): Promise<Cell[][]> {
  counter.attach(context);
  const ws = registry.worksheet(context, sheetName);
  ws.load("id, name");
  const used = ws.getUsedRange(true);
  used.load("rowIndex, rowCount, columnIndex, columnCount");
  // A sample of the first rows, read with the used range, tells how dense the sheet is before the large chunks.
  const sample = ws.getRange(`A1:${SAMPLE_COLUMNS}${SAMPLE_ROWS}`);
  sample.load("values, valueTypes");
  await context.sync();
  registry.remember(ws.id, ws.name);
  const lastRow = used.rowIndex + used.rowCount;
  const lastColumn = used.columnIndex + used.columnCount - 1;
  const density = new DensityEstimate();
  const width = Math.min(lastColumn + 1, SAMPLE_WIDTH);
  const values = sample.values.map((r) => r.slice(0, width));
  const types = sample.valueTypes.map((r) => r.slice(0, width));
  density.observe(jsonBytes(values) + jsonBytes(types), SAMPLE_ROWS * width);
  onProgress?.({ done: 0, total: lastRow });
  const blocks = await readRowRuns(context, ws, counter, [[1, lastRow]], {
    firstColumn: 0,
    lastColumn,
    density,
    onRows: (done) => onProgress?.({ done, total: lastRow }),
  });
  const grid: Cell[][] = [];
  for (const b of blocks) for (const cells of b.cells) grid.push(cells);
  // An empty sheet reads as one empty cell (A1): no rows at all.
  if (grid.length === 1 && grid[0].every((c) => c === null)) return [];
  return grid;
}
