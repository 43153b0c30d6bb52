/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- office-addin-mock objects are untyped, and its function properties are called with the mock as `this` */
/**
 * Excel for unit tests of src/excel, built from office-addin-mock objects: every worksheet and range is an
 * OfficeMockObject (properties unreadable until loaded and synced), context.sync() is counted and measures what
 * each sync would bring back, and change/selection handlers can be fired by the test.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock takes only the OfficeApp names from office-addin-manifest, whose dependency chain has an
// ES-module-only package Jest cannot require; the names are given here instead (the manifest is not under test).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { columnIndex } from "../../../src/domain";

export type MockCell = string | number | boolean | null | { error: string };

export interface MockSheet {
  id: string;
  name: string;
  /** Row 0 = sheet row 1. */
  rows: MockCell[][];
}

export interface MockRange {
  sheet: string;
  address: string;
  areas: boolean;
  mock: OfficeMockObject & Record<string, any>;
  cleared: number;
}

interface Rect {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

function parse(address: string): Rect {
  const [a, b = a] = address.split(":");
  const m1 = /^([A-Z]+)(\d+)$/.exec(a)!;
  const m2 = /^([A-Z]+)(\d+)$/.exec(b)!;
  return { r1: Number(m1[2]), r2: Number(m2[2]), c1: columnIndex(m1[1]), c2: columnIndex(m2[1]) };
}

function apiValue(c: MockCell | undefined): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return c.error;
  return c;
}

