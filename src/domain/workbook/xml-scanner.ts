/**
 * A SAX-level scanner for the XML of an .xlsx: tags and text, fed in pieces of any size (a tag or a text run may
 * be split between pieces). It builds no tree and no attribute objects: handlers get the element's local name
 * (prefix dropped: x:row → row) and its raw attribute text, and read the attributes they need with `attribute`.
 * Text is handed over raw (entities not decoded) and only between tags; the handler decides what it keeps.
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data between two tags (entities still encoded); CDATA sections come decoded with `cdata`. */
  text(raw: string): void;
  cdata?(text: string): void;
}

/** Thrown when the XML is not well-formed enough to be scanned; the reader turns it into a "damaged part" message. */
export class XmlSyntaxError extends Error {}

export class XmlScanner {
  private rest = "";

  constructor(private readonly handler: XmlHandler) {}

  push(piece: string): void {
    const s = this.rest.length > 0 ? this.rest + piece : piece;
    const n = s.length;
    const h = this.handler;
    let i = 0;
    // Position of the next " and ' at or after the current tag (-1: none left in this piece).
    let dq = s.indexOf('"');
    let sq = s.indexOf("'");
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      if (lt > i) h.text(s.slice(i, lt));
      i = lt;
      const c = s.charCodeAt(lt + 1);
      if (c !== c) break; // "<" is the last character: wait for more
      if (c === 33 /* ! */) {
        if (n - lt < 4) break;
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (n - lt < 9) {
          break;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) break;
          if (h.cdata) h.cdata(s.slice(lt + 9, end));
          i = end + 3;
        } else {
          const end = s.indexOf(">", lt + 2);
          if (end < 0) break;
          i = end + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      // The tag ends at the first ">" outside quotes. The next quote of each kind is remembered across tags, so
      // finding the end costs a few indexOf calls, never a scan of the rest of the piece per tag.
      if (dq !== -1 && dq < lt) dq = s.indexOf('"', lt);
      if (sq !== -1 && sq < lt) sq = s.indexOf("'", lt);
      let j = s.indexOf(">", lt + 1);
      let broken = false;
      while (j >= 0) {
        const q = dq !== -1 && dq < j && (sq === -1 || dq < sq) ? dq : sq !== -1 && sq < j ? sq : -1;
        if (q === -1) break;
        const closing = s.indexOf(q === dq ? '"' : "'", q + 1);
        if (closing < 0) {
          broken = true;
          break;
        }
        if (dq !== -1 && dq <= closing) dq = s.indexOf('"', closing + 1);
        if (sq !== -1 && sq <= closing) sq = s.indexOf("'", closing + 1);
        j = s.indexOf(">", closing + 1);
      }
      if (broken || j < 0) break;
      if (c === 47 /* / */) {
        let end = j;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        h.close(elementName(s, lt + 2, end));
      } else {
        const selfClosing = s.charCodeAt(j - 1) === 47;
        const tagEnd = selfClosing ? j - 1 : j;
        let k = lt + 1;
        while (k < tagEnd && !isSpace(s.charCodeAt(k))) k++;
        if (k === lt + 1) throw new XmlSyntaxError("empty tag name");
        h.open(elementName(s, lt + 1, k), k < tagEnd ? s.slice(k, tagEnd) : "", selfClosing);
      }
      i = j + 1;
    }
    this.rest = i < n ? s.slice(i) : "";
  }

  /** The end of the document: anything left but whitespace is an unfinished tag. */
  end(): void {
    if (this.rest.trim() !== "" && this.rest.includes("<")) throw new XmlSyntaxError("unexpected end of XML");
    this.rest = "";
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Names of the elements a sheet has once per row or cell: returned without allocating a new string each time. */
const FREQUENT = ["c", "v", "f", "t", "r", "is", "si", "row", "rPh", "rPr"];

/** The local name of the element named in s[start, end) (prefix dropped). */
function elementName(s: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 3) {
    for (const name of FREQUENT) if (name.length === length && s.startsWith(name, start)) return name;
  }
  return localName(s.slice(start, end));
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** One attribute of a tag's raw attribute text (qualified name as written, e.g. "r:id"), entities decoded. */
export function attribute(attributes: string, name: string): string | undefined {
  const n = attributes.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && attributes.charCodeAt(i) !== 61 /* = */ && !isSpace(attributes.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 61) return undefined;
    i++;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const q = attributes.charCodeAt(i);
    if (q !== 34 && q !== 39) return undefined;
    const end = attributes.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) return undefined;
    if (nameEnd - nameStart === name.length && attributes.startsWith(name, nameStart)) return decodeXmlText(attributes.slice(i + 1, end));
    i = end + 1;
  }
  return undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function codePointText(code: number): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

/** XML character and entity references → text. */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    return codePointText(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * XML's end-of-line rule, which a parser applies before anything else: CR LF and a lone CR are read as LF. Applied to
 * raw text (before entities are decoded: a character reference &#13; stays a CR). No copy when there is no CR.
 */
export function normalizeLineEnds(raw: string): string {
  return raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
}

/** Raw character data as the XML parser hands it over: line ends normalized, entities decoded. */
export function xmlText(raw: string): string {
  return decodeXmlText(normalizeLineEnds(raw));
}

/**
 * A <t> element's text as Excel reads it: without xml:space="preserve", the ASCII white space (space, tab, CR, LF)
 * at both ends is dropped — after entities are decoded (&#10; at an end goes too), before OOXML escapes are
 * (an _x000D_ at an end stays). Other spaces (U+3000, U+00A0) are kept.
 */
export function elementText(text: string, preserve: boolean): string {
  if (preserve || text.length === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (!isSpace(first) && !isSpace(last)) return text;
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's own escape for characters XML cannot hold (_x000D_ is a carriage return), as Excel shows them. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
