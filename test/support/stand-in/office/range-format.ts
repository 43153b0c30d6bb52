// RangeFormat and RangeFill over one or more rectangles of a sheet (a Range's or a RangeAreas' format).
import type { Rect } from "../model/address";
import type { SheetModel } from "../model/sheet-model";
import { invalidArgument } from "./errors";
import { ClientObject, HostRequestContext, jsonBytes } from "./request-context";

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", lightblue: "#ADD8E6", lightgreen: "#90EE90", pink: "#FFC0CB",
};

function normalizeColor(color: unknown, location: string): string {
  if (typeof color !== "string") throw invalidArgument("color", location);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(color)) return color.toUpperCase();
  throw invalidArgument("color", location);
}

type AreasOf = () => { sheet: SheetModel; rects: Rect[] } | null;

export class RangeFormat extends ClientObject {
  protected readonly scalarProperties: readonly string[] = [];
  readonly fill: RangeFill;

  constructor(ctx: HostRequestContext, areas: AreasOf) {
    super(ctx, "RangeFormat");
    this.nullState = false;
    this.fill = new RangeFill(ctx, areas);
  }

  protected override navigation(name: string): ClientObject | undefined {
    return name === "fill" ? this.fill : undefined;
  }

  protected readScalars(): Record<string, unknown> {
    return {};
  }
}

export class RangeFill extends ClientObject {
  protected readonly scalarProperties: readonly string[] = ["color"];

  constructor(
    ctx: HostRequestContext,
    private readonly areas: AreasOf,
  ) {
    super(ctx, "RangeFill");
    this.nullState = false;
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> {
    const a = this.areas();
    let color: string | null | undefined;
    if (a) {
      for (const rect of a.rects) {
        for (let i = 0; i < rect.rowCount; i++) for (let j = 0; j < rect.columnCount; j++) {
          const c = a.sheet.fill(rect.row + i, rect.column + j) ?? "#FFFFFF";
          if (color === undefined) color = c;
          else if (color !== c) color = null; // mixed fills read as null, as in Excel
        }
      }
    }
    return Object.fromEntries(names.map((n) => [n, color ?? null]));
  }

  get color(): string | null { return this.read("color"); }
  set color(value: string | null) {
    this.setValues.set("color", value);
    this.queue({ location: "RangeFill.color", requestBytes: jsonBytes(value) + 60, write: true, run: () => {
      const a = this.areas();
      if (a) this.context.host.writeFill(a.sheet.id, a.rects, normalizeColor(value, "RangeFill.color"), "addin");
    } });
  }

  clear(): void {
    this.queue({ location: "RangeFill.clear", requestBytes: 60, write: true, run: () => {
      const a = this.areas();
      if (a) this.context.host.writeFill(a.sheet.id, a.rects, null, "addin");
    } });
  }
}
