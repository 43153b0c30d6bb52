import Encoding from "encoding-japanese";

export type TextEncoding = "cp932" | "utf8bom" | "utf8";

/**
 * Characters of `text` that Shift_JIS (CP932) cannot represent, unique, in order. A character counts as
 * representable only if it reads back as itself: encoding-japanese also writes 〜 (U+301C) and − (U+2212) as
 * the bytes of ～ and －, which would change the text without a word.
 */
export function unencodableInCp932(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || bad.includes(ch)) continue;
    if (!roundTripsInCp932(ch)) bad.push(ch);
  }
  return bad;
}

/** Per-character answers, kept: an export asks about the same few thousand characters over and over. */
const cp932RoundTrip = new Map<string, boolean>();

function roundTripsInCp932(ch: string): boolean {
  let ok = cp932RoundTrip.get(ch);
  if (ok === undefined) {
    try {
      const bytes = cp932BytesOf(ch);
      ok = Encoding.convert(bytes, { to: "UNICODE", from: "SJIS", type: "string" }) === ch;
    } catch {
      ok = false;
    }
    cp932RoundTrip.set(ch, ok);
  }
  return ok;
}

/** Each non-ASCII character's CP932 bytes, kept: a CSV repeats the same few thousand characters. */
const cp932Bytes = new Map<string, number[]>();

function cp932BytesOf(ch: string): number[] {
  let bytes = cp932Bytes.get(ch);
  if (bytes === undefined) {
    bytes = Encoding.convert(ch, { to: "SJIS", from: "UNICODE", type: "array", fallback: "error" }) as number[];
    cp932Bytes.set(ch, bytes);
  }
  return bytes;
}

/**
 * CP932 bytes per UTF-16 code unit, filled as characters are met: 0 not asked yet, -1 none, else
 * (byte count << 16) | bytes. A 10,000-row CSV repeats the same few thousand characters.
 */
const cp932Table = new Int32Array(0x10000);

function cp932CodeOf(c: number): number {
  let code = cp932Table[c];
  if (code === 0) {
    try {
      const bytes = cp932BytesOf(String.fromCharCode(c));
      code = bytes.length === 1 ? (1 << 16) | bytes[0] : (2 << 16) | (bytes[0] << 8) | bytes[1];
    } catch {
      code = -1;
    }
    cp932Table[c] = code;
  }
  return code;
}

/**
 * Text → CP932, a character at a time from the kept bytes (encoding-japanese converts a whole text through UTF-8,
 * several times slower on a 10,000-row CSV). Throws, as encoding-japanese does, for a character CP932 lacks.
 */
function encodeCp932(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i];
      for (const b of cp932BytesOf(pair)) out[n++] = b;
      i += pair.length - 1;
      continue;
    }
    const code = cp932CodeOf(c);
    if (code === -1) cp932BytesOf(text[i]); // throws encoding-japanese's error for the character
    if (code >> 16 === 2) out[n++] = (code >> 8) & 0xff;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}

/** Lone surrogate halves (broken text): UTF-8 cannot hold them and would write U+FFFD instead. */
export function unencodableInUtf8(text: string): string[] {
  return [...new Set(text.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g) ?? [])];
}

const ASCII = /^[\x00-\x7f]*$/;

/** Characters the encoding cannot write as themselves. */
export function unencodableCharacters(text: string, encoding: TextEncoding): string[] {
  if (ASCII.test(text)) return [];
  return encoding === "cp932" ? unencodableInCp932(text) : unencodableInUtf8(text);
}

/** Encodes text; throws if a character cannot be represented (callers check first, so nothing becomes "?"). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === "cp932") return encodeCp932(text);
  const utf8 = new TextEncoder().encode(text);
  if (encoding === "utf8") return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(utf8, 3);
  return out;
}

export type DetectedEncoding = "utf8" | "cp932" | "utf16le" | "utf16be";

/**
 * UTF-16 when a byte order mark says so (Excel's "Unicode テキスト" is UTF-16LE with BOM), UTF-8 (with or without
 * BOM) when the bytes are valid UTF-8, else Shift_JIS (CP932).
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf8";
  } catch {
    return "cp932";
  }
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let data = bytes.subarray(2, bytes.length - (bytes.length % 2));
  if (bigEndian) {
    const swapped = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i += 2) {
      swapped[i] = data[i + 1];
      swapped[i + 1] = data[i];
    }
    data = swapped;
  }
  return new TextDecoder("utf-16le").decode(data);
}

/** Decodes a text file from any of these encodings; a byte order mark is dropped. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  const encoding = detectEncoding(bytes);
  if (encoding === "utf16le" || encoding === "utf16be") return { text: decodeUtf16(bytes, encoding === "utf16be"), encoding };
  if (encoding === "utf8") {
    const text = new TextDecoder("utf-8").decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
  }
  const text = Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS", type: "string" }) as string;
  return { text, encoding };
}
