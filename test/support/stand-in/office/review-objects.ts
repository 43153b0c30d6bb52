// Stand-in host additions for the reviewer's workflow (src/excel/review-workbook.ts): Workbook.settings
// (ExcelApi 1.4), Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13) and RangeFormat.columnWidth, with the same
// strictness as the rest of the stand-in (values readable only after load + sync, ApiNotFound below the version).
import { unzipSync, strFromU8 } from "fflate";
import { elements, first, textOf, unescapeXml, type ScannedElement } from "./xml-scan";
import type { ModelValue } from "../model/values";
import type { WorkbookModel } from "../model/workbook-model";
import { ClientResult } from "./client-result";
import { ErrorCodes, invalidArgument, OfficeExtensionError } from "./errors";
import { RangeFormat } from "./range-format";
import { ClientObject, HostRequestContext, jsonBytes } from "./request-context";
import { requireApi } from "./require-api";
import { Workbook } from "./workbook";

// ------------------------------------------------------------------------------------------ settings

export class Setting extends ClientObject {
  protected readonly scalarProperties = ["key", "value"] as const;

  constructor(
    ctx: HostRequestContext,
    private readonly key_: string,
    orNull: boolean,
  ) {
    super(ctx, `SettingCollection.getItem${orNull ? "OrNullObject" : ""}(${JSON.stringify(key_)})`);
    if (!orNull) this.nullState = false;
    // A null object's state is known after the next sync.
    if (orNull) {
      this.context.enqueue({
        location: `${this.entity}`,
        requestBytes: 60,
        write: false,
        run: () => {
          const exists = Object.prototype.hasOwnProperty.call(this.context.host.settings, this.key_);
          return { responseBytes: 8, deliver: () => (this.nullState = !exists) };
        },
      });
    }
  }

  protected readScalars(names: readonly string[]): Record<string, unknown> | undefined {
    const settings = this.context.host.settings;
    if (!Object.prototype.hasOwnProperty.call(settings, this.key_)) {
      if (this.nullState === false) throw new OfficeExtensionError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", this.entity);
      return undefined;
    }
    // Settings travel as JSON: the add-in gets a copy, never the host's object.
    const value = JSON.parse(JSON.stringify(settings[this.key_]));
    return Object.fromEntries(names.map((n) => [n, n === "key" ? this.key_ : value]));
  }

  get key(): string {
    return this.read("key");
  }

  get value(): unknown {
    return this.read("value");
  }

  delete(): void {
    this.queue({ location: `${this.entity}.delete`, requestBytes: 60, write: true, run: () => void delete this.context.host.settings[this.key_] });
  }
}

export class SettingCollection extends ClientObject {
  protected readonly scalarProperties = [] as const;

  constructor(ctx: HostRequestContext) {
    super(ctx, "SettingCollection");
    this.nullState = false;
  }

  protected readScalars(): Record<string, unknown> {
    return {};
  }

  getItem(key: string): Setting {
    return new Setting(this.context, key, false);
  }

  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, key, true);
  }

  add(key: string, value: unknown): Setting {
    if (typeof key !== "string" || key === "") throw invalidArgument("key", "SettingCollection.add");
    const copy = JSON.parse(JSON.stringify(value ?? null));
    this.queue({
      location: "SettingCollection.add",
      requestBytes: jsonBytes({ key, value: copy }) + 60,
      write: true,
      run: () => {
        this.context.host.settings[key] = copy;
      },
    });
    return new Setting(this.context, key, false);
  }
}

// ------------------------------------------------------------------------- insertWorksheetsFromBase64

interface ParsedSheet {
  name: string;
  values: ModelValue[][];
  numberFormats: (string | null)[][];
}

const TEXT_FORMAT_IDS = new Set([49]);
const RELATIONSHIPS_NS_ID = /^(?:[\w.-]+:)?id$/;

