// createExcelGateway(): the pane's only way into Excel. Each method is one Excel.run with as few syncs as the
// payload limit allows; sheets are followed by worksheet id; the host's capabilities decide what is used.
import { DEFAULT_PROFILE, type FormProfile } from "../domain";
import { detectCapabilities, type DetectedCapabilities, type Requirements } from "./capabilities";
import type { ExcelGateway, HighlightPlan, SheetChange } from "./gateway-types";
import { applyFillSteps, clearSteps, fillSteps } from "./highlights";
import { OwnWrites } from "./own-writes";
import { readForm, readRows } from "./read-form";
import { readSheetValues } from "./read-sheet";
import { RowCache } from "./row-cache";
import { selectCell, watchSelection } from "./selection";
import { listSheets, SheetRegistry, withSheet } from "./sheets";
import { SyncCounter } from "./sync-counter";
import { watchSheets } from "./watch";
import { writeValues } from "./write-values";
import { addValuesSheet } from "./add-values-sheet";

export interface GatewayOptions {
  /** The form's layout (columns, header marker, grey columns); the default 別紙2 profile otherwise. */
  profile?: FormProfile;
  /** Office.context.requirements unless given (tests). */
  requirements?: Requirements;
  /** Called with the number of syncs each operation took (tests and the benchmark count them). */
  onSyncs?: (operation: string, syncs: number) => void;
}

export function createExcelGateway(options: GatewayOptions = {}): ExcelGateway {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const registry = new SheetRegistry();
  const ownWrites = new OwnWrites();
  const rowCache = new RowCache();
  const headerRows = new Map<string, number>();
  /** Each form sheet's own profile, by worksheet id, when its columns are not where the profile says (readForm maps them). */
  const sheetProfiles = new Map<string, FormProfile>();
  const mappedProfile = (sheet: string) => sheetProfiles.get(registry.idOf(sheet) ?? "");
  let caps: DetectedCapabilities | undefined;
  const capabilities = () => (caps ??= detectCapabilities(options.requirements ?? Office.context.requirements));

  /** One Excel.run with a sync counter; ItemNotFound becomes a message naming the sheet. */
  const run = <T>(operation: string, sheet: string | undefined, body: (context: Excel.RequestContext, counter: SyncCounter) => Promise<T>): Promise<T> => {
    const counter = new SyncCounter();
    const go = () =>
      Excel.run(async (context) => {
        try {
          return await body(context, counter.attach(context));
        } finally {
          counter.stop();
        }
      });
    const done = sheet === undefined ? go() : withSheet(sheet, go);
    return done.finally(() => options.onSyncs?.(operation, counter.count));
  };

  return {
    capabilities: () => ({ ...capabilities() }),

    listSheets: () => run("listSheets", undefined, (context, counter) => listSheets(context, registry, profile, counter)),

    activeSheetName: () =>
      run("activeSheetName", undefined, async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("id, name");
        await context.sync();
        registry.remember(ws.id, ws.name);
        return ws.name;
      }),

    readForm: (sheet, onProgress) =>
      run("readForm", sheet, async (context, counter) => {
        const snapshot = await readForm(context, registry, sheet, profile, onProgress, counter, capabilities().nullObjects);
        const id = registry.idOf(snapshot.sheet);
        if (id) {
          headerRows.set(id, snapshot.headerRow);
          if (snapshot.profile && snapshot.profile !== profile) sheetProfiles.set(id, snapshot.profile);
          else sheetProfiles.delete(id);
          rowCache.reset(id, snapshot.rows);
        }
        return snapshot;
      }),

    readRows: (sheet, rows) =>
      run("readRows", sheet, async (context, counter) => {
        const read = await readRows(context, registry, sheet, rows, mappedProfile(sheet) ?? profile, counter);
        const id = registry.idOf(sheet);
        if (id) rowCache.remember(id, read);
        return read;
      }),

    readSheetValues: (sheet, onProgress) => run("readSheetValues", sheet, (context, counter) => readSheetValues(context, registry, sheet, counter, onProgress)),

    watch: (formSheet, masterSheets, onChange: (change: SheetChange) => void, onError: (error: unknown) => void, onBusy?: (busy: boolean) => void) =>
      watchSheets(
        { capabilities: capabilities(), registry, profile, sheetProfiles, ownWrites, rowCache, headerRows, onSyncs: (n) => options.onSyncs?.("change", n) },
        formSheet,
        masterSheets,
        onChange,
        onError,
        onBusy,
      ),

    onSelection: (sheet, onSelect) => watchSelection(capabilities(), registry, sheet, onSelect),

    applyHighlights: (sheet, plan: HighlightPlan) =>
      run("applyHighlights", sheet, async (context, counter) => {
        const mapped = mappedProfile(sheet);
        const steps = fillSteps(plan, mapped ?? profile, mapped !== undefined);
        if (steps.length === 0) return;
        await applyFillSteps(context, registry.worksheet(context, sheet), steps, capabilities().multiAreaRanges, counter);
      }),

    clearHighlights: (sheet, firstRow, lastRow) =>
      run("clearHighlights", sheet, async (context, counter) => {
        const mapped = mappedProfile(sheet);
        const steps = clearSteps(firstRow, lastRow, mapped ?? profile, mapped !== undefined);
        if (steps.length === 0) return;
        await applyFillSteps(context, registry.worksheet(context, sheet), steps, capabilities().multiAreaRanges, counter);
      }),

    selectCell: (sheet, address) => run("selectCell", sheet, (context, counter) => selectCell(context, registry, sheet, address, counter)),

    writeValues: (sheet, edits) =>
      run("writeValues", sheet, (context, counter) =>
        writeValues(context, registry, sheet, edits, counter, capabilities().triggerSource ? undefined : ownWrites),
      ),

    addValuesSheet: (preferredName, values, onProgress) =>
      run("addValuesSheet", undefined, (context, counter) => addValuesSheet(context, preferredName, values, counter, onProgress)),
  };
}
