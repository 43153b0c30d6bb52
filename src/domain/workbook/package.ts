import type { FileProblemCode } from "../problems/catalogue";
import { problem, type Problem } from "../problems/problem";
import type { SheetState } from "./sheet-data";
import { attribute, XmlScanner, XmlSyntaxError, type XmlHandler } from "./xml-scanner";
import { DamagedPartError, entryTextPieces, readZipDirectory, type ZipEntry } from "./zip";

/**
 * The package of an .xlsx: what kind of file it is (encrypted, .xls, not a zip), its zip directory, its
 * relationships, the workbook part and the sheets it lists. The only place the reader's problems are made.
 */

/** The one place the reader makes a problem: file.* placed on the file, params naming the part (and sheet) to blame. */
function unreadable(code: FileProblemCode, file: string, part?: string, sheet?: string): { ok: false; problem: Problem } {
  const params: Record<string, string> = {};
  if (part !== undefined) params.part = part;
  if (sheet !== undefined) params.sheet = sheet;
  return { ok: false, problem: problem(code, params, { file }) };
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

/** A file's zip directory, or the problem that keeps it from being read as a package. */
export function openPackage(bytes: Uint8Array, fileName: string): { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: Problem } {
  if (isOle2(bytes)) return unreadable(hasEncryptedPackage(bytes) ? "file.encrypted" : "file.xls", fileName);
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    return unreadable(dir.problem, fileName, dir.problem === "file.damaged" ? "ZIP" : undefined);
  }
  return dir;
}

/** The package errors a damaged or foreign file raises, as the Problem naming the file; anything else rethrown. */
export function packageProblem(e: unknown, fileName: string): { ok: false; problem: Problem } {
  if (e instanceof NotWorkbookError) return unreadable("file.no-workbook", fileName);
  if (e instanceof DamagedPartError) return unreadable("file.damaged", fileName, e.part);
  if (e instanceof PartSyntaxError) return unreadable("file.damaged", fileName, e.part);
  if (e instanceof MissingPartError) return e.sheet === undefined ? unreadable("file.damaged", fileName, e.part) : unreadable("file.sheet-missing", fileName, e.part, e.sheet);
  throw e;
}

export class NotWorkbookError extends Error {}

export class PartSyntaxError extends Error {
  constructor(readonly part: string) {
    super(`XML syntax error in ${part}`);
  }
}

/**
 * A part the workbook needs is not in the package: a sheet's content (its relationship or its part missing), or the
 * shared strings its cells refer to. `part` is the part's name, or the relationships part that should name it.
 */
export class MissingPartError extends Error {
  constructor(
    readonly part: string,
    readonly sheet?: string,
  ) {
    super(`missing part ${part}`);
  }
}

export function scanPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string, handler: XmlHandler): boolean {
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
export function findEntry(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
  const exact = entries.get(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const [name, e] of entries) if (name.toLowerCase() === lower) return e;
  return undefined;
}

export interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (id → type and resolved target path). */
function readRels(bytes: Uint8Array, entries: Map<string, ZipEntry>, partPath: string): Map<string, Relationship> {
  const slash = partPath.lastIndexOf("/");
  const folder = slash < 0 ? "" : partPath.slice(0, slash);
  const rels = new Map<string, Relationship>();
  scanPart(bytes, entries, relsPathOf(partPath), {
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

/** The name of a part's relationships part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  const folder = slash < 0 ? "" : partPath.slice(0, slash);
  return `${folder ? folder + "/" : ""}_rels/${partPath.slice(slash + 1)}.rels`;
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

export interface SheetEntry {
  name: string;
  state: SheetState;
  path: string | undefined;
}

/** The workbook part, its relationships, and where a part it relates to is (by type, or its usual name). */
export function locateWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>) {
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
  const sharedStringsPath = relOf("/sharedStrings", "sharedStrings.xml");
  return { workbookPath, wbRels, sharedStringsPath, sharedStringsEntry: findEntry(entries, sharedStringsPath), stylesPath: relOf("/styles", "styles.xml") };
}

/** The namespace of a <sheet>'s relationship id (r:id), whatever prefix the file binds it to. */
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const NS_DECLARATION = /xmlns:([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The prefixes an element's attributes bind to the relationships namespace, added to `prefixes`. */
function relationshipPrefixes(attrs: string, prefixes: Set<string>): void {
  if (attrs.indexOf("xmlns:") < 0) return;
  for (const m of attrs.matchAll(NS_DECLARATION)) if ((m[2] ?? m[3]) === RELATIONSHIPS_NS) prefixes.add(m[1]);
}

/**
 * The sheets workbook.xml lists (chart and dialog sheets left out), in order, and its date system. A sheet's
 * relationship id is found by its namespace (r:id, ns:id, relationships:id…); `path` is undefined when the id names
 * no relationship, which the reader reports.
 */
export function readSheetList(bytes: Uint8Array, entries: Map<string, ZipEntry>, workbookPath: string, wbRels: Map<string, Relationship>): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  // Declarations are taken as they come, not scoped to their element: a file that binds one prefix to two
  // namespaces in turn is not a workbook any program writes.
  const prefixes = new Set<string>();
  scanPart(bytes, entries, workbookPath, {
    open(name, attrs) {
      relationshipPrefixes(attrs, prefixes);
      if (name === "workbookPr") {
        const v = attribute(attrs, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        let rid: string | undefined;
        for (const prefix of prefixes) rid ??= attribute(attrs, `${prefix}:id`);
        rid ??= attribute(attrs, "r:id") ?? attribute(attrs, "id");
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
  return { sheets, date1904 };
}
