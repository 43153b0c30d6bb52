import Encoding from "encoding-japanese";
import { decodeText, detectEncoding, encodeText, unencodableCharacters, unencodableInCp932, unencodableInUtf8 } from "../../../src/domain";

describe("text encodings", () => {
  const text = "利用者名,連絡先\r\n佐藤　太郎,ｻﾄｳ,①髙﨑\r\n";

  it("CP932 round trip, including NEC/IBM extensions and half-width kana", () => {
    const bytes = encodeText(text, "cp932");
    expect(detectEncoding(bytes)).toBe("cp932");
    expect(decodeText(bytes)).toEqual({ text, encoding: "cp932" });
  });

  it("CP932 bytes are encoding-japanese's, for every character it can write (the encoder keeps them per character)", () => {
    const chars: string[] = [];
    // Every character outside the ideographs, and every 11th ideograph.
    for (let c = 0x80; c < 0x10000; c += c >= 0x3400 && c < 0xf900 ? 11 : 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      try {
        Encoding.convert(ch, { to: "SJIS", from: "UNICODE", type: "array", fallback: "error" });
        chars.push(ch);
      } catch {
        // not in CP932
      }
    }
    expect(chars.length).toBeGreaterThan(1300);
    const all = "abc,\r\n" + chars.join("") + "\r\nend";
    const expected = Encoding.convert(all, { to: "SJIS", from: "UNICODE", type: "array", fallback: "error" }) as number[];
    expect([...encodeText(all, "cp932")]).toEqual(expected);
    expect(encodeText("", "cp932")).toEqual(new Uint8Array(0));
    expect(() => encodeText("髙橋😀", "cp932")).toThrow();
    // A BMP character CP932 lacks throws every time, also once the encoder has noted it as missing.
    expect(() => encodeText("a\u0b83", "cp932")).toThrow();
    expect(() => encodeText("b\u0b83", "cp932")).toThrow();
  });

  it("UTF-8 with and without BOM", () => {
    const bom = encodeText(text, "utf8bom");
    expect([...bom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(bom)).toEqual({ text, encoding: "utf8" });
    expect(decodeText(encodeText(text, "utf8"))).toEqual({ text, encoding: "utf8" });
  });

  it("encodeText refuses (throws) rather than writing a replacement character; callers check first", () => {
    expect(() => encodeText("𠮷", "cp932")).toThrow();
    expect(unencodableInCp932("吉𠮷😀〜−～")).toEqual(["𠮷", "😀", "〜", "−"]);
    expect(unencodableInUtf8("ok\ud800x\udc00😀")).toEqual(["\ud800", "\udc00"]);
    expect(unencodableCharacters("😀", "utf8bom")).toEqual([]);
    expect(unencodableCharacters("😀", "cp932")).toEqual(["😀"]);
  });
});
