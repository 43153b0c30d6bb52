import type { Cell, CellError } from "../cell";
import { columnLetter } from "../columns";
import { MESSAGES } from "../messages";
import type { CellRange, SheetData, SheetState } from "./sheet-data";
import { attribute, decodeOoxmlEscapes, decodeXmlText, XmlScanner, XmlSyntaxError, type XmlHandler } from "./xml-scanner";
import { DamagedPartError, entryTextPieces, readZipDirectory, streamEntryText, type ZipEntry } from "./zip";

/**
 * The one .xlsx reader of the product (CLI and pane, Node and Web Worker): bytes → every worksheet as the plain
 * values Excel shows, with its state (visible / hidden / veryHidden), merged ranges and hidden rows.
 * It reads only what the check needs — sheet list, shared strings, the number formats that mark dates, cell
 * values, merges, row visibility — and decodes each sheet's XML piece by piece (fflate's streaming inflate +
 * a SAX-level scan), so no sheet is ever held as one string.
 */

export type WorkbookProblemCode = "file.encrypted" | "file.xls" | "file.not-xlsx" | "file.truncated" | "file.damaged" | "file.no-workbook";

/** Why a file could not be read, in Japanese, naming the file. */
export interface WorkbookProblem {
  code: WorkbookProblemCode;
  message: string;
  /** The damaged part of the package, when one is to blame. */
  part?: string;
}

export type WorkbookRead = { ok: true; sheets: SheetData[] } | { ok: false; problem: WorkbookProblem };

export interface ReadXlsxOptions {
  /** Compressed bytes of the worksheets read so far, of all of them. */
  onProgress?: (done: number, total: number) => void;
}

