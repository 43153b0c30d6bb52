// utf8Text decodes short values itself (a TextDecoder call per value is slow in a browser): it must give exactly
// what TextDecoder gives, for every character and for bytes that are not well-formed UTF-8.
import { scanXmlBytes, utf8Text, type ByteXmlHandler } from "../../../src/domain/workbook/xml-bytes";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

function differs(bytes: Uint8Array): boolean {
  return utf8Text(bytes, 0, bytes.length) !== decoder.decode(bytes);
}

describe("utf8Text", () => {
  it("decodes every code point (alone, after ASCII and after kana) as TextDecoder does", () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      for (const s of [ch, `a${ch}b`, `カナ${ch}`]) if (differs(encoder.encode(s))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("gives TextDecoder's replacement characters for malformed bytes: cut, overlong, surrogates, past U+10FFFF, stray continuations", () => {
    const cases = [
      [0xe3, 0x81], [0xe3], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xbf, 0x41],
      [0xf0, 0x9f, 0x98], [0xff, 0xfe], [0xef, 0xbb, 0xbf, 0x41], [0x41, 0xc3], [0xc3, 0x41],
    ];
    for (const c of cases) expect(utf8Text(new Uint8Array(c), 0, c.length)).toBe(decoder.decode(new Uint8Array(c)));
    // Seeded random short byte strings, biased to lead and continuation bytes.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 12) }, () => (next() < 0.5 ? 0x80 + Math.floor(next() * 0x80) : Math.floor(next() * 256)));
      if (differs(bytes)) throw new Error(`differs for ${[...bytes].map((x) => x.toString(16)).join(" ")}`);
    }
  });

  it("decodes a slice of a bigger buffer, and values longer than the short path", () => {
    const text = "医療機関マスタ（全数）,".repeat(40);
    const bytes = encoder.encode(`<t>${text}</t>`);
    expect(utf8Text(bytes, 3, bytes.length - 4)).toBe(text);
    expect(utf8Text(bytes, 3, 3 + encoder.encode("医療").length)).toBe("医療");
  });
});

describe("scanXmlBytes: an element whose handler asks to skip it", () => {
  /** The events of a scan, as text; `skip` names the elements the handler skips. */
  function events(xml: string, skip: string): string[] {
    const b = new TextEncoder().encode(xml);
    const out: string[] = [];
    const handler: ByteXmlHandler = {
      open(name, _s, _e, selfClosing) {
        out.push(`<${name}${selfClosing ? "/" : ""}>`);
        return name === skip;
      },
      close(name) {
        out.push(`</${name}>`);
      },
      text(start, end) {
        out.push(utf8Text(b, start, end));
      },
      cdata(start, end) {
        out.push(`[${utf8Text(b, start, end)}]`);
      },
    };
    scanXmlBytes(b, handler);
    return out;
  }

  it("gets no events for its content but its end tag, and the scan goes on after it", () => {
    expect(events(`<row><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c ><x:c><v>3</v></x:c></row>`, "c")).toEqual(["<row>", "<c>", "</c>", "<c>", "</c>", "<c>", "</c>", "</row>"]);
    // A tag whose attribute value holds "</c>" does not end the element early; a name that only starts the same does not either.
    expect(events(`<a><c><v q="</c>">1</v><cc>2</cc></c><b/></a>`, "c")).toEqual(["<a>", "<c>", "</c>", "<b/>", "</a>"]);
    expect(events(`<a><c/><v>1</v></a>`, "c")).toEqual(["<a>", "<c/>", "<v>", "1", "</v>", "</a>"]);
  });

  it("is scanned as usual when its content holds CDATA, a comment, a processing instruction or the same element", () => {
    const plain = (xml: string) => events(xml, "none");
    for (const xml of [
      `<a><c><v><![CDATA[</c>]]></v></c><b/></a>`,
      `<a><c><!-- </c> --><v>1</v></c><b/></a>`,
      `<a><c><?pi </c>?><v>1</v></c><b/></a>`,
      `<a><c><v>1</v>`,
    ]) {
      expect(events(xml, "c")).toEqual(plain(xml));
    }
    // The outer element is scanned, and the inner one, asked again, is skipped.
    expect(events(`<a><c><c>1</c>2</c><b/></a>`, "c")).toEqual(["<a>", "<c>", "<c>", "</c>", "2", "</c>", "<b/>", "</a>"]);
  });
});
