import type { FileProblemCode } from "../problems/catalogue";
import { inflateSync } from "fflate";

/**
 * The few ZIP facts an .xlsx reader needs, read from the central directory: where each part's compressed bytes
 * are and how they are compressed. No Node, no DOM: runs in the CLI and in a Web Worker alike.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  encrypted: boolean;
  /** The CRC-32 of the part's bytes, as the central directory gives it. */
  crc32: number;
}

/** Why bytes are not a readable ZIP, as the reader's problem code for the file (placed on the file by package.ts). */
type UnreadableZip = Extract<FileProblemCode, "file.not-xlsx" | "file.truncated" | "file.damaged">;

export type ZipDirectory = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: UnreadableZip };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

export function startsWithZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD) return i;
  }
  return -1;
}

const latin1 = (b: Uint8Array) => {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/** Reads the central directory (ZIP64 included). Entry names are kept as written, without a leading "/". */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return { ok: false, problem: startsWithZipSignature(bytes) ? "file.truncated" : "file.not-xlsx" };
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const at = u64(bytes, eocd - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== ZIP64_EOCD) return { ok: false, problem: "file.damaged" };
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (cdOffset + cdSize > bytes.length) return { ok: false, problem: startsWithZipSignature(bytes) ? "file.truncated" : "file.damaged" };
  const utf8 = new TextDecoder("utf-8");
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) return { ok: false, problem: "file.damaged" };
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc32 = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? utf8.decode(rawName) : latin1(rawName)).replace(/\\/g, "/").replace(/^\//, "");
    // ZIP64 extra field: the sizes / offset that are 0xFFFFFFFF in the fixed fields, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.set(name, { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1, crc32 });
    p = extraEnd + commentLength;
  }
  return { ok: true, entries };
}

/** The compressed bytes of an entry, or undefined when its local header is missing or cut off. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) return undefined;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return undefined;
  return bytes.subarray(start, end);
}

/** Thrown only inside this module's callers' try blocks: a part that cannot be inflated. */
export class DamagedPartError extends Error {
  constructor(readonly part: string) {
    super(`damaged zip part ${part}`);
  }
}

/**
 * Raw deflate data → bytes, given the expected size (0 when unknown). The reader uses fflate unless its host offers
 * a faster one (the CLI passes Node's native zlib); any error it throws means a damaged part.
 */
export type RawInflate = (data: Uint8Array, size: number) => Uint8Array;

/** fflate's inflate, the default everywhere a faster native one is not at hand. */
export const fflateInflate: RawInflate = (data, size) => inflateSync(data, size > 0 ? { out: new Uint8Array(size) } : undefined);

/** A whole part as bytes. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, inflate?: RawInflate): Uint8Array {
  const data = storedData(bytes, entry);
  if (entry.method === 0) return checkedSize(entry, data);
  let out: Uint8Array;
  try {
    out = (inflate ?? fflateInflate)(data, entry.size);
  } catch {
    throw new DamagedPartError(entry.name);
  }
  return checkedSize(entry, out);
}

/** An inflater that works off the calling thread (Node's zlib on its thread pool); rejects for damaged data. */
export type AsyncRawInflate = (data: Uint8Array, size: number) => Promise<Uint8Array>;

/** readEntry with an inflater that works off the calling thread; rejects with DamagedPartError as readEntry throws. */
export async function readEntryAsync(bytes: Uint8Array, entry: ZipEntry, inflate: AsyncRawInflate): Promise<Uint8Array> {
  const data = storedData(bytes, entry);
  if (entry.method === 0) return checkedSize(entry, data);
  let out: Uint8Array;
  try {
    out = await inflate(data, entry.size);
  } catch {
    throw new DamagedPartError(entry.name);
  }
  return checkedSize(entry, out);
}

/** An entry's data as stored (method 0: the part itself; 8: deflated); DamagedPartError for anything else. */
function storedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = entryData(bytes, entry);
  if (!data || entry.encrypted || (entry.method !== 0 && entry.method !== 8)) throw new DamagedPartError(entry.name);
  return data;
}

/**
 * Parts up to this size are checked against their CRC-32 whatever their method. A bigger deflated part (a 180,000-row
 * master's sheet: 86 MB of XML, some 140 ms of CRC in JS, against the pane's 3 s target) is checked by inflating it:
 * deflate's own structure and the exact size the directory gives. A stored part is always checked: nothing else is.
 */
const CRC_CHECKED_SIZE = 16 * 1024 * 1024;

/** A part's bytes, checked against the size and CRC-32 the directory gives: a part that inflates but is not what was
 * written (a byte changed in transit) is damaged, not read as something else. */
function checkedSize(entry: ZipEntry, out: Uint8Array): Uint8Array {
  if (entry.size > 0 && out.length !== entry.size) throw new DamagedPartError(entry.name);
  if ((entry.method === 0 || out.length <= CRC_CHECKED_SIZE) && crc32(out) !== entry.crc32) throw new DamagedPartError(entry.name);
  return out;
}

/** CRC-32 tables for eight bytes at a time ("slicing by 8": about 1 GB/s, a 50 MB worksheet in some 50 ms). */
let crcTables: Int32Array | undefined;

function tables(): Int32Array {
  if (crcTables) return crcTables;
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 255];
  return (crcTables = t);
}

/** The CRC-32 (ZIP's, polynomial 0xEDB88320) of some bytes, as an unsigned number. */
export function crc32(b: Uint8Array): number {
  const t = tables();
  let c = -1;
  let i = 0;
  const last = b.length - 8;
  for (; i <= last; i += 8) {
    const a = c ^ (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    c = t[1792 + (a & 255)] ^ t[1536 + ((a >>> 8) & 255)] ^ t[1280 + ((a >>> 16) & 255)] ^ t[1024 + (a >>> 24)] ^ t[768 + b[i + 4]] ^ t[512 + b[i + 5]] ^ t[256 + b[i + 6]] ^ t[b[i + 7]];
  }
  for (; i < b.length; i++) c = t[(c ^ b[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Index just after the last complete UTF-8 sequence of `b` (a piece may end inside a character). */
function completeUtf8Length(b: Uint8Array): number {
  let i = b.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 4 && (b[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return b.length;
  const lead = b[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

/**
 * UTF-8 pieces → text pieces. Each call decodes whole characters only (the rest waits for the next piece), without
 * TextDecoder's streaming mode, which is several times slower in Node.
 */
class Utf8Pieces {
  private carry: Uint8Array | undefined;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });

  decode(piece: Uint8Array, final: boolean): string {
    let data = piece;
    if (this.carry) {
      data = new Uint8Array(this.carry.length + piece.length);
      data.set(this.carry);
      data.set(piece, this.carry.length);
      this.carry = undefined;
    }
    const end = final ? data.length : completeUtf8Length(data);
    if (end < data.length) this.carry = data.slice(end);
    return this.decoder.decode(end === data.length ? data : data.subarray(0, end));
  }
}

/** A whole part inflated at once (fast for a part whose values are all kept anyway), decoded in pieces for `onText`. */
export function entryTextPieces(bytes: Uint8Array, entry: ZipEntry, onText: (text: string) => void): void {
  const data = readEntry(bytes, entry);
  const utf8 = new Utf8Pieces();
  const PIECE = 1 << 20;
  for (let i = 0; i < data.length || i === 0; i += PIECE) {
    const end = Math.min(i + PIECE, data.length);
    onText(utf8.decode(data.subarray(i, end), end === data.length));
    if (end === data.length) break;
  }
}
