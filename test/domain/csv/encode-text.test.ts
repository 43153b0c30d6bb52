import { decodeText, detectEncoding, encodeText, unencodableCharacters, unencodableInCp932, unencodableInUtf8 } from "../../../src/domain";

describe("text encodings", () => {
  const text = "利用者名,連絡先\r\n佐藤　太郎,ｻﾄｳ,①髙﨑\r\n";

  it("CP932 round trip, including NEC/IBM extensions and half-width kana", () => {
    const bytes = encodeText(text, "cp932");
    expect(detectEncoding(bytes)).toBe("cp932");
    expect(decodeText(bytes)).toEqual({ text, encoding: "cp932" });
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
