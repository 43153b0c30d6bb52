import type { Cell, CellError } from "../cell";
import { columnLetter } from "../columns";
import type { FileProblemCode } from "../problems/catalogue";
import { problem, type Problem } from "../problems/problem";
import type { CellRange, SheetData, SheetState } from "./sheet-data";
import { byteAttribute, eachAttribute, scanXmlBytes, utf8Text, type ByteXmlHandler } from "./xml-bytes";
import { attribute, decodeOoxmlEscapes, decodeXmlText, XmlScanner, XmlSyntaxError, type XmlHandler } from "./xml-scanner";
import { IntList } from "./int-list";
import { DamagedPartError, entryTextPieces, readEntry, readEntryAsync, readZipDirectory, type AsyncRawInflate, type RawInflate, type ZipEntry } from "./zip";

/**
 * The one .xlsx reader of the product (CLI and pane, Node and Web Worker): bytes → every worksheet as the plain
 * values Excel shows, with its state (visible / hidden / veryHidden), merged ranges and hidden rows.
 * It reads only what the check needs — sheet list, shared strings, the number formats that mark dates, cell
 * values, merges, row visibility. Worksheets and shared strings are scanned as UTF-8 bytes (xml-bytes.ts) and
 * only the values kept are decoded, so no sheet is ever held as one string; the small parts go through XmlScanner.
 */

export type WorkbookRead = { ok: true; sheets: SheetData[] } | { ok: false; problem: Problem };

export interface ReadXlsxOptions {
  /** Compressed bytes of the worksheets read so far, of all of them. */
  onProgress?: (done: number, total: number) => void;
  /** A faster raw-deflate inflater than fflate's, when the host has one (Node's zlib in the CLI). */
  inflate?: RawInflate;
  /** Read only some columns of each sheet (a master file: the columns its index uses). */
  columns?: ColumnFilter;
  /** The shared strings, read by another thread (readSharedStringsPart): the part is then not read here. */
  sharedStrings?: SharedStrings;
  /** Worksheets inflated ahead (inflateWorksheets), by part name. */
  inflated?: ReadonlyMap<string, Uint8Array>;
}

/**
 * Which columns of a sheet are worth reading. The first `head` rows are always read whole, and the choice is made
 * from them; cells of other columns below them are skipped (their shared strings are never decoded). A sheet whose
 * head rows turn up after later rows (no real file does that) is read again whole, so nothing depends on row order.
 */
export interface ColumnFilter {
  head: number;
  /** The columns (A = 0) to read below the head rows, or undefined to read them all. */
  columns(sheetName: string, head: readonly (readonly Cell[])[]): readonly number[] | undefined;
}

function unreadable(code: FileProblemCode, file: string, part?: string): { ok: false; problem: Problem } {
  return { ok: false, problem: problem(code, part === undefined ? {} : { part }, { file }) };
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b);
}

/** An OLE2 compound file holding an "EncryptedPackage" stream is an encrypted .xlsx (its directory names are UTF-16LE). */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const name = "EncryptedPackage";
  const last = bytes.length - name.length * 2;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== 0x45) continue;
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * The package's steps, as a generator that yields each big part (shared strings, worksheets) it needs inflated and
 * is resumed with that part's bytes: readXlsx inflates on the spot, readXlsxAsync hands the parts to an inflater
 * working off the thread, so that the next sheet inflates while this one is scanned.
 */
type PackageSteps = Generator<ZipEntry, SheetData[], Uint8Array>;

/** A file's zip directory, or the problem that keeps it from being read as a package. */
function openPackage(bytes: Uint8Array, fileName: string): { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: Problem } {
  if (isOle2(bytes)) return unreadable(hasEncryptedPackage(bytes) ? "file.encrypted" : "file.xls", fileName);
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    return unreadable(dir.problem === "not-zip" ? "file.not-xlsx" : dir.problem === "truncated" ? "file.truncated" : "file.damaged", fileName, dir.problem === "damaged" ? "ZIP" : undefined);
  }
  return dir;
}

