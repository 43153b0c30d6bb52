// A small scanner for the few parts of an .xlsx that the stand-in reads when a workbook is inserted. The XML comes
// from Excel or exceljs (well-formed, no DTD); the elements it is asked for never nest in themselves. A DOM parser did
// this before, but jsdom's takes minutes on a workbook with a few thousand rows of masters.

export interface ScannedElement {
  attrs: Map<string, string>;
  /** The element's content as XML ("" for a self-closing element). */
  inner: string;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(ENTITY, (_, hex: string, dec: string, name: string) => (name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))));
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) out.set(m[1], unescapeXml(m[2] ?? m[3]));
  return out;
}

/** Every element whose local name is `local` (with or without a namespace prefix), in document order. */
export function* elements(xml: string, local: string): Generator<ScannedElement> {
  const open = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])([^>]*?)(/?)>`, "g");
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const attrs = attributes(m[2]);
    if (m[3] === "/") {
      yield { attrs, inner: "" };
      continue;
    }
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, open.lastIndex);
    if (end < 0) throw new Error(`unclosed <${m[1]}>`);
    yield { attrs, inner: xml.slice(open.lastIndex, end) };
    open.lastIndex = end + close.length;
  }
}

export function first(xml: string, local: string): ScannedElement | undefined {
  for (const e of elements(xml, local)) return e;
  return undefined;
}

/** The text of every `<t>` inside, joined (phonetic runs, <rPh>, are not what a cell shows: left out). */
export function textOf(xml: string): string {
  const shown = xml.indexOf("rPh") < 0 ? xml : xml.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  let text = "";
  for (const t of elements(shown, "t")) text += unescapeXml(t.inner);
  return text;
}
