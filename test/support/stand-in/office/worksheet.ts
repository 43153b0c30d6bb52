// Worksheet: a proxy of one sheet (found at sync, by id once found), its ranges and its events.
import { parseArea, splitSheet, type Rect } from "../model/address";
import type { HostEvent } from "../model/host-events";
import type { SheetModel } from "../model/sheet-model";
import type { WorkbookModel } from "../model/workbook-model";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { EventHandlers } from "./event-handlers";
import { Range } from "./range";
import { RangeAreas } from "./range-areas";
import { ClientObject, HostRequestContext, jsonBytes } from "./request-context";
import { requireApi } from "./require-api";

export class Worksheet extends ClientObject {
  static readonly SCALARS: readonly string[] = ["id", "name", "position", "visibility"];
  protected readonly scalarProperties = Worksheet.SCALARS;
  private boundId: string | undefined;

  constructor(
    ctx: HostRequestContext,
    private readonly origin: string,
    private readonly locate: () => SheetModel | undefined,
    private readonly orNull: boolean,
  ) {
    super(ctx, "Worksheet");
  }

  static scalarsOf(s: SheetModel, position: number, names: readonly string[], _host: WorkbookModel): Record<string, unknown> {
    const all: Record<string, unknown> = { id: s.id, name: s.name, position, visibility: "Visible" };
    return Object.fromEntries(names.map((n) => [n, all[n]]));
  }

  bindLoaded(id: string, data: Record<string, unknown>): void {
    this.boundId = id;
    this.nullState = false;
    for (const [k, v] of Object.entries(data)) this.loadedValues.set(k, v);
  }

  /** The sheet this proxy stands for, found at sync (by id once found, so a rename does not lose it). */
  resolve(): SheetModel | undefined {
    const host = this.context.host;
    const found = this.boundId !== undefined ? host.sheetById(this.boundId) : this.locate();
    if (found) this.boundId = found.id;
    if (!found && !this.orNull) throw itemNotFound(this.origin);
    return found;
  }

  queueResolve(): void {
    this.queue({ location: this.origin, requestBytes: 60, write: false, run: () => {
      const found = this.resolve();
      return { responseBytes: 20, deliver: () => { this.nullState = !found; } };
    } });
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> | undefined {
    const s = this.resolve();
    if (!s) return undefined;
    const position = this.context.host.sheets().indexOf(s);
    return Worksheet.scalarsOf(s, position, names, this.context.host);
  }

  protected override queueLoad(names: readonly string[]): void {
    super.queueLoad(names);
    // A proxy that has been to Excel knows whether it is a null object.
    this.queue({ location: this.origin, requestBytes: 0, write: false, run: () => {
      const found = this.resolve();
      return { responseBytes: 0, deliver: () => { this.nullState = !found; } };
    } });
  }

  get id(): string { return this.read("id"); }
  get position(): number { return this.read("position"); }
  get visibility(): string { return this.read("visibility"); }
  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.setValues.set("name", value);
    this.queue({ location: "Worksheet.name", requestBytes: jsonBytes(value) + 60, write: true, run: () => {
      const s = this.resolve();
      if (!s) return;
      const clash = this.context.host.sheetByName(value);
      if (clash && clash !== s) throw new OfficeExtensionError(ErrorCodes.itemAlreadyExists, "The resource already exists.", "Worksheet.name");
      try {
        this.context.host.rename(s.id, value, "addin");
      } catch {
        throw invalidArgument("name", "Worksheet.name");
      }
    } });
  }

  private rangeOf(origin: string, rect: (s: SheetModel) => Rect | undefined): Range {
    return new Range(this.context, this, origin, rect);
  }

  getRange(address?: string): Range {
    if (address === undefined || address === "") return this.rangeOf("Worksheet.getRange", () => ({ row: 0, column: 0, rowCount: 1048576, columnCount: 16384 }));
    const { range } = splitSheet(String(address));
    const rect = parseArea(range);
    return this.rangeOf(`Worksheet.getRange(${JSON.stringify(address)})`, () => {
      if (!rect) throw invalidArgument("address", "Worksheet.getRange");
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    requireApi(this.context, "Worksheet.getRangeByIndexes", "1.7");
    return this.rangeOf("Worksheet.getRangeByIndexes", () => {
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        throw invalidArgument("rowCount", "Worksheet.getRangeByIndexes");
      }
      return { row: startRow, column: startColumn, rowCount, columnCount };
    });
  }

  getCell(row: number, column: number): Range {
    return this.rangeOf("Worksheet.getCell", () => ({ row, column, rowCount: 1, columnCount: 1 }));
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return this.rangeOf("Worksheet.getUsedRange", (s) => s.usedRect(!!valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    requireApi(this.context, "Worksheet.getUsedRangeOrNullObject", "1.4");
    const r = new Range(this.context, this, "Worksheet.getUsedRangeOrNullObject", (s) => s.usedRect(!!valuesOnly), true);
    r.queueResolve();
    return r;
  }

  getRanges(address: string): RangeAreas {
    requireApi(this.context, "Worksheet.getRanges", "1.9");
    return new RangeAreas(this.context, this, String(address));
  }

  activate(): void {
    this.queue({ location: "Worksheet.activate", requestBytes: 60, write: true, run: () => {
      const s = this.resolve();
      if (s) this.context.host.activate(s.id, "addin");
    } });
  }

  delete(): void {
    this.queue({ location: "Worksheet.delete", requestBytes: 60, write: true, run: () => {
      const s = this.resolve();
      if (s) this.context.host.deleteSheet(s.id, "addin");
    } });
  }

  private events = new Map<string, EventHandlers>();
  private sheetEvent(member: string, version: string, type: HostEvent["type"]): EventHandlers {
    requireApi(this.context, `Worksheet.${member}`, version);
    let e = this.events.get(member);
    if (!e) {
      e = new EventHandlers(this, this.context, `Worksheet.${member}`, () => {
        const s = this.resolve();
        if (!s) throw itemNotFound(this.origin);
        const id = s.id;
        return (ev) => ev.type === type && ev.sheetId === id;
      });
      this.events.set(member, e);
    }
    return e;
  }

  get onChanged() { return this.sheetEvent("onChanged", "1.7", "changed"); }
  get onSelectionChanged() { return this.sheetEvent("onSelectionChanged", "1.7", "selectionChanged"); }
  get onActivated() { return this.sheetEvent("onActivated", "1.7", "activated"); }
  get onDeactivated() { return this.sheetEvent("onDeactivated", "1.7", "deactivated"); }
  get onFormatChanged() { return this.sheetEvent("onFormatChanged", "1.9", "formatChanged"); }
  get onNameChanged() { return this.sheetEvent("onNameChanged", "1.17", "nameChanged"); }
}
