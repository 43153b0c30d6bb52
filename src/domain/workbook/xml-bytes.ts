import { decodeXmlText, XmlSyntaxError } from "./xml-scanner";

/**
 * The hot-path twin of XmlScanner for the big parts of an .xlsx (worksheets, shared strings): it scans the part's
 * UTF-8 bytes as they come out of inflate, without decoding them to a JS string first. Tags and attribute names are
 * ASCII, so they are compared as bytes; handlers get byte ranges and decode only the values they keep (cell values,
 * strings), and only the non-ASCII runs go through TextDecoder. Same events and same rules as XmlScanner: the local
 * name of an element (prefix dropped), raw attribute bytes, raw text (entities still encoded), CDATA decoded.
 */
export interface ByteXmlHandler {
  /**
   * Attributes are bytes [attrStart, attrEnd) of the buffer being scanned. Returning true skips the element's
   * content (no events for it; its end tag is still reported), when it holds no other markup than tags.
   */
  open(name: string, attrStart: number, attrEnd: number, selfClosing: boolean): boolean | void;
  /** `tagStart`: where the end tag's "<" is. */
  close(name: string, tagStart: number): void;
  /** Raw character data bytes [start, end) between two tags. */
  text(start: number, end: number): void;
  /** A CDATA section's bytes [start, end). */
  cdata(start: number, end: number): void;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Code units of the short value being decoded (a value is at most SHORT bytes, so at most SHORT units). */
const SHORT = 256;
const units = new Uint16Array(SHORT);

/**
 * Bytes [start, end) as text. Short values (cell values, shared strings: almost all of them) are decoded here:
 * a TextDecoder call costs about a microsecond of overhead in a browser, a million of them seconds. Anything
 * not plain well-formed UTF-8 goes to TextDecoder, so the result is always TextDecoder's.
 */
export function utf8Text(b: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) return "";
  if (length <= SHORT) {
    let i = start;
    while (i < end && b[i] < 0x80) i++;
    if (i === end) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
    const n = decodeShortUtf8(b, start, end);
    if (n >= 0) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
  return decoder.decode(b.subarray(start, end));
}

/**
 * Well-formed UTF-8 bytes [start, end) (no overlong form, surrogate or value past U+10FFFF) into `units`: the
 * number of UTF-16 code units, or -1 for anything else (TextDecoder then decides, with its replacement characters).
 */
function decodeShortUtf8(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      units[n++] = c;
      i++;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= end) return -1;
      const c1 = b[i + 1];
      if ((c1 & 0xc0) !== 0x80) return -1;
      units[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= end) return -1;
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const u = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (u < 0x800 || (u >= 0xd800 && u <= 0xdfff)) return -1;
      units[n++] = u;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= end) return -1;
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      const c3 = b[i + 3];
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const u = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (u < 0x10000 || u > 0x10ffff) return -1;
      units[n++] = 0xd800 + ((u - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((u - 0x10000) & 0x3ff);
      i += 4;
    } else return -1;
  }
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The local name of the element named in bytes [start, end), interned for the names a sheet repeats per cell. */
function elementName(b: Uint8Array, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    if (b[k] === 58 /* : */) {
      start = k + 1;
      break;
    }
  }
  const length = end - start;
  const c0 = b[start];
  if (length === 1) {
    if (c0 === 99) return "c";
    if (c0 === 118) return "v";
    if (c0 === 102) return "f";
    if (c0 === 116) return "t";
    if (c0 === 114) return "r";
  } else if (length === 2) {
    const c1 = b[start + 1];
    if (c0 === 105 && c1 === 115) return "is";
    if (c0 === 115 && c1 === 105) return "si";
  } else if (length === 3 && c0 === 114) {
    const c1 = b[start + 1];
    const c2 = b[start + 2];
    if (c1 === 111 && c2 === 119) return "row";
    if (c1 === 80 && c2 === 104) return "rPh";
    if (c1 === 80 && c2 === 114) return "rPr";
  }
  return utf8Text(b, start, end);
}

