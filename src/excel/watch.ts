// Follows changes on the form sheet (and the master sheets) with Worksheet.onChanged (ExcelApi 1.7): events are
// debounced and merged, the changed rows are read in one sync (over the sheet's own columns) and reported; structural
// changes (rows or columns inserted or deleted, the header edited) ask for a reload, which maps the columns again. The add-in's own writes are recognised (triggerSource on 1.14+, else the
// addresses it wrote) and rows that read back unchanged are not reported, so nothing loops.
import type { FormProfile } from "../domain";
import { parseAreas, rowRuns } from "./addresses";
import type { DetectedCapabilities } from "./capabilities";
import type { SheetChange, Watch } from "./gateway-types";
import type { OwnWrites } from "./own-writes";
import { readRowRuns } from "./read-values";
import type { RowCache } from "./row-cache";
import { lastFormColumn, withSheet, type SheetRegistry } from "./sheets";
import { SyncCounter } from "./sync-counter";

export const DEBOUNCE_MS = 150;
/** However busy the user is, a change is reported within this time. */
export const MAX_WAIT_MS = 1000;
/** More changed rows than this at once: the pane re-reads the whole form instead. */
export const LARGE_CHANGE_ROWS = 20000;

export interface WatchDeps {
  capabilities: DetectedCapabilities;
  registry: SheetRegistry;
  profile: FormProfile;
  /** A form sheet's own profile by worksheet id, when its columns are not where the profile says: its rows are read by it. */
  sheetProfiles?: ReadonlyMap<string, FormProfile>;
  ownWrites: OwnWrites;
  rowCache: RowCache;
  /** Header row of each form sheet read so far, by worksheet id. */
  headerRows: Map<string, number>;
  /** Reports each change's sync count (tests; bench). */
  onSyncs?: (syncs: number) => void;
}



interface ChangedEvent {
  worksheetId: string;
  address: string;
  changeType: string;
}

const EDIT_TYPES = new Set(["RangeEdited", "Unknown"]);