/** The package errors a damaged or foreign file raises, as the Problem naming the file; anything else rethrown. */
function packageProblem(e: unknown, fileName: string): { ok: false; problem: Problem } {
  if (e instanceof NotWorkbookError) return unreadable("file.no-workbook", fileName);
  if (e instanceof DamagedPartError) return unreadable("file.damaged", fileName, e.part);
  if (e instanceof PartSyntaxError) return unreadable("file.damaged", fileName, e.part);
  throw e;
}

/** Reads an .xlsx. Never throws for a bad file: every unreadable file is a Problem naming `fileName`. */
export function readXlsx(bytes: Uint8Array, fileName: string, options: ReadXlsxOptions = {}): WorkbookRead {
  const pkg = openPackage(bytes, fileName);
  if (!pkg.ok) return pkg;
  try {
    return { ok: true, sheets: runSteps(bytes, packageSteps(bytes, pkg.entries, options), options) };
  } catch (e) {
    return packageProblem(e, fileName);
  }
}

/** The package's steps with each part inflated on the spot, unless it was inflated ahead. */
function runSteps(bytes: Uint8Array, steps: PackageSteps, options: ReadXlsxOptions): SheetData[] {
  let step = steps.next();
  while (!step.done) step = steps.next(options.inflated?.get(step.value.name) ?? readEntry(bytes, step.value, options.inflate));
  return step.value;
}

/** Big parts, inflated ahead: the shared strings and every worksheet. */
const PREFETCHED = /(^|\/)(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i;

/**
 * readXlsx with an inflater that works off the calling thread (the CLI: Node's zlib on its thread pool). Every big
 * part starts inflating at once, so the worksheets are inflated while the shared strings and the sheets before them
 * are scanned. Same result and the same problems as readXlsx.
 */
export async function readXlsxAsync(bytes: Uint8Array, fileName: string, inflate: AsyncRawInflate, options: Omit<ReadXlsxOptions, "inflate" | "inflated"> = {}): Promise<WorkbookRead> {
  const pkg = openPackage(bytes, fileName);
  if (!pkg.ok) return pkg;
  const ahead = new Map<ZipEntry, Promise<Uint8Array>>();
  for (const [name, entry] of pkg.entries) {
    if (!PREFETCHED.test(name)) continue;
    const part = readEntryAsync(bytes, entry, inflate);
    part.catch(() => undefined); // a part never asked for must not become an unhandled rejection
    ahead.set(entry, part);
  }
  try {
    const steps = packageSteps(bytes, pkg.entries, options);
    let step = steps.next();
    while (!step.done) {
      const part = ahead.get(step.value) ?? readEntryAsync(bytes, step.value, inflate);
      ahead.delete(step.value); // a scanned sheet's bytes are let go, as readXlsx lets them go
      step = steps.next(await part);
    }
    return { ok: true, sheets: step.value };
  } catch (e) {
    return packageProblem(e, fileName);
  }
}

class NotWorkbookError extends Error {}

class PartSyntaxError extends Error {
  constructor(readonly part: string) {
    super(`XML syntax error in ${part}`);
  }
}

function scanPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string, handler: XmlHandler): boolean {
  const entry = findEntry(entries, path);
  if (!entry) return false;
  const scanner = new XmlScanner(handler);
  try {
    entryTextPieces(bytes, entry, (text) => scanner.push(text));
    scanner.end();
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new PartSyntaxError(entry.name);
    throw e;
  }
  return true;
}