function apiType(c: MockCell | undefined): string {
  if (c === null || c === undefined) return "Empty";
  if (typeof c === "object") return "Error";
  if (typeof c === "string") return "String";
  if (typeof c === "number") return "Double";
  return "Boolean";
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export class MockExcel {
  syncs = 0;
  /** Estimated response bytes of each sync (values/valueTypes of the ranges loaded in it). */
  responseBytes: number[] = [];
  ranges: MockRange[] = [];
  handlers = { changed: [] as ((a: any) => unknown)[], selection: [] as ((a: any) => unknown)[], deleted: [] as ((a: any) => unknown)[], nameChanged: [] as ((a: any) => unknown)[] };
  removed = 0;
  /** The next sync rejects with this error (as Excel does when a read fails). */
  failNextSync: Error | undefined;
  activated: string[] = [];
  selected: string[] = [];
  private pending: (OfficeMockObject & Record<string, any>)[] = [];
  private loadedThisSync: { values?: unknown; valueTypes?: unknown }[] = [];
  readonly context: OfficeMockObject & Record<string, any>;

  constructor(readonly sheets: MockSheet[], readonly activeSheet = sheets[0]?.name) {
    const self = this;
    const sheetMock = (s: MockSheet) => self.worksheet(s);
    this.context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (key: string) => {
            const s = self.sheets.find((x) => x.id === key || x.name === key);
            if (!s) throw Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" });
            return sheetMock(s);
          },
          getItemOrNullObject: (key: string) => {
            const s = self.sheets.find((x) => x.id === key || x.name === key);
            return s ? sheetMock(s) : new OfficeMockObject({ isNullObject: true });
          },
          getActiveWorksheet: () => sheetMock(self.sheets.find((s) => s.name === self.activeSheet)!),
          load: function (this: Record<string, unknown>) {
            const list = self.sheets.map((s) => {
              const ws = sheetMock(s);
              ws.load("id, name");
              return ws;
            });
            self.afterSync.push(() => (this.items = list));
          },
          onDeleted: { add: (h: (a: any) => unknown) => self.handler("deleted", h) },
          onNameChanged: { add: (h: (a: any) => unknown) => self.handler("nameChanged", h) },
        },
      },
      sync: async () => {
        self.syncs++;
        const failure = self.failNextSync;
        self.failNextSync = undefined;
        if (failure) {
          self.pending = [];
          throw failure;
        }
        const objects = self.pending.splice(0);
        for (const o of objects) await o.sync();
        await tick();
        self.responseBytes.push(self.loadedThisSync.reduce((n, l) => n + Buffer.byteLength(JSON.stringify(l)), 0));
        self.loadedThisSync = [];
        for (const f of self.afterSync.splice(0)) f();
      },
    }) as OfficeMockObject & Record<string, any>;
  }

  private afterSync: (() => void)[] = [];

  private handler(kind: keyof MockExcel["handlers"], h: (a: any) => unknown) {
    this.handlers[kind].push(h);
    return { context: this.context, remove: () => this.removed++ };
  }

  private track<T extends OfficeMockObject>(o: T): T {
    this.pending.push(o as OfficeMockObject & Record<string, any>);
    return o;
  }

  private range(s: MockSheet, address: string, areas: boolean): OfficeMockObject & Record<string, any> {
    const record: MockRange = { sheet: s.name, address, areas, mock: undefined as never, cleared: 0 };
    let data: Record<string, unknown> = { address };
    if (!areas) {
      const { r1, r2, c1, c2 } = parse(address);
      const values: unknown[][] = [];
      const valueTypes: string[][] = [];
      for (let r = r1; r <= r2; r++) {
        const row = s.rows[r - 1] ?? [];
        values.push(Array.from({ length: c2 - c1 + 1 }, (_, j) => apiValue(row[c1 + j])));
        valueTypes.push(Array.from({ length: c2 - c1 + 1 }, (_, j) => apiType(row[c1 + j])));
      }
      data = { address, rowIndex: r1 - 1, columnIndex: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1, values, valueTypes, numberFormat: values.map((r) => r.map(() => "@")) };
      const self = this;
      data.load = function (this: OfficeMockObject, props: string) {
        OfficeMockObject.prototype.load.call(this, props);
        self.loadedThisSync.push({ values: props.includes("values") ? values : undefined, valueTypes: props.includes("valueTypes") ? valueTypes : undefined });
        return this;
      };
      data.select = () => this.selected.push(`${s.name}!${address}`);
    }
    data.format = { fill: { color: "#FFFFFF", clear: () => record.cleared++ } };
    const mock = this.track(new OfficeMockObject(data) as OfficeMockObject & Record<string, any>);
    record.mock = mock;
    this.ranges.push(record);
    return mock;
  }

  worksheet(s: MockSheet): OfficeMockObject & Record<string, any> {
    const self = this;
    return this.track(
      new OfficeMockObject({
        id: s.id,
        name: s.name,
        getRange: (address: string) => self.range(s, address, false),
        getRanges: (address: string) => self.range(s, address, true),
        getUsedRange: () => {
          let last = s.rows.length;
          while (last > 0 && !(s.rows[last - 1] ?? []).some((c) => c !== null && c !== undefined)) last--;
          return self.track(new OfficeMockObject({ rowIndex: 0, rowCount: Math.max(1, last), columnIndex: 0, columnCount: Math.max(1, s.rows.reduce((n, r) => Math.max(n, r.length), 0)) }));
        },
        activate: () => self.activated.push(s.name),
        onChanged: { add: (h: (a: any) => unknown) => self.handler("changed", h) },
        onSelectionChanged: { add: (h: (a: any) => unknown) => self.handler("selection", h) },
      }) as OfficeMockObject & Record<string, any>,
    );
  }

  /** Installs this mock as the global Excel (Excel.run(batch) and Excel.run(context, batch)). */
  install(): void {
    (globalThis as any).Excel = {
      run: async (...args: unknown[]) => {
        const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
        return batch(this.context);
      },
    };
  }

  /** Ranges requested for writes of fills (color set or clear). */
  fills(): { address: string; areas: boolean; color?: string; cleared: boolean }[] {
    return this.ranges
      .filter((r) => r.cleared > 0 || (r.mock.format?.fill?.color !== undefined && r.mock.format.fill.color !== "#FFFFFF" && typeof r.mock.format.fill.color === "string" && !r.mock.format.fill.color.startsWith("Error")))
      .map((r) => ({ address: r.address, areas: r.areas, color: r.cleared ? undefined : r.mock.format.fill.color, cleared: r.cleared > 0 }));
  }
}

/** Office.context.requirements answering for ExcelApi up to `version`. */
export function requirementsUpTo(version: string) {
  const [, max] = version.split(".").map(Number);
  return new OfficeMockObject({
    isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= max,
  }) as OfficeMockObject & { isSetSupported(name: string, v?: string): boolean };
}
