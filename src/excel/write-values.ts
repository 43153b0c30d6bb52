// The only place that changes what the user typed, and only for a fix the user clicked: each cell gets the text
// format "@" first, so 09 and 03-… stay as typed, then the value. One sync for all the edits.
import { parseCell } from "./addresses";
import type { OwnWrites } from "./own-writes";
import { InvalidAddressError } from "./selection";
import type { SheetRegistry } from "./sheets";
import type { SyncCounter } from "./sync-counter";

export async function writeValues(
  context: Excel.RequestContext,
  registry: SheetRegistry,
  sheet: string,
  edits: readonly { address: string; value: string }[],
  counter: SyncCounter,
  ownWrites: OwnWrites | undefined,
): Promise<void> {
  if (edits.length === 0) return;
  for (const e of edits) if (!parseCell(e.address)) throw new InvalidAddressError(e.address);
  counter.attach(context);
  const ws = registry.worksheet(context, sheet);
  ws.load("id");
  for (const e of edits) {
    const cell = ws.getRange(e.address);
    cell.numberFormat = [["@"]];
    cell.values = [[e.value]];
  }
  if (ownWrites) {
    // The echo events may arrive before this function resumes: note the writes before they are sent.
    const id = registry.idOf(sheet);
    if (id) ownWrites.expect(id, edits.map((e) => e.address));
  }
  await context.sync();
  if (ownWrites && !registry.idOf(sheet)) ownWrites.expect(ws.id, edits.map((e) => e.address));
}