function startsWith(b: Uint8Array, at: number, ascii: string): boolean {
  if (at + ascii.length > b.length) return false;
  for (let k = 0; k < ascii.length; k++) if (b[at + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

function find(b: Uint8Array, ascii: string, from: number): number {
  const first = ascii.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (startsWith(b, i, ascii)) return i;
  return -1;
}

/**
 * Scans a whole part. `onPosition` is called now and then with the number of bytes scanned (for progress).
 * Throws XmlSyntaxError for a tag cut off by the end of the part.
 */
export function scanXmlBytes(b: Uint8Array, h: ByteXmlHandler, onPosition?: (scanned: number) => void): void {
  const n = b.length;
  const REPORT_EVERY = 1 << 20;
  let nextReport = REPORT_EVERY;
  let i = 0;
  while (i < n) {
    // A loop, not indexOf: the gaps between tags are a few bytes, and indexOf's call costs more than them.
    let lt = i;
    while (lt < n && b[lt] !== 60 /* < */) lt++;
    if (lt >= n) break;
    if (lt > i) h.text(i, lt);
    if (lt >= nextReport && onPosition) {
      onPosition(lt);
      nextReport = lt + REPORT_EVERY;
    }
    if (lt + 1 >= n) throw new XmlSyntaxError("unexpected end of XML");
    const c = b[lt + 1];
    if (c === 33 /* ! */) {
      if (startsWith(b, lt, "<!--")) {
        const end = find(b, "-->", lt + 4);
        if (end < 0) throw new XmlSyntaxError("unexpected end of XML");
        i = end + 3;
      } else if (startsWith(b, lt, "<![CDATA[")) {
        const end = find(b, "]]>", lt + 9);
        if (end < 0) throw new XmlSyntaxError("unexpected end of XML");
        h.cdata(lt + 9, end);
        i = end + 3;
      } else {
        if (n - lt < 9) throw new XmlSyntaxError("unexpected end of XML");
        const end = b.indexOf(62, lt + 2);
        if (end < 0) throw new XmlSyntaxError("unexpected end of XML");
        i = end + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = find(b, "?>", lt + 2);
      if (end < 0) throw new XmlSyntaxError("unexpected end of XML");
      i = end + 2;
      continue;
    }
    // The tag ends at the first ">" outside quotes.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const x = b[j];
      if (quote !== 0) {
        if (x === quote) quote = 0;
      } else if (x === 62 /* > */) break;
      else if (x === 34 || x === 39) quote = x;
    }
    if (j >= n) throw new XmlSyntaxError("unexpected end of XML");
    if (c === 47 /* / */) {
      let end = j;
      while (end > lt + 2 && isSpace(b[end - 1])) end--;
      h.close(elementName(b, lt + 2, end), lt);
    } else {
      const selfClosing = b[j - 1] === 47;
      const tagEnd = selfClosing ? j - 1 : j;
      let k = lt + 1;
      while (k < tagEnd && !isSpace(b[k])) k++;
      if (k === lt + 1) throw new XmlSyntaxError("empty tag name");
      const name = elementName(b, lt + 1, k);
      if (h.open(name, k, tagEnd, selfClosing) === true && !selfClosing) {
        const endTag = skipElement(b, lt + 1, k, j + 1);
        if (endTag >= 0) {
          let end = endTag + 2 + (k - lt - 1);
          while (b[end] !== 62 /* > */) end++;
          h.close(name, endTag);
          i = end + 1;
          continue;
        }
      }
    }
    i = j + 1;
  }
}

/**
 * Where the end tag of the element whose start tag's name is bytes [nameStart, nameEnd) starts: its first end tag
 * after `from`. -1 (scan it as usual) when the content holds a comment, CDATA, a processing instruction or a tag of
 * the same name, or the end tag is not there.
 */
function skipElement(b: Uint8Array, nameStart: number, nameEnd: number, from: number): number {
  const length = nameEnd - nameStart;
  const n = b.length;
  let lt = b.indexOf(60 /* < */, from);
  while (lt >= 0) {
    const c = b[lt + 1];
    if (c === 33 /* ! */ || c === 63 /* ? */) return -1;
    const at = c === 47 /* / */ ? lt + 2 : lt + 1;
    let same = at + length < n;
    for (let k = 0; same && k < length; k++) same = b[at + k] === b[nameStart + k];
    if (same) {
      let end = at + length;
      if (c !== 47) {
        const next = b[end];
        if (next === 62 || next === 47 || isSpace(next)) return -1;
      } else {
        while (end < n && isSpace(b[end])) end++;
        if (b[end] === 62 /* > */) return lt;
      }
    }
    // Past this tag: its end is the first ">" outside quotes.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const x = b[j];
      if (quote !== 0) {
        if (x === quote) quote = 0;
      } else if (x === 62) break;
      else if (x === 34 || x === 39) quote = x;
    }
    if (j >= n) return -1;
    lt = b.indexOf(60, j + 1);
  }
  return -1;
}

/**
 * Calls `each` with every attribute of the bytes [start, end): the name's and the raw value's byte ranges (value
 * without its quotes, entities still encoded). Stops at the first malformed attribute, as `attribute` does.
 */
export function eachAttribute(b: Uint8Array, start: number, end: number, each: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean | void): void {
  let i = start;
  while (i < end) {
    while (i < end && isSpace(b[i])) i++;
    const nameStart = i;
    while (i < end && b[i] !== 61 /* = */ && !isSpace(b[i])) i++;
    const nameEnd = i;
    while (i < end && isSpace(b[i])) i++;
    if (i >= end || b[i] !== 61) return;
    i++;
    while (i < end && isSpace(b[i])) i++;
    const q = b[i];
    if (i >= end || (q !== 34 && q !== 39)) return;
    let close = i + 1;
    while (close < end && b[close] !== q) close++;
    if (close >= end) return;
    if (each(nameStart, nameEnd, i + 1, close) === true) return;
    i = close + 1;
  }
}

/** One attribute of a tag (qualified name as written, e.g. "r:id"), entities decoded; the byte twin of `attribute`. */
export function byteAttribute(b: Uint8Array, start: number, end: number, name: string): string | undefined {
  let out: string | undefined;
  eachAttribute(b, start, end, (ns, ne, vs, ve) => {
    if (ne - ns !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (b[ns + k] !== name.charCodeAt(k)) return false;
    out = decodeXmlText(utf8Text(b, vs, ve));
    return true;
  });
  return out;
}
