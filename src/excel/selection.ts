// Selection both ways: select a finding's cell in the sheet; tell the pane which cell the user selected.
import { topLeft } from "./addresses";
import type { DetectedCapabilities } from "./capabilities";
import { withSheet, type SheetRegistry } from "./sheets";
import type { SyncCounter } from "./sync-counter";

export class InvalidAddressError extends Error {
  constructor(address: string) {
    super(`セル番地「${address}」を読み取れません（例：C14）。`);
    this.name = "InvalidAddressError";
  }
}

/** Activates the sheet and selects the cell: one sync. */
export async function selectCell(context: Excel.RequestContext, registry: SheetRegistry, sheet: string, address: string, counter: SyncCounter): Promise<void> {
  if (!topLeft(address) || /[!,]/.test(address)) throw new InvalidAddressError(address);
  counter.attach(context);
  const ws = registry.worksheet(context, sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/** Calls onSelect with the top-left cell of each new selection on the sheet (ExcelApi 1.7); a no-op before that. */
export async function watchSelection(
  caps: DetectedCapabilities,
  registry: SheetRegistry,
  sheet: string,
  onSelect: (address: { row: number; column: string }) => void,
): Promise<() => Promise<void>> {
  if (!caps.selectionEvents) return async () => undefined;
  let stopped = false;
  const handler = await withSheet(sheet, () =>
    Excel.run(async (context) => {
      const ws = registry.worksheet(context, sheet);
      const result = ws.onSelectionChanged.add(async (args) => {
        const cell = topLeft(args.address);
        if (cell && !stopped) onSelect(cell);
      });
      await context.sync();
      return result;
    }),
  );
  return async () => {
    stopped = true;
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
  };
}
