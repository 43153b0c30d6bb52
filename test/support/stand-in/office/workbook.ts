// Workbook and WorksheetCollection: the root of the stand-in's Excel object model (context.workbook).
import type { HostEvent } from "../model/host-events";
import type { SheetModel } from "../model/sheet-model";
import { ClientResult } from "./client-result";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { EventHandlers } from "./event-handlers";
import { Range } from "./range";
import { ClientObject, HostRequestContext, jsonBytes, parseLoadArgument } from "./request-context";
import { requireApi } from "./require-api";
import { Worksheet } from "./worksheet";

export class Workbook extends ClientObject {
  protected readonly scalarProperties = ["name"] as const;
  readonly worksheets: WorksheetCollection;

  constructor(ctx: HostRequestContext) {
    super(ctx, "Workbook");
    this.worksheets = new WorksheetCollection(ctx);
    this.nullState = false;
  }

  get name(): string {
    return this.read("name");
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "worksheets" ? this.worksheets : undefined;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, "Book1.xlsx"]));
  }

  getSelectedRange(): Range {
    const host = this.context.host;
    const sheet = new Worksheet(this.context, "Workbook.getSelectedRange", () => host.activeSheet(), false);
    return new Range(this.context, sheet, "Workbook.getSelectedRange", (s) => s.selection);
  }

  getActiveCell(): Range {
    requireApi(this.context, "Workbook.getActiveCell", "1.7");
    const host = this.context.host;
    const sheet = new Worksheet(this.context, "Workbook.getActiveCell", () => host.activeSheet(), false);
    return new Range(this.context, sheet, "Workbook.getActiveCell", (s) => ({ row: s.selection.row, column: s.selection.column, rowCount: 1, columnCount: 1 }));
  }
}

// ------------------------------------------------------------------------------------ WorksheetCollection

export class WorksheetCollection extends ClientObject {
  protected readonly scalarProperties = [] as const;
  private loadedItems: Worksheet[] | undefined;

  constructor(ctx: HostRequestContext) {
    super(ctx, "WorksheetCollection");
    this.nullState = false;
  }

  get items(): Worksheet[] {
    if (!this.loadedItems) throw new OfficeExtensionError(ErrorCodes.propertyNotLoaded, `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, "WorksheetCollection.items");
    return this.loadedItems;
  }

  protected readScalars(): Record<string, unknown> {
    return {};
  }

  /** load("items/name,items/id"), load("name"), load({ select: "name" }) or load(): every item with those properties. */
  override load(arg?: unknown): this {
    const parsed = parseLoadArgument(arg);
    const props = parsed === "all" ? Worksheet.SCALARS : parsed.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items" && p !== "");
    const wanted = props.length ? props : Worksheet.SCALARS;
    for (const p of wanted) if (!Worksheet.SCALARS.includes(p)) throw new OfficeExtensionError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on Worksheet.`, "WorksheetCollection.load");
    const ctx = this.context;
    this.queue({
      location: "WorksheetCollection.load",
      requestBytes: jsonBytes(wanted) + 60,
      write: false,
      run: () => {
        const sheets = ctx.host.sheets();
        const data = sheets.map((s, i) => Worksheet.scalarsOf(s, i, wanted, ctx.host));
        return {
          responseBytes: jsonBytes(data),
          deliver: () => {
            this.loadedItems = sheets.map((s, i) => {
              const ws = new Worksheet(ctx, "WorksheetCollection.items", () => ctx.host.sheetById(s.id), false);
              ws.bindLoaded(s.id, data[i]);
              return ws;
            });
          },
        };
      },
    });
    return this;
  }

  getItem(key: string): Worksheet {
    const host = this.context.host;
    return new Worksheet(this.context, `WorksheetCollection.getItem(${JSON.stringify(key)})`, () => host.sheet(String(key)), false);
  }

  getItemOrNullObject(key: string): Worksheet {
    requireApi(this.context, "WorksheetCollection.getItemOrNullObject", "1.4");
    const host = this.context.host;
    const ws = new Worksheet(this.context, `WorksheetCollection.getItemOrNullObject(${JSON.stringify(key)})`, () => host.sheet(String(key)), true);
    ws.queueResolve();
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    const host = this.context.host;
    return new Worksheet(this.context, "WorksheetCollection.getActiveWorksheet", () => host.activeSheet(), false);
  }

  getCount(): ClientResult<number> {
    requireApi(this.context, "WorksheetCollection.getCount", "1.4");
    const result = new ClientResult<number>();
    const host = this.context.host;
    this.queue({ location: "WorksheetCollection.getCount", requestBytes: 60, write: false, run: () => {
      const n = host.sheets().length;
      return { responseBytes: 8, deliver: () => result.set(n) };
    } });
    return result;
  }

  add(name?: string): Worksheet {
    const host = this.context.host;
    let created: SheetModel | undefined;
    const ws = new Worksheet(this.context, "WorksheetCollection.add", () => created, false);
    this.queue({ location: "WorksheetCollection.add", requestBytes: jsonBytes(name ?? null) + 60, write: true, run: () => {
      let n = name;
      if (!n) for (let i = host.sheets().length + 1; !n || host.sheetByName(n); i++) n = `Sheet${i}`;
      if (host.sheetByName(n)) throw new OfficeExtensionError(ErrorCodes.itemAlreadyExists, "The resource already exists.", "WorksheetCollection.add");
      created = host.addSheet(n, "addin");
    } });
    return ws;
  }

  get onActivated() { return this.collectionEvent("onActivated", "1.7", "activated"); }
  get onDeactivated() { return this.collectionEvent("onDeactivated", "1.7", "deactivated"); }
  get onAdded() { return this.collectionEvent("onAdded", "1.7", "added"); }
  get onDeleted() { return this.collectionEvent("onDeleted", "1.7", "deleted"); }
  get onChanged() { return this.collectionEvent("onChanged", "1.9", "changed"); }
  get onSelectionChanged() { return this.collectionEvent("onSelectionChanged", "1.9", "selectionChanged"); }
  get onFormatChanged() { return this.collectionEvent("onFormatChanged", "1.9", "formatChanged"); }
  get onNameChanged() { return this.collectionEvent("onNameChanged", "1.17", "nameChanged"); }

  private events = new Map<string, EventHandlers>();
  private collectionEvent(member: string, version: string, type: HostEvent["type"]): EventHandlers {
    requireApi(this.context, `WorksheetCollection.${member}`, version);
    let e = this.events.get(member);
    if (!e) {
      e = new EventHandlers(this, this.context, `WorksheetCollection.${member}`, () => (ev) => ev.type === type);
      this.events.set(member, e);
    }
    return e;
  }
}
