// Excel on the web refuses a request or response over about 5 MB (RequestPayloadSizeLimitExceeded /
// ResponsePayloadSizeLimitExceeded). Reads are cut into chunks whose estimated response stays well under it.

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one sync may bring back or send: 70 % of the limit, the rest left for JSON framing and misestimates. */
export const SYNC_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.7);
/**
 * values + valueTypes of one cell before anything was measured: cautious (a cell of 15 kana is about 55 bytes);
 * every read seeds the estimate from rows it already has (the top rows) before its first large chunk.
 */
export const INITIAL_BYTES_PER_CELL = 64;
/** Lowest estimate per cell whatever was measured: an empty cell alone is "" + "Empty" = 11 bytes. */
export const MIN_BYTES_PER_CELL = 12;
/**
 * Densest measured block × this = the next estimate (later rows may be fuller than earlier ones). With the 70 %
 * budget a chunk only fails when its rows are 1.8 times denser than any read before; it is then read again in
 * halves (see readRowRuns).
 */
export const SAFETY_FACTOR = 1.25;

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** UTF-8 bytes of a value as JSON (what travels between the add-in and Excel). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Keeps a running estimate of bytes per cell from what was actually read. */
export class DensityEstimate {
  private perCell = INITIAL_BYTES_PER_CELL;
  private densest = 0;

  bytesPerCell(): number {
    return this.perCell;
  }

  /** Rows of `columns` cells that fit the budget (at least 1). */
  rowsPerSync(columns: number, budget = SYNC_BUDGET): number {
    return Math.max(1, Math.floor(budget / (columns * this.perCell)));
  }

  /** The densest block read so far decides (a sparse block does not make the next one riskier). */
  observe(bytes: number, cells: number): void {
    if (cells <= 0) return;
    this.densest = Math.max(this.densest, bytes / cells);
    this.perCell = Math.max(MIN_BYTES_PER_CELL, this.densest * SAFETY_FACTOR);
  }

  /** After a payload error: be twice as careful. */
  shrink(): void {
    this.perCell *= 2;
  }
}
