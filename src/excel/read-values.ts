// Reads rows of a sheet (values + valueTypes) in as few syncs as the payload limit allows: row runs are packed
// into one sync while their estimated response fits the budget, and split when one run alone would not fit.
import type { Cell } from "../domain";
import { areaAddress } from "./addresses";
import { toCells } from "./cells";
import { DensityEstimate, isPayloadError, jsonBytes, SYNC_BUDGET } from "./payload";
import type { SyncCounter } from "./sync-counter";

export interface RowBlock {
  /** Sheet row of cells[0]. */
  firstRow: number;
  cells: Cell[][];
}

export interface ReadRowsOptions {
  firstColumn: number;
  lastColumn: number;
  density?: DensityEstimate;
  budget?: number;
  /** Rows read so far (after each sync). */
  onRows?: (done: number) => void;
}

/** After this many payload errors in a row the read gives up (each one at least halves the chunk size). */
const MAX_PAYLOAD_RETRIES = 8;

/**
 * Reads the given runs of rows ([first, last], 1-based, inclusive) of `sheet` within one Excel.run.
 * Returns the blocks sorted by row. Each sync's estimated response stays under the budget.
 */
export async function readRowRuns(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  counter: SyncCounter,
  runs: readonly [number, number][],
  options: ReadRowsOptions,
): Promise<RowBlock[]> {
  const { firstColumn, lastColumn } = options;
  const columns = lastColumn - firstColumn + 1;
  const density = options.density ?? new DensityEstimate();
  const budget = options.budget ?? SYNC_BUDGET;
  const pending: [number, number][] = runs.map(([a, b]) => [a, b]);
  counter.attach(context);
  const blocks: RowBlock[] = [];
  let done = 0;
  let failures = 0;

  while (pending.length > 0) {
    const perSync = density.rowsPerSync(columns, budget);
    // Pack runs (split when longer than what one sync can carry) until the budget is used.
    const batch: { first: number; last: number; range: Excel.Range }[] = [];
    let rowsInBatch = 0;
    while (pending.length > 0 && rowsInBatch < perSync) {
      const [first, last] = pending[0];
      const take = Math.min(last - first + 1, perSync - rowsInBatch);
      const end = first + take - 1;
      if (end === last) pending.shift();
      else pending[0] = [end + 1, last];
      const range = sheet.getRange(areaAddress(firstColumn, first, lastColumn, end));
      range.load("values, valueTypes");
      batch.push({ first, last: end, range });
      rowsInBatch += take;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized chunk, by design
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || failures >= MAX_PAYLOAD_RETRIES) throw e;
      failures++;
      density.shrink();
      pending.unshift(...batch.map((b): [number, number] => [b.first, b.last]));
      continue;
    }
    failures = 0;
    for (const b of batch) {
      const values = b.range.values;
      const types = b.range.valueTypes;
      density.observe(jsonBytes(values) + jsonBytes(types), values.length * columns);
      blocks.push({ firstRow: b.first, cells: toCells(values, types) });
      done += b.last - b.first + 1;
    }
    options.onRows?.(done);
  }
  return blocks.sort((a, b) => a.firstRow - b.firstRow);
}
