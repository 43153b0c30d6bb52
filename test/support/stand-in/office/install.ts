// Builds the `Office`, `Excel` and `OfficeExtension` globals of the stand-in host over a workbook model.
import { apiAtLeast } from "../model/host-options";
import type { WorkbookModel } from "../model/workbook-model";
import { ClientResult } from "./client-result";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { HostRequestContext } from "./request-context";
import { installReviewObjects } from "./review-objects";
import { Workbook } from "./workbook";

// The reviewer's workflow: Workbook.settings, insertWorksheetsFromBase64, RangeFormat.columnWidth (review-objects.ts).
installReviewObjects();

export interface StandInGlobals {
  Office: ReturnType<typeof makeOffice>;
  Excel: ReturnType<typeof makeExcel>;
  OfficeExtension: ReturnType<typeof makeOfficeExtension>;
}

function makeOfficeExtension() {
  return {
    Error: OfficeExtensionError,
    ErrorCodes: { ...ErrorCodes },
    ClientResult,
    Promise,
    config: { extendedErrorLogging: false },
  };
}

/** Excel.run(batch), Excel.run(context | object, batch): a final sync after the batch, then the context is closed. */
function makeExcel(model: WorkbookModel, owner: string) {
  const newContext = () => new HostRequestContext(model, (ctx) => new Workbook(ctx), owner);
  class RequestContext extends HostRequestContext {
    constructor() {
      super(model, (ctx) => new Workbook(ctx), owner);
    }
  }

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (ctx: HostRequestContext) => Promise<T>;
    if (typeof batch !== "function") throw new OfficeExtensionError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.", "Excel.run");
    let ctx: HostRequestContext;
    let owned = true;
    const first = args.length > 1 ? args[0] : undefined;
    if (first instanceof HostRequestContext) {
      ctx = first;
      owned = false;
    } else if (first && typeof first === "object" && (first as { context?: unknown }).context instanceof HostRequestContext) {
      ctx = (first as { context: HostRequestContext }).context;
      owned = false;
    } else {
      ctx = newContext();
    }
    try {
      const pending = batch(ctx);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new OfficeExtensionError(
          ErrorCodes.runMustReturnPromise,
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
          "Excel.run",
        );
      }
      const result = await pending;
      await ctx.sync();
      return result;
    } finally {
      if (owned) ctx.generation++;
    }
  }

  return {
    run,
    RequestContext,
    ErrorCodes: { ...ErrorCodes },
    RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
    EventSource: { local: "Local", remote: "Remote" },
    EventType: { worksheetChanged: "WorksheetChanged", worksheetSelectionChanged: "WorksheetSelectionChanged", worksheetActivated: "WorksheetActivated", worksheetDeactivated: "WorksheetDeactivated", worksheetAdded: "WorksheetAdded", worksheetDeleted: "WorksheetDeleted", worksheetFormatChanged: "WorksheetFormatChanged", worksheetNameChanged: "WorksheetNameChanged" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  };
}

interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; message: string; name: string };
  asyncContext?: unknown;
}

function makeOffice(model: WorkbookModel) {
  // Settings are read into the add-in when it starts and written back to the document by saveAsync, as in Office.
  const settingsCopy: Record<string, unknown> = JSON.parse(JSON.stringify(model.settings ?? {}));
  const settings = {
    get(name: string): unknown {
      return Object.prototype.hasOwnProperty.call(settingsCopy, name) ? settingsCopy[name] : null;
    },
    set(name: string, value: unknown): void {
      settingsCopy[name] = JSON.parse(JSON.stringify(value));
    },
    remove(name: string): void {
      delete settingsCopy[name];
    },
    saveAsync(options?: unknown, callback?: (r: AsyncResult<void>) => void): void {
      const cb = typeof options === "function" ? (options as (r: AsyncResult<void>) => void) : callback;
      setTimeout(() => {
        model.settings = JSON.parse(JSON.stringify(settingsCopy));
        cb?.({ status: "succeeded", value: undefined });
      }, 0);
    },
    refreshAsync(callback?: (r: AsyncResult<unknown>) => void): void {
      setTimeout(() => {
        for (const k of Object.keys(settingsCopy)) delete settingsCopy[k];
        Object.assign(settingsCopy, JSON.parse(JSON.stringify(model.settings)));
        callback?.({ status: "succeeded", value: settings });
      }, 0);
    },
    addHandlerAsync(_type: unknown, _handler: unknown, callback?: (r: AsyncResult<void>) => void): void {
      setTimeout(() => callback?.({ status: "succeeded", value: undefined }), 0);
    },
  };

  const platform = model.options.platform;
  const info = { host: "Excel", platform };
  const office = {
    initialize: undefined as undefined | ((reason: string) => void),
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table" },
    EventType: { SettingsChanged: "settingsChanged", DocumentSelectionChanged: "documentSelectionChanged" },
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
    context: {
      host: "Excel",
      platform,
      displayLanguage: "ja-JP",
      contentLanguage: "ja-JP",
      diagnostics: { host: "Excel", platform, version: "16.0.0000.0000 (stand-in)" },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const version = minVersion === undefined ? "1.1" : String(minVersion);
          if (name === "ExcelApi") return apiAtLeast(model.options.excelApi, version);
          // The stand-in implements no other requirement set (dialogs, ribbon, shared runtime…).
          return false;
        },
      },
      document: { settings, url: "stand-in://Book1.xlsx", mode: "readWrite" },
      officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" },
      ui: {
        displayDialogAsync(_url: string, _options: unknown, callback?: (r: AsyncResult<unknown>) => void) {
          setTimeout(() => callback?.({ status: "failed", value: undefined, error: { code: 12002, name: "NotSupported", message: "The stand-in host has no dialogs." } }), 0);
        },
      },
    },
    actions: { associate(_name: string, _fn: unknown) { /* ribbon commands are not emulated */ } },
  };
  return office;
}

let instances = 0;

/**
 * Installs Office, Excel and OfficeExtension on `target` (a window or globalThis); calls Office.initialize when
 * ready. `owner` names this add-in instance: model.unsubscribeOwner(owner) drops its event handlers.
 */
export function installStandIn(target: Record<string, unknown>, model: WorkbookModel, owner = `addin-${++instances}-${Date.now()}`): StandInGlobals & { owner: string } {
  const globals: StandInGlobals = { Office: makeOffice(model), Excel: makeExcel(model, owner), OfficeExtension: makeOfficeExtension() };
  Object.assign(target, globals);
  setTimeout(() => {
    const init = (target.Office as { initialize?: (reason: string) => void }).initialize;
    if (typeof init === "function") init("inserted");
  }, 0);
  return { ...globals, owner };
}