function cellIndex(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** The sheets of an .xlsx (values, text number formats) as Excel would read them from the file. */
export function parseXlsxSheets(bytes: Uint8Array, only?: readonly string[]): ParsedSheet[] {
  const files = unzipSync(bytes);
  const xml = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const workbook = xml("xl/workbook.xml");
  const rels = xml("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new Error("not an xlsx workbook");
  const targets = new Map([...elements(rels, "Relationship")].map((r) => [r.attrs.get("Id"), r.attrs.get("Target") ?? ""]));
  const sharedXml = xml("xl/sharedStrings.xml");
  const shared = sharedXml ? [...elements(sharedXml, "si")].map((si) => textOf(si.inner)) : [];
  const styles = xml("xl/styles.xml") ?? "";
  const customText = new Set([...elements(styles, "numFmt")].filter((f) => f.attrs.get("formatCode") === "@").map((f) => Number(f.attrs.get("numFmtId"))));
  const xfs = [...elements(first(styles, "cellXfs")?.inner ?? "", "xf")].map((x) => Number(x.attrs.get("numFmtId") ?? 0));
  const listed = [...elements(workbook, "sheet")];
  const nameOf = (s: ScannedElement) => s.attrs.get("name") ?? "";
  const names = listed.map(nameOf);
  for (const name of only ?? []) if (!names.includes(name)) throw new Error(`no sheet ${name}`);
  return listed
    .filter((s) => !only?.length || only.includes(nameOf(s)))
    .map((s) => {
      const rid = [...s.attrs].find(([k]) => k !== "sheetId" && RELATIONSHIPS_NS_ID.test(k))?.[1];
      const target = (targets.get(rid) ?? "").replace(/^\/?xl\//, "");
      const sheetXml = xml(`xl/${target}`) ?? "";
      const values: ModelValue[][] = [];
      const numberFormats: (string | null)[][] = [];
      for (const c of elements(sheetXml, "c")) {
        const { row, column } = cellIndex(c.attrs.get("r") ?? "");
        const t = c.attrs.get("t");
        const vElement = first(c.inner, "v");
        const v = vElement ? unescapeXml(vElement.inner) : null;
        let value: ModelValue = null;
        if (t === "s") value = v === null ? null : (shared[Number(v)] ?? null);
        else if (t === "inlineStr") value = textOf(c.inner);
        else if (t === "str") value = v;
        else if (t === "b") value = v === "1";
        else if (t === "e") value = v === null ? null : { error: v };
        else if (v !== null) value = Number(v);
        const fmtId = xfs[Number(c.attrs.get("s") ?? 0)] ?? 0;
        (values[row] ??= [])[column] = value === "" ? null : value;
        (numberFormats[row] ??= [])[column] = TEXT_FORMAT_IDS.has(fmtId) || customText.has(fmtId) ? "@" : null;
      }
      return { name: nameOf(s), values, numberFormats };
    });
}

function insertSheets(host: WorkbookModel, base64: string, options: { sheetNamesToInsert?: string[] } = {}): string[] {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    throw invalidArgument("base64File", "Workbook.insertWorksheetsFromBase64");
  }
  let sheets: ParsedSheet[];
  try {
    sheets = parseXlsxSheets(bytes, options.sheetNamesToInsert);
  } catch {
    throw invalidArgument(options.sheetNamesToInsert?.length ? "sheetNamesToInsert" : "base64File", "Workbook.insertWorksheetsFromBase64");
  }
  const ids: string[] = [];
  for (const s of sheets) {
    // Excel renames an inserted sheet whose name is taken: 申請様式 → 申請様式 (2).
    let name = s.name;
    for (let n = 2; host.sheetByName(name); n++) name = `${s.name.slice(0, 31 - ` (${n})`.length)} (${n})`;
    const sheet = host.addSheet(name, "addin");
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined) sheet.setValue(r, c, v);
      }),
    );
    s.numberFormats.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f) sheet.setNumberFormat(r, c, f);
      }),
    );
    ids.push(sheet.id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------- install

const settingsOf = new WeakMap<Workbook, SettingCollection>();

export function installReviewObjects(): void {
  Object.defineProperty(Workbook.prototype, "settings", {
    configurable: true,
    get(this: Workbook) {
      requireApi(this.context, "Workbook.settings", "1.4");
      let s = settingsOf.get(this);
      if (!s) settingsOf.set(this, (s = new SettingCollection(this.context)));
      return s;
    },
  });
  Object.defineProperty(Workbook.prototype, "insertWorksheetsFromBase64", {
    configurable: true,
    value(this: Workbook, base64: string, options?: { sheetNamesToInsert?: string[] }) {
      requireApi(this.context, "Workbook.insertWorksheetsFromBase64", "1.13");
      const result = new ClientResult<string[]>();
      this.context.enqueue({
        location: "Workbook.insertWorksheetsFromBase64",
        requestBytes: base64.length + 200,
        write: true,
        run: () => {
          const ids = insertSheets(this.context.host, base64, options);
          return { responseBytes: jsonBytes(ids), deliver: () => result.set(ids) };
        },
      });
      return result;
    },
  });
  Object.defineProperty(RangeFormat.prototype, "columnWidth", {
    configurable: true,
    get(this: RangeFormat) {
      throw new OfficeExtensionError(ErrorCodes.propertyNotLoaded, "columnWidth is not readable in the stand-in.", "RangeFormat.columnWidth");
    },
    set(this: RangeFormat, width: number) {
      if (typeof width !== "number" || !(width >= 0)) throw invalidArgument("columnWidth", "RangeFormat.columnWidth");
      this.context.enqueue({ location: "RangeFormat.columnWidth", requestBytes: 60, write: true, run: () => undefined });
    },
  });
}