/** Part names are case-insensitive in OPC. */
function findEntry(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
  const exact = entries.get(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const [name, e] of entries) if (name.toLowerCase() === lower) return e;
  return undefined;
}

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (id → type and resolved target path). */
function readRels(bytes: Uint8Array, entries: Map<string, ZipEntry>, partPath: string): Map<string, Relationship> {
  const slash = partPath.lastIndexOf("/");
  const folder = slash < 0 ? "" : partPath.slice(0, slash);
  const relsPath = `${folder ? folder + "/" : ""}_rels/${partPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  scanPart(bytes, entries, relsPath, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attribute(attrs, "Id");
      const target = attribute(attrs, "Target");
      if (id === undefined || target === undefined || attribute(attrs, "TargetMode") === "External") return;
      rels.set(id, { type: attribute(attrs, "Type") ?? "", target: resolvePath(folder, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolvePath(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

interface SheetEntry {
  name: string;
  state: SheetState;
  path: string | undefined;
}

/** The workbook part, its relationships, and where a part it relates to is (by type, or its usual name). */
function locateWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>) {
  const rootRels = readRels(bytes, entries, "");
  let workbookPath = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target;
  if (!workbookPath || !findEntry(entries, workbookPath)) workbookPath = findEntry(entries, "xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  if (!workbookPath) throw new NotWorkbookError();
  const wbRels = readRels(bytes, entries, workbookPath);
  const folder = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relOf = (suffix: string, fallback: string) => {
    const rel = [...wbRels.values()].find((r) => r.type.endsWith(suffix));
    return rel ? rel.target : resolvePath(folder, fallback);
  };
  return { workbookPath, wbRels, sharedStringsEntry: findEntry(entries, relOf("/sharedStrings", "sharedStrings.xml")), stylesPath: relOf("/styles", "styles.xml") };
}

function* packageSteps(bytes: Uint8Array, entries: Map<string, ZipEntry>, options: ReadXlsxOptions): PackageSteps {
  const { workbookPath, wbRels, sharedStringsEntry, stylesPath } = locateWorkbook(bytes, entries);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanPart(bytes, entries, workbookPath, {
    open(name, attrs) {
      if (name === "workbookPr") {
        const v = attribute(attrs, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        const rid = attribute(attrs, "r:id") ?? attribute(attrs, "id");
        const rel = rid === undefined ? undefined : wbRels.get(rid);
        // Chart sheets and dialog sheets hold no cells.
        if (rel && !/\/worksheet$/.test(rel.type) && rel.type !== "") return;
        const state = attribute(attrs, "state");
        sheets.push({ name: attribute(attrs, "name") ?? "", state: state === "hidden" || state === "veryHidden" ? state : "visible", path: rel?.target });
      }
    },
    close() {},
    text() {},
  });

  const shared = options.sharedStrings ?? (sharedStringsEntry ? readSharedStrings(yield sharedStringsEntry, sharedStringsEntry.name) : NO_STRINGS);
  const dateStyles = readDateStyles(bytes, entries, stylesPath);

  const present = sheets.map((s) => (s.path ? findEntry(entries, s.path) : undefined));
  const total = present.reduce((n, e) => n + (e ? e.compressedSize : 0), 0);
  let before = 0;
  const out: SheetData[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const entry = present[i];
    let reader = new SheetReader(shared, dateStyles, date1904, options.columns, s.name);
    if (entry) {
      // The part is inflated whole (fflate's one-shot inflate is about twice as fast as its streaming one) and
      // scanned as bytes; it is never decoded to one string. Progress follows the scan, in compressed bytes.
      const data = yield entry;
      const scale = data.length > 0 ? entry.compressedSize / data.length : 0;
      const onPosition = (scanned: number) => options.onProgress?.(before + Math.round(scanned * scale), total);
      try {
        reader.scan(data, onPosition);
        if (reader.headAfterChoice) {
          reader = new SheetReader(shared, dateStyles, date1904, undefined, s.name);
          reader.scan(data);
        }
      } catch (e) {
        if (e instanceof XmlSyntaxError) throw new PartSyntaxError(entry.name);
        throw e;
      }
      before += entry.compressedSize;
      options.onProgress?.(before, total);
    }
    out.push(reader.result(s.name, s.state));
  }
  return out;
}

/** The shared strings of an .xlsx alone (none when it has none), or the problem readXlsx would report for the file. */
export function readSharedStringsPart(bytes: Uint8Array, fileName: string, options: Pick<ReadXlsxOptions, "inflate"> = {}): { ok: true; strings: SharedStrings } | { ok: false; problem: Problem } {
  const pkg = openPackage(bytes, fileName);
  if (!pkg.ok) return pkg;
  try {
    const entry = locateWorkbook(bytes, pkg.entries).sharedStringsEntry;
    return { ok: true, strings: entry ? readSharedStrings(readEntry(bytes, entry, options.inflate), entry.name) : NO_STRINGS };
  } catch (e) {
    return packageProblem(e, fileName);
  }
}

/** A worksheet part's name. */
const WORKSHEET = /(^|\/)worksheets\/[^/]+\.xml$/i;

/**
 * Every worksheet of the file inflated, by part name, for readXlsx's `inflated`: a thread that waits for another
 * (the pane's reader, for the shared strings its helper reads) inflates meanwhile. A part that fails is left out;
 * readXlsx then meets it and reports it as it always does.
 */
export function inflateWorksheets(bytes: Uint8Array, options: Pick<ReadXlsxOptions, "inflate"> = {}): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const pkg = openPackage(bytes, "");
  if (!pkg.ok) return out;
  for (const [name, entry] of pkg.entries) {
    if (!WORKSHEET.test(name)) continue;
    try {
      out.set(name, readEntry(bytes, entry, options.inflate));
    } catch {
      // reported by readXlsx
    }
  }
  return out;
}

/**
 * The shared strings part, decoded on demand: the first pass only marks where each <si> item's content is, and an
 * item is decoded (once) when a cell asks for it. A master file's addresses and phone numbers, in columns the
 * index never reads, are never decoded at all.
 */
export class SharedStrings {
  private readonly texts: (string | undefined)[];

  constructor(private readonly source: SharedStringsParts) {
    this.texts = new Array<string | undefined>(source.bounds.length / 2);
  }

  get length(): number {
    return this.texts.length;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.texts.length)) return undefined;
    let text = this.texts[index];
    if (text === undefined) {
      const { data, bounds, part } = this.source;
      try {
        text = itemText(data, bounds[2 * index], bounds[2 * index + 1]);
      } catch (e) {
        // Found only now that a cell asks for the item, but the damage is the shared strings part's.
        if (e instanceof XmlSyntaxError) throw new PartSyntaxError(part);
        throw e;
      }
      this.texts[index] = text;
    }
    return text;
  }

  /** What the strings are made of, to hand them to another thread (new SharedStrings(parts) there). */
  parts(): SharedStringsParts {
    return this.source;
  }
}

/** The shared strings part as bytes, each item's content as [start, end) byte pairs (empty: start = end), its name. */
export interface SharedStringsParts {
  data: Uint8Array;
  bounds: Int32Array;
  part: string;
}

const NO_STRINGS = new SharedStrings({ data: new Uint8Array(0), bounds: new Int32Array(0), part: "" });

function readSharedStrings(data: Uint8Array, partName: string): SharedStrings {
  const bounds = new IntList();
  let depth = 0;
  try {
    scanXmlBytes(data, {
      // An item's content is skipped (it is decoded when a cell asks for it); only where it starts and ends is kept.
      open(name, start, end, selfClosing) {
        if (name === "sst") {
          // Its item count, when it gives one, sizes the bounds list at once (an item takes at least 5 bytes: <si/>).
          const unique = Number(byteAttribute(data, start, end, "uniqueCount"));
          if (unique > 0) bounds.reserve(2 * Math.min(unique, Math.ceil(data.length / 5)));
          return;
        }
        if (name !== "si") return;
        if (selfClosing) {
          bounds.push(0);
          bounds.push(0);
        } else if (depth++ === 0) bounds.push(end + 1);
        return true;
      },
      close(name, tagStart) {
        if (name === "si" && depth > 0 && --depth === 0) bounds.push(tagStart);
      },
      text() {},
      cdata() {},
    });
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new PartSyntaxError(partName);
    throw e;
  }
  // An item still open at the end of the part is not a string.
  if (bounds.length % 2 === 1) bounds.pop();
  return new SharedStrings({ data, bounds: bounds.values(), part: partName });
}

/** The common item: `<t>plain text</t>`, no markup, entity or OOXML escape inside. */
function isPlainItem(b: Uint8Array, start: number, end: number): boolean {
  if (end - start < 7) return false;
  if (b[start] !== 60 || b[start + 1] !== 116 || b[start + 2] !== 62) return false; // <t>
  if (b[end - 4] !== 60 || b[end - 3] !== 47 || b[end - 2] !== 116 || b[end - 1] !== 62) return false; // </t>
  for (let i = start + 3; i < end - 4; i++) {
    const c = b[i];
    if (c === 60 /* < */ || c === 38 /* & */ || c === 95 /* _ */) return false;
  }
  return true;
}

/** One item's text: its <t> runs (rich text too), phonetic runs (<rPh>) left out, entities and _xHHHH_ decoded. */
function itemText(data: Uint8Array, start: number, end: number): string {
  if (start >= end) return "";
  if (isPlainItem(data, start, end)) return utf8Text(data, start + 3, end - 4);
  const b = data.subarray(start, end);
  let current = "";
  let inText = false;
  let phonetic = 0;
  scanXmlBytes(b, {
    open(name, _start, _end, selfClosing) {
      if (name === "rPh") {
        if (!selfClosing) phonetic++;
      } else if (name === "t") inText = !selfClosing && phonetic === 0;
    },
    close(name) {
      if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(s, e) {
      if (inText) current += decodeXmlText(utf8Text(b, s, e));
    },
    cdata(s, e) {
      if (inText) current += utf8Text(b, s, e);
    },
  });
  return decodeOoxmlEscapes(current);
}

/** Excel's built-in date and time formats (ids 14–22, 27–36 and 50–58 in Japanese, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The same test exceljs applies to a format code: date/time letters outside quotes and [..]. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (cellXfs), whether its number format shows a date. Nothing else of styles is read. */
function readDateStyles(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanPart(bytes, entries, path, {
    open(name, attrs, selfClosing) {
      if (name === "numFmt") {
        const id = Number(attribute(attrs, "numFmtId"));
        custom.set(id, attribute(attrs, "formatCode") ?? "");
      } else if (name === "cellXfs") {
        inCellXfs = !selfClosing;
      } else if (name === "xf" && inCellXfs) {
        xfFormats.push(Number(attribute(attrs, "numFmtId") ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}

/** Serial date → yyyy-mm-dd, the same arithmetic as exceljs (and so the same output as before). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** "AJ4" → column index 33 and row 4; undefined parts when absent or malformed. */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  return { col: col - 1, row };
}

export function parseRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (p.col < 0 || q.col < 0 || p.row < 1 || q.row < 1) return undefined;
  return { ref, top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

/** Rows with no value share one frozen empty array: a stray cell in row 1,048,576 costs pointers, not arrays. */
const EMPTY_ROW = Object.freeze([]) as unknown as Cell[];
const MAX_ROWS = 1048576;

function unread(reason: CellError["unread"] & string, cell: string): CellError {
  return { error: reason === "formula-uncached" ? `#未計算（${cell}）` : `#文字列なし（${cell}）`, unread: reason };
}

