import { messageOf } from "../../../src/domain";
import { checkValid, keys, only } from "../../support/form-rows";

describe("B 利用者名", () => {
  it("accepts JIS X 0208 kanji/kana with a full-width space, and ASCII", () => {
    for (const name of ["佐藤　太郎", "さとう たろう", "サトウ　タロウ", "John Smith", "渡邉　剛", "齋藤　一", "高橋　翔", "ナカムラ・ジョン"]) {
      const r = checkValid({ name });
      expect(keys(r.findings)).toEqual([]);
      expect(r.values.name).toBe(name);
    }
  });

  it("is required", () => {
    for (const name of [null, "", "   ", "　　"]) {
      const r = checkValid({ name });
      expect(keys(r.findings)).toEqual(["B:required.missing"]);
      expect(r.findings[0].severity).toBe("error");
      expect(messageOf(r.findings[0])).toContain("利用者名");
    }
  });

  it.each([
    ["①郎", "①", "1郎"],
    ["山田Ⅱ世", "Ⅱ", "山田II世"],
    ["㈱山田", "㈱", "(株)山田"],
    ["髙橋　翔", "髙", "高橋　翔"],
    ["山﨑　花子", "﨑", "山崎　花子"],
    ["𠮷田　太郎", "𠮷", "吉田　太郎"],
  ])("環境依存文字 %s is an error naming the character, with a JIS substitute as fix", (name, bad, fix) => {
    const r = checkValid({ name });
    expect(keys(r.findings)).toEqual(["B:name.non-jis"]);
    const f = r.findings[0];
    expect(f.severity).toBe("error");
    expect(messageOf(f)).toContain(`「${bad}」`);
    expect(f.fix).toBe(fix);
    expect(r.values.name).toBeUndefined();
  });

  it("emoji is an error without a fix (nothing to substitute)", () => {
    const r = checkValid({ name: "佐藤😀太郎" });
    expect(keys(r.findings)).toEqual(["B:name.non-jis"]);
    expect(messageOf(r.findings[0])).toContain("「😀」");
    expect(r.findings[0].fix).toBeUndefined();
  });

  it("lists each invalid character once, in order", () => {
    const r = checkValid({ name: "髙①髙😀" });
    expect(messageOf(r.findings[0])).toContain("「髙」「①」「😀」");
  });

  it("a line break inside the cell is one error (control character), not also a name error", () => {
    for (const name of ["佐藤\n太郎", "佐藤\r\n太郎", "佐藤\t太郎", "佐藤\u0007"]) {
      const r = checkValid({ name });
      expect(keys(r.findings)).toEqual(["B:cell.control-character"]);
      expect(r.values.name).toBeUndefined();
    }
    expect(checkValid({ name: "佐藤\n太郎" }).findings[0].fix).toBe("佐藤太郎");
  });

  it("half-width katakana is a warning with the full-width form as fix, and the name stays as typed", () => {
    const r = checkValid({ name: "ｻﾄｳ ﾀﾛｳ" });
    expect(keys(r.findings)).toEqual(["B:name.halfwidth-kana"]);
    expect(r.findings[0].severity).toBe("warning");
    expect(r.findings[0].fix).toBe("サトウ タロウ");
    expect(r.values.name).toBe("ｻﾄｳ ﾀﾛｳ");
    expect(checkValid({ name: "ｶﾞｯｺｳ" }).findings[0].fix).toBe("ガッコウ");
  });

  it("surrounding spaces (ASCII and full-width) are trimmed with a warning; inner spaces are kept", () => {
    const r = checkValid({ name: "　佐藤　太郎 " });
    expect(keys(r.findings)).toEqual(["B:text.surrounding-space"]);
    expect(r.findings[0].severity).toBe("warning");
    expect(only(r.findings, "text.surrounding-space").fix).toBe("佐藤　太郎");
    expect(r.values.name).toBe("佐藤　太郎");
  });

  it("a value starting like a formula is an error (CSV injection)", () => {
    for (const name of ["=HYPERLINK(\"x\")", "+佐藤", "-佐藤", "@佐藤"]) {
      expect(keys(checkValid({ name }).findings)).toEqual(["B:cell.formula-like"]);
    }
  });

  it("an Excel error value is an error, not a name", () => {
    const r = checkValid({ name: { error: "#N/A" } });
    expect(keys(r.findings)).toEqual(["B:cell.error-value"]);
    expect(messageOf(r.findings[0])).toContain("#N/A");
  });
});
