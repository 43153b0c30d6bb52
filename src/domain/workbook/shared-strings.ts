import type { Problem } from "../problems/problem";
import { IntList } from "./int-list";
import { locateWorkbook, openPackage, packageProblem, PartSyntaxError } from "./package";
import { byteAttribute, scanXmlBytes, utf8Text } from "./xml-bytes";
import { decodeOoxmlEscapes, elementText, normalizeLineEnds, XmlSyntaxError, xmlText } from "./xml-scanner";
import { readEntry, type RawInflate } from "./zip";

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

  /** The part is not in the file: the name it would have, so that a cell that asks for a string can name it. */
  get missingPart(): string | undefined {
    return this.source.missing ? this.source.part : undefined;
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
  /** The workbook has no shared strings part (`part` is the name it would have). */
  missing?: boolean;
}

/**
 * The shared strings of a workbook that has no shared strings part: fine while no cell refers to one (a workbook of
 * numbers, or of inline strings); a cell that does makes the reader report the part as missing.
 */
export function noSharedStrings(part: string): SharedStrings {
  return new SharedStrings({ data: new Uint8Array(0), bounds: new Int32Array(0), part, missing: true });
}

/** The shared strings of an .xlsx alone (none when it has none), or the problem readXlsx would report for the file. */
export function readSharedStringsPart(bytes: Uint8Array, fileName: string, options: { inflate?: RawInflate } = {}): { ok: true; strings: SharedStrings } | { ok: false; problem: Problem } {
  const pkg = openPackage(bytes, fileName);
  if (!pkg.ok) return pkg;
  try {
    const { sharedStringsEntry: entry, sharedStringsPath } = locateWorkbook(bytes, pkg.entries);
    return { ok: true, strings: entry ? readSharedStrings(readEntry(bytes, entry, options.inflate), entry.name) : noSharedStrings(sharedStringsPath) };
  } catch (e) {
    return packageProblem(e, fileName);
  }
}

export function readSharedStrings(data: Uint8Array, partName: string): SharedStrings {
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

/**
 * The common item: `<t>plain text</t>`, no markup, entity, OOXML escape or CR inside and no white space at either
 * end (which Excel would drop, having no xml:space="preserve").
 */
function isPlainItem(b: Uint8Array, start: number, end: number): boolean {
  if (end - start < 7) return false;
  if (b[start] !== 60 || b[start + 1] !== 116 || b[start + 2] !== 62) return false; // <t>
  if (b[end - 4] !== 60 || b[end - 3] !== 47 || b[end - 2] !== 116 || b[end - 1] !== 62) return false; // </t>
  if (end - start > 7 && (isSpaceByte(b[start + 3]) || isSpaceByte(b[end - 5]))) return false;
  for (let i = start + 3; i < end - 4; i++) {
    const c = b[i];
    if (c === 60 /* < */ || c === 38 /* & */ || c === 95 /* _ */ || c === 13 /* CR */) return false;
  }
  return true;
}

function isSpaceByte(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * One item's text: its <t> runs (rich text too), phonetic runs (<rPh>) left out; each run read as Excel reads it
 * (line ends as LF, entities decoded, white space at its ends dropped unless xml:space="preserve"), then the
 * item's _xHHHH_ escapes decoded, once.
 */
function itemText(data: Uint8Array, start: number, end: number): string {
  if (start >= end) return "";
  if (isPlainItem(data, start, end)) return utf8Text(data, start + 3, end - 4);
  const b = data.subarray(start, end);
  let current = "";
  let run = "";
  let inText = false;
  let preserve = false;
  let phonetic = 0;
  scanXmlBytes(b, {
    open(name, s, e, selfClosing) {
      if (name === "rPh") {
        if (!selfClosing) phonetic++;
      } else if (name === "t") {
        inText = !selfClosing && phonetic === 0;
        preserve = inText && e > s && byteAttribute(b, s, e, "xml:space") === "preserve";
        run = "";
      }
    },
    close(name) {
      if (name === "rPh") phonetic--;
      else if (name === "t" && inText) {
        inText = false;
        current += elementText(run, preserve);
      }
    },
    text(s, e) {
      if (inText) run += xmlText(utf8Text(b, s, e));
    },
    cdata(s, e) {
      if (inText) run += normalizeLineEnds(utf8Text(b, s, e));
    },
  });
  return decodeOoxmlEscapes(current);
}