/** Interned values of a cell's t= attribute. */
function cellType(b: Uint8Array, start: number, end: number): string {
  const length = end - start;
  const c0 = b[start];
  if (length === 1) {
    if (c0 === 115) return "s";
    if (c0 === 110) return "n";
    if (c0 === 98) return "b";
    if (c0 === 101) return "e";
    if (c0 === 100) return "d";
  } else if (length === 3 && c0 === 115 && b[start + 1] === 116 && b[start + 2] === 114) return "str";
  else if (length === 9 && c0 === 105 && utf8Text(b, start, end) === "inlineStr") return "inlineStr";
  return decodeXmlText(utf8Text(b, start, end));
}

/** Digits only (no sign, space or other character), at most 15 of them: their value; otherwise -1. */
function digitsValue(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** One worksheet's XML bytes → rows of cells, merges and hidden rows. */
class SheetReader implements ByteXmlHandler {
  private readonly rows: Cell[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows: number[] = [];
  private b: Uint8Array = new Uint8Array(0);
  private inSheetData = false;
  private rowNumber = 0;
  private rowCells: Cell[] | undefined;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private type = "";
  private style = 0;
  private hasFormula = false;
  /** The value's text so far; while it is one text run, only its byte range [valueStart, valueEnd) is known. */
  private value: string | undefined;
  private valueStart = -1;
  private valueEnd = -1;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private inline = "";
  private inlineSeen = false;

  /** The columns read below the head rows, one flag per column; null for all, undefined until chosen. */
  private kept: Uint8Array | null | undefined;
  /** A head row came after the columns were chosen: the sheet must be read again without the filter. */
  headAfterChoice = false;

  constructor(
    private readonly shared: SharedStrings,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly filter: ColumnFilter | undefined,
    private readonly sheetName: string,
  ) {
    if (!filter) this.kept = null;
  }

  /** Whether the current cell is read: always in the head rows, else as the filter chose from them. */
  private keeps(col: number): boolean {
    if (this.kept === null || this.rowNumber <= this.filter!.head) return true;
    if (this.kept === undefined) this.kept = this.choose(this.filter!);
    return this.kept === null || this.kept[col] === 1;
  }

  private choose(filter: ColumnFilter): Uint8Array | null {
    const head: Cell[][] = [];
    for (let i = 0; i < filter.head; i++) head.push(this.rows[i] ?? EMPTY_ROW);
    const columns = filter.columns(this.sheetName, head);
    if (columns === undefined) return null;
    const kept = new Uint8Array(16384);
    for (const c of columns) if (c >= 0 && c < kept.length) kept[c] = 1;
    return kept;
  }

  scan(bytes: Uint8Array, onPosition?: (scanned: number) => void): void {
    this.b = bytes;
    scanXmlBytes(bytes, this, onPosition);
    this.b = new Uint8Array(0);
  }

  open(name: string, attrStart: number, attrEnd: number, selfClosing: boolean): boolean | void {
    if (this.inCell) {
      if (name === "v") {
        this.value = "";
        this.valueStart = -1;
        this.inValue = !selfClosing;
      } else if (name === "f") this.hasFormula = true;
      else if (name === "is") {
        this.inInline = !selfClosing;
        this.inlineSeen = true;
      } else if (name === "rPh") {
        if (!selfClosing) this.phonetic++;
      } else if (name === "t") this.inText = !selfClosing && this.inInline && this.phonetic === 0;
      return;
    }
    switch (name) {
      case "sheetData":
        this.inSheetData = !selfClosing;
        return;
      case "row": {
        if (!this.inSheetData) return;
        const b = this.b;
        let r: string | undefined;
        let hidden: string | undefined;
        let rowNumber = -1;
        eachAttribute(b, attrStart, attrEnd, (ns, ne, vs, ve) => {
          if (ne - ns === 1 && b[ns] === 114 /* r */ && r === undefined) {
            rowNumber = digitsValue(b, vs, ve);
            r = rowNumber >= 0 ? "" : decodeXmlText(utf8Text(b, vs, ve));
          } else if (ne - ns === 6 && hidden === undefined && utf8Text(b, ns, ne) === "hidden") hidden = decodeXmlText(utf8Text(b, vs, ve));
        });
        const n = r === undefined ? this.rowNumber + 1 : rowNumber >= 0 ? rowNumber : parseInt(r, 10);
        this.rowNumber = n >= 1 && n <= MAX_ROWS ? n : this.rowNumber + 1;
        this.col = -1;
        if (hidden === "1" || hidden === "true") this.hiddenRows.push(this.rowNumber);
        if (selfClosing) this.rowCells = undefined;
        return;
      }
      case "c": {
        if (!this.inSheetData) return;
        this.cellAttributes(attrStart, attrEnd);
        if (this.rowNumber === 0) this.rowNumber = 1;
        // A cell of a column not read: its content is skipped, as if it were empty.
        if (this.kept !== null && !this.keeps(this.col)) return true;
        this.hasFormula = false;
        this.value = undefined;
        this.valueStart = -1;
        this.inline = "";
        this.inlineSeen = false;
        this.phonetic = 0;
        if (selfClosing) return;
        this.inCell = true;
        return;
      }
      case "mergeCell": {
        const ref = byteAttribute(this.b, attrStart, attrEnd, "ref");
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range) this.merges.push(range);
        return;
      }
    }
  }

  /**
   * The r, t and s attributes of a <c> in one pass over its bytes (the hot path: once per cell): the reference is
   * parsed arithmetically, the type interned, the style read as digits; values holding entities are decoded first.
   */
  private cellAttributes(start: number, end: number): void {
    const b = this.b;
    let type: string | undefined;
    let style: number | undefined;
    let refSeen = false;
    let i = start;
    while (i < end) {
      let eq = i;
      while (eq < end && b[eq] !== 61 /* = */) eq++;
      if (eq >= end) break;
      let q = eq + 1;
      while (q < end && b[q] !== 34 && b[q] !== 39) q++;
      if (q >= end) break;
      let close = q + 1;
      while (close < end && b[close] !== b[q]) close++;
      if (close >= end) break;
      let ns = i;
      let ne = eq;
      while (ns < ne && isSpaceByte(b[ns])) ns++;
      while (ne > ns && isSpaceByte(b[ne - 1])) ne--;
      if (ne - ns === 1) {
        const vs = q + 1;
        const c = b[ns];
        if (c === 114 /* r */) {
          refSeen = true;
          this.cellRef(vs, close);
        } else if (c === 116 /* t */) type = cellType(b, vs, close);
        else if (c === 115 /* s */) {
          const d = digitsValue(b, vs, close);
          style = d >= 0 ? d : parseInt(decodeXmlText(utf8Text(b, vs, close)), 10) || 0;
        }
      }
      i = close + 1;
    }
    if (!refSeen) this.col++;
    this.type = type ?? "n";
    this.style = style ?? 0;
  }

  /** "AJ4" (bytes) → column 33, and a move to row 4 when the cell names another row than the current one. */
  private cellRef(start: number, end: number): void {
    const b = this.b;
    let col = 0;
    let row = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i];
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else if (c !== 36 /* $ */) break;
    }
    if (i < end && b[i] === 38 /* & */) {
      const p = parseRef(decodeXmlText(utf8Text(b, start, end)));
      col = p.col + 1;
      row = p.row;
    } else {
      for (; i < end; i++) {
        const c = b[i];
        if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
        else if (c !== 36) break;
      }
    }
    this.col = col - 1 >= 0 ? col - 1 : this.col + 1;
    if (row >= 1 && row <= MAX_ROWS && row !== this.rowNumber) this.switchRow(row);
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === "c") {
        this.inCell = false;
        this.finishCell();
      } else if (name === "v") this.inValue = false;
      else if (name === "is") this.inInline = false;
      else if (name === "rPh") this.phonetic--;
      else if (name === "t") this.inText = false;
      return;
    }
    if (name === "row") this.flushRow();
    else if (name === "sheetData") {
      this.flushRow();
      this.inSheetData = false;
    }
  }

  text(start: number, end: number): void {
    if (this.inValue) {
      if (this.value === "" && this.valueStart < 0) {
        this.valueStart = start;
        this.valueEnd = end;
      } else this.value = this.valueText() + utf8Text(this.b, start, end);
    } else if (this.inText) this.inline += decodeXmlText(utf8Text(this.b, start, end));
  }

  cdata(start: number, end: number): void {
    if (this.inValue) this.value = this.valueText() + utf8Text(this.b, start, end);
    else if (this.inText) this.inline += utf8Text(this.b, start, end);
  }

  /** The value read so far as text (its byte range decoded, once). */
  private valueText(): string | undefined {
    if (this.valueStart >= 0) {
      this.value = utf8Text(this.b, this.valueStart, this.valueEnd);
      this.valueStart = -1;
    }
    return this.value;
  }

  /** A cell whose r= names another row than the current <row> (or cells with no <row> r=): move there. */
  private switchRow(row: number): void {
    this.flushRow();
    this.rowNumber = row;
  }

  private flushRow(): void {
    const cells = this.rowCells;
    if (!cells) return;
    this.rowCells = undefined;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    const index = this.rowNumber - 1;
    if (this.kept !== undefined && this.kept !== null && this.rowNumber <= this.filter!.head) this.headAfterChoice = true;
    const existing = this.rows[index];
    if (existing && existing !== EMPTY_ROW) {
      cells.forEach((c, i) => {
        if (c !== null) existing[i] = c;
      });
      for (let i = 0; i < existing.length; i++) if (existing[i] === undefined) existing[i] = null;
    } else {
      this.rows[index] = cells;
    }
  }

  private finishCell(): void {
    if (this.valueStart >= 0 && this.col >= 0 && this.col < 16384) {
      // The common cells, without making a string of their value: a shared string index, a plain integer.
      const d = digitsValue(this.b, this.valueStart, this.valueEnd);
      if (d >= 0) {
        if (this.type === "s") {
          const s = this.shared.get(d);
          if (s !== undefined) return this.put(s);
        } else if (this.type === "n" && !this.dateStyles[this.style]) return this.put(d);
      }
    }
    const v = this.valueText();
    const where = () => `${columnLetter(this.col)}${this.rowNumber}`;
    let cell: Cell = null;
    switch (this.type) {
      case "s":
        if (v !== undefined && v.trim() !== "") {
          const s = this.shared.get(parseInt(v, 10));
          cell = s !== undefined ? s : unread("shared-string-missing", where());
        } else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "inlineStr":
        if (this.inlineSeen) cell = decodeOoxmlEscapes(this.inline);
        else if (v !== undefined) cell = decodeOoxmlEscapes(decodeXmlText(v));
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "str":
        if (v !== undefined) cell = decodeOoxmlEscapes(decodeXmlText(v));
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "b":
        if (v !== undefined && v.trim() !== "") cell = v.trim() === "1" || v.trim() === "true";
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "e":
        if (v !== undefined && v.trim() !== "") cell = { error: decodeXmlText(v).trim() };
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "d":
        if (v !== undefined && v.trim() !== "") cell = v.trim().slice(0, 10);
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      default:
        if (v !== undefined && v.trim() !== "") {
          const n = Number(v);
          if (Number.isNaN(n)) cell = decodeXmlText(v);
          else cell = this.dateStyles[this.style] ? serialToIsoDate(n, this.date1904) : n;
        } else if (this.hasFormula) cell = unread("formula-uncached", where());
    }
    if (cell === null || this.col < 0 || this.col >= 16384) return;
    this.put(cell);
  }

  private put(cell: Cell): void {
    if (!this.rowCells) this.rowCells = [];
    this.rowCells[this.col] = cell;
  }

  result(name: string, state: SheetState): SheetData {
    this.flushRow();
    const rows = this.rows;
    let last = rows.length;
    while (last > 0 && (rows[last - 1] === undefined || rows[last - 1].length === 0)) last--;
    rows.length = last;
    for (let i = 0; i < last; i++) if (rows[i] === undefined) rows[i] = EMPTY_ROW;
    // Excel shows a merged area's value in its top-left cell only; the other cells read as empty.
    for (const m of this.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, last); r++) {
        const cells = rows[r - 1];
        if (cells === EMPTY_ROW) continue;
        for (let c = m.left; c <= Math.min(m.right, cells.length - 1); c++) {
          if (r === m.top && c === m.left) continue;
          cells[c] = null;
        }
      }
    }
    return { name, values: rows, state, merges: this.merges, hiddenRows: this.hiddenRows };
  }
}

function isSpaceByte(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