export async function watchSheets(
  deps: WatchDeps,
  formSheet: string,
  masterSheets: readonly string[],
  onChange: (change: SheetChange) => void,
  onError: (error: unknown) => void,
  onBusy?: (busy: boolean) => void,
): Promise<Watch> {
  const { capabilities: caps, registry } = deps;
  if (!caps.changeEvents) return { stop: async () => undefined, settled: async () => undefined };

  let formId = "";
  const masterIds = new Set<string>();
  let pending: ChangedEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let stopped = false;
  let flushing: Promise<void> = Promise.resolve();
  let reading = 0;
  let idleWaiters: (() => void)[] = [];
  const idle = () => !timer && reading === 0;
  const wakeIfIdle = () => {
    if (!idle()) return;
    onBusy?.(false);
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const emit = (change: SheetChange) => {
    if (!stopped) onChange(change);
  };

  const schedule = () => {
    if (idle()) onBusy?.(true);
    if (timer) clearTimeout(timer);
    const waited = Date.now() - firstPendingAt;
    timer = setTimeout(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      reading++;
      flushing = flushing
        .then(() => flush(batch))
        .catch((e) => {
          if (!stopped) onError(e);
        })
        .finally(() => {
          reading--;
          wakeIfIdle();
        });
    }, Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited)));
  };

  const onChanged = (args: Excel.WorksheetChangedEventArgs) => {
    if (stopped) return;
    if (caps.triggerSource && args.triggerSource === "ThisLocalAddin") return;
    if (!caps.triggerSource && deps.ownWrites.consume(args.worksheetId, args.address)) return;
    if (pending.length === 0) firstPendingAt = Date.now();
    pending.push({ worksheetId: args.worksheetId, address: args.address, changeType: args.changeType });
    schedule();
  };

  const flush = async (events: ChangedEvent[]) => {
    if (stopped || events.length === 0) return;
    const masters = [...new Set(events.filter((e) => masterIds.has(e.worksheetId)).map((e) => e.worksheetId))];
    for (const id of masters) emit({ kind: "master", sheet: registry.nameOf(id) ?? id });
    const form = events.filter((e) => e.worksheetId === formId);
    if (form.length === 0) return;
    const name = registry.nameOf(formId) ?? formSheet;
    if (form.some((e) => !EDIT_TYPES.has(e.changeType))) {
      deps.rowCache.clear(formId);
      emit({ kind: "reload", sheet: name, reason: "structure" });
      return;
    }
    const rows = new Set<number>();
    for (const e of form) {
      for (const a of parseAreas(e.address)) {
        if (a.lastRow - a.firstRow + 1 > LARGE_CHANGE_ROWS) {
          emit({ kind: "reload", sheet: name, reason: "large" });
          return;
        }
        for (let r = a.firstRow; r <= a.lastRow; r++) rows.add(r);
      }
    }
    if (rows.size > LARGE_CHANGE_ROWS) {
      emit({ kind: "reload", sheet: name, reason: "large" });
      return;
    }
    const headerRow = deps.headerRows.get(formId);
    if (headerRow !== undefined && [...rows].some((r) => r <= headerRow)) {
      // The header (or a row above it) changed: where the form is may have changed too.
      deps.rowCache.clear(formId);
      emit({ kind: "reload", sheet: name, reason: "structure" });
      return;
    }
    const counter = new SyncCounter();
    const result = await Excel.run(async (context) => {
      counter.attach(context);
      const ws = context.workbook.worksheets.getItem(formId);
      ws.load("name");
      const blocks = await readRowRuns(context, ws, counter, rowRuns(rows), { firstColumn: 0, lastColumn: lastFormColumn(deps.sheetProfiles?.get(formId) ?? deps.profile) });
      // The name was loaded with the rows: readRowRuns has synced (at least once) by now.
      counter.stop();
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      return { sheetName: ws.name, blocks };
    });
    deps.onSyncs?.(counter.count);
    if (result.sheetName !== name) {
      registry.remember(formId, result.sheetName);
      emit({ kind: "reload", sheet: result.sheetName, reason: "renamed" });
      return;
    }
    const read = result.blocks.flatMap((b) => b.cells.map((cells, i) => ({ row: b.firstRow + i, cells })));
    const changed = deps.rowCache.changed(formId, read);
    if (changed.length > 0) emit({ kind: "rows", sheet: name, rows: changed });
  };

  const onDeleted = (args: Excel.WorksheetDeletedEventArgs) => {
    if (stopped) return;
    if (args.worksheetId === formId) {
      const name = registry.nameOf(formId) ?? formSheet;
      registry.forget(formId);
      deps.rowCache.clear(formId);
      emit({ kind: "reload", sheet: name, reason: "deleted" });
    }
  };

  const onNameChanged = (args: Excel.WorksheetNameChangedEventArgs) => {
    if (stopped) return;
    registry.remember(args.worksheetId, args.nameAfter);
    if (args.worksheetId === formId) emit({ kind: "reload", sheet: args.nameAfter, reason: "renamed" });
  };

  const handlers = await withSheet(formSheet, () =>
    Excel.run(async (context) => {
      const form = registry.worksheet(context, formSheet);
      form.load("id, name");
      const masters = masterSheets.map((name) => {
        const id = registry.idOf(name);
        const ws = context.workbook.worksheets.getItemOrNullObject(id ?? name);
        ws.load("id, name");
        return ws;
      });
      const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
      results.push(form.onChanged.add(async (a) => onChanged(a)));
      results.push(context.workbook.worksheets.onDeleted.add(async (a) => onDeleted(a)));
      if (caps.nameChangedEvents) results.push(context.workbook.worksheets.onNameChanged.add(async (a) => onNameChanged(a)));
      await context.sync();
      formId = form.id;
      registry.remember(form.id, form.name);
      const live = masters.filter((ws) => !ws.isNullObject);
      for (const ws of live) {
        masterIds.add(ws.id);
        registry.remember(ws.id, ws.name);
        results.push(ws.onChanged.add(async (a) => onChanged(a)));
      }
      if (live.length > 0) await context.sync();
      return results;
    }),
  );

  return {
    settled: () => (idle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      wakeIfIdle();
      if (handlers.length === 0) return;
      await Excel.run(handlers[0].context, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    },
  };
}