function problem(code: WorkbookProblemCode, file: string, part?: string): { ok: false; problem: WorkbookProblem } {
  const p: WorkbookProblem = { code, message: MESSAGES[code].text({ file, part }) };
  if (part !== undefined) p.part = part;
  return { ok: false, problem: p };
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

/** Reads an .xlsx. Never throws for a bad file: every unreadable file is a WorkbookProblem naming `fileName`. */
export function readXlsx(bytes: Uint8Array, fileName: string, options: ReadXlsxOptions = {}): WorkbookRead {
  if (isOle2(bytes)) return problem(hasEncryptedPackage(bytes) ? "file.encrypted" : "file.xls", fileName);
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    return problem(dir.problem === "not-zip" ? "file.not-xlsx" : dir.problem === "truncated" ? "file.truncated" : "file.damaged", fileName, dir.problem === "damaged" ? "ZIP" : undefined);
  }
  try {
    return { ok: true, sheets: readPackage(bytes, dir.entries, options) };
  } catch (e) {
    if (e instanceof NotWorkbookError) return problem("file.no-workbook", fileName);
    if (e instanceof DamagedPartError) return problem("file.damaged", fileName, e.part);
    if (e instanceof PartSyntaxError) return problem("file.damaged", fileName, e.part);
    throw e;
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

function readPackage(bytes: Uint8Array, entries: Map<string, ZipEntry>, options: ReadXlsxOptions): SheetData[] {
  const rootRels = readRels(bytes, entries, "");
  let workbookPath = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target;
  if (!workbookPath || !findEntry(entries, workbookPath)) workbookPath = findEntry(entries, "xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  if (!workbookPath) throw new NotWorkbookError();

  const wbRels = readRels(bytes, entries, workbookPath);
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

  const folder = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relOf = (suffix: string, fallback: string) => {
    const rel = [...wbRels.values()].find((r) => r.type.endsWith(suffix));
    return rel ? rel.target : resolvePath(folder, fallback);
  };
  const shared = readSharedStrings(bytes, entries, relOf("/sharedStrings", "sharedStrings.xml"));
  const dateStyles = readDateStyles(bytes, entries, relOf("/styles", "styles.xml"));

  const present = sheets.map((s) => (s.path ? findEntry(entries, s.path) : undefined));
  const total = present.reduce((n, e) => n + (e ? e.compressedSize : 0), 0);
  let before = 0;
  const out: SheetData[] = [];
  sheets.forEach((s, i) => {
    const entry = present[i];
    const reader = new SheetReader(shared, dateStyles, date1904);
    if (entry) {
      const scanner = new XmlScanner(reader);
      try {
        streamEntryText(bytes, entry, (text) => scanner.push(text), (done) => options.onProgress?.(before + done, total));
        scanner.end();
      } catch (e) {
        if (e instanceof XmlSyntaxError) throw new PartSyntaxError(entry.name);
        throw e;
      }
      before += entry.compressedSize;
    }
    out.push(reader.result(s.name, s.state));
  });
  return out;
}

function readSharedStrings(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string): string[] {
  const strings: string[] = [];
  let current = "";
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  scanPart(bytes, entries, path, {
    open(name, _attrs, selfClosing) {
      if (name === "si") {
        current = "";
        inItem = !selfClosing;
        if (selfClosing) strings.push("");
      } else if (name === "rPh") {
        if (!selfClosing) phonetic++;
      } else if (name === "t") {
        inText = !selfClosing && inItem && phonetic === 0;
      }
    },
    close(name) {
      if (name === "si") {
        strings.push(decodeOoxmlEscapes(current));
        inItem = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(raw) {
      if (inText) current += decodeXmlText(raw);
    },
    cdata(text) {
      if (inText) current += text;
    },
  });
  return strings;
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
/**
 * The r, t and s attributes of a <c> in one pass (the hot path: once per cell). Their values never hold entities
 * in practice; any that do are decoded.
 */
function cellAttributes(attrs: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    const eq = attrs.indexOf("=", i);
    if (eq < 0) break;
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) !== 34 && attrs.charCodeAt(q) !== 39) q++;
    if (q >= n) break;
    const end = attrs.indexOf(attrs.charCodeAt(q) === 34 ? '"' : "'", q + 1);
    if (end < 0) break;
    const name = attrs.slice(i, eq).trim();
    if (name.length === 1) {
      const value = decodeXmlText(attrs.slice(q + 1, end));
      if (name === "r") out.r = value;
      else if (name === "t") out.t = value;
      else if (name === "s") out.s = value;
    }
    i = end + 1;
  }
  return out;
}

const EMPTY_ROW = Object.freeze([]) as unknown as Cell[];
const MAX_ROWS = 1048576;

function unread(reason: CellError["unread"] & string, cell: string): CellError {
  return { error: reason === "formula-uncached" ? `#未計算（${cell}）` : `#文字列なし（${cell}）`, unread: reason };
}

/** One worksheet's XML → rows of cells, merges and hidden rows. */
class SheetReader implements XmlHandler {
  private readonly rows: Cell[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows: number[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private rowCells: Cell[] | undefined;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private type = "";
  private style = 0;
  private hasFormula = false;
  private value: string | undefined;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private inline = "";
  private inlineSeen = false;

  constructor(
    private readonly shared: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (this.inCell) {
      if (name === "v") {
        this.value = "";
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
        const r = attribute(attrs, "r");
        const n = r === undefined ? this.rowNumber + 1 : parseInt(r, 10);
        this.rowNumber = n >= 1 && n <= MAX_ROWS ? n : this.rowNumber + 1;
        this.col = -1;
        const hidden = attribute(attrs, "hidden");
        if (hidden === "1" || hidden === "true") this.hiddenRows.push(this.rowNumber);
        if (selfClosing) this.rowCells = undefined;
        return;
      }
      case "c": {
        if (!this.inSheetData) return;
        const { r, t, s } = cellAttributes(attrs);
        if (r !== undefined) {
          const p = parseRef(r);
          this.col = p.col >= 0 ? p.col : this.col + 1;
          if (p.row >= 1 && p.row <= MAX_ROWS && p.row !== this.rowNumber) this.switchRow(p.row);
        } else {
          this.col++;
        }
        if (this.rowNumber === 0) this.rowNumber = 1;
        this.type = t ?? "n";
        this.style = s === undefined ? 0 : parseInt(s, 10) || 0;
        this.hasFormula = false;
        this.value = undefined;
        this.inline = "";
        this.inlineSeen = false;
        this.phonetic = 0;
        if (selfClosing) return;
        this.inCell = true;
        return;
      }
      case "mergeCell": {
        const ref = attribute(attrs, "ref");
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range) this.merges.push(range);
        return;
      }
    }
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

  text(raw: string): void {
    if (this.inValue) this.value += raw;
    else if (this.inText) this.inline += decodeXmlText(raw);
  }

  cdata(text: string): void {
    if (this.inValue) this.value += text;
    else if (this.inText) this.inline += text;
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
    const v = this.value;
    const where = () => `${columnLetter(this.col)}${this.rowNumber}`;
    let cell: Cell = null;
    switch (this.type) {
      case "s":
        if (v !== undefined && v.trim() !== "") {
          const s = this.shared[parseInt(v, 10)];
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
