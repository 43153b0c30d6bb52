import type { Problem } from "../problems/problem";
import { findEntry, locateWorkbook, MissingPartError, openPackage, packageProblem, PartSyntaxError, readSheetList, relsPathOf } from "./package";
import { readDateStyles } from "./number-formats";
import { noSharedStrings, readSharedStrings, readSharedStringsPart, SharedStrings, type SharedStringsParts } from "./shared-strings";
import type { ColumnFilter, SheetData } from "./sheet-data";
import { SheetReader } from "./sheet-reader";
import { XmlSyntaxError } from "./xml-scanner";
import { readEntry, readEntryAsync, type AsyncRawInflate, type RawInflate, type ZipEntry } from "./zip";

/**
 * The one .xlsx reader of the product (CLI and pane, Node and Web Worker): bytes → every worksheet as the plain
 * values Excel shows, with its state (visible / hidden / veryHidden), merged ranges and hidden rows.
 * It reads only what the check needs — sheet list, shared strings, the number formats that mark dates, cell
 * values, merges, row visibility. Worksheets and shared strings are scanned as UTF-8 bytes (xml-bytes.ts) and
 * only the values kept are decoded, so no sheet is ever held as one string; the small parts go through XmlScanner.
 */

export { readSharedStringsPart, SharedStrings, type ColumnFilter, type SharedStringsParts };

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
 * The package's steps, as a generator that yields each big part (shared strings, worksheets) it needs inflated and
 * is resumed with that part's bytes: readXlsx inflates on the spot, readXlsxAsync hands the parts to an inflater
 * working off the thread, so that the next sheet inflates while this one is scanned.
 */
type PackageSteps = Generator<ZipEntry, SheetData[], Uint8Array>;

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

function* packageSteps(bytes: Uint8Array, entries: Map<string, ZipEntry>, options: ReadXlsxOptions): PackageSteps {
  const { workbookPath, wbRels, sharedStringsEntry, sharedStringsPath, stylesPath } = locateWorkbook(bytes, entries);
  const { sheets, date1904 } = readSheetList(bytes, entries, workbookPath, wbRels);

  const shared = options.sharedStrings ?? (sharedStringsEntry ? readSharedStrings(yield sharedStringsEntry, sharedStringsEntry.name) : noSharedStrings(sharedStringsPath));
  const dateStyles = readDateStyles(bytes, entries, stylesPath);

  const present = sheets.map((s) => (s.path ? findEntry(entries, s.path) : undefined));
  const total = present.reduce((n, e) => n + (e ? e.compressedSize : 0), 0);
  let before = 0;
  const out: SheetData[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const entry = present[i];
    // A sheet the workbook lists but whose content is not in the file is reported, never read as an empty sheet.
    if (!entry) throw new MissingPartError(s.path ?? relsPathOf(workbookPath), s.name);
    let reader = new SheetReader(shared, dateStyles, date1904, options.columns, s.name);
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
    out.push(reader.result(s.name, s.state));
  }
  return out;
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

