// RangeAreas: several rectangles of one worksheet (Worksheet.getRanges), for fills and selection.
import { formatArea, parseAreas, splitSheet, type Rect } from "../model/address";
import type { SheetModel } from "../model/sheet-model";
import { invalidArgument, itemNotFound } from "./errors";
import type { SheetProxy } from "./range";
import { RangeFormat } from "./range-format";
import { ClientObject, HostRequestContext } from "./request-context";

/** Excel on the web rejects getRanges addresses of about 8,200 characters (office-js issue #5198). */
export const MAX_MULTI_AREA_ADDRESS = 8192;

export class RangeAreas extends ClientObject {
  protected readonly scalarProperties: readonly string[] = ["address", "addressLocal", "areaCount", "cellCount"];
  readonly format: RangeFormat;
  private resolved: { sheet: SheetModel; rects: Rect[] } | undefined;

  constructor(
    ctx: HostRequestContext,
    private readonly worksheetProxy: SheetProxy,
    private readonly addressText: string,
  ) {
    super(ctx, "RangeAreas");
    this.nullState = false;
    this.format = new RangeFormat(ctx, () => this.resolve());
  }

  resolve(): { sheet: SheetModel; rects: Rect[] } {
    if (this.resolved) return this.resolved;
    const sheet = this.worksheetProxy.resolve();
    if (!sheet) throw itemNotFound("Worksheet.getRanges");
    if (this.addressText.length > MAX_MULTI_AREA_ADDRESS) throw invalidArgument("address", "Worksheet.getRanges");
    const rects = parseAreas(this.addressText.split(",").map((a) => splitSheet(a.trim()).range).join(","));
    if (!rects) throw invalidArgument("address", "Worksheet.getRanges");
    return (this.resolved = { sheet, rects });
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "format" ? this.format : undefined;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    const { sheet, rects } = this.resolve();
    const all: Record<string, unknown> = {
      address: rects.map((r) => formatArea(r, sheet.name)).join(","),
      addressLocal: rects.map((r) => formatArea(r, sheet.name)).join(","),
      areaCount: rects.length,
      cellCount: rects.reduce((n, r) => n + r.rowCount * r.columnCount, 0),
    };
    return Object.fromEntries(names.map((n) => [n, all[n]]));
  }

  get address(): string { return this.read("address"); }
  get areaCount(): number { return this.read("areaCount"); }
  get cellCount(): number { return this.read("cellCount"); }

  select(): void {
    this.queue({ location: "RangeAreas.select", requestBytes: 60, write: true, run: () => {
      const { sheet, rects } = this.resolve();
      this.context.host.select(sheet.id, rects[0], "addin");
    } });
  }
}
