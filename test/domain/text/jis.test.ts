import { JIS_X_0208_CHARACTERS } from "../../../src/domain/text/jisx0208-table";
import { hasControlCharacter, inspectNameCharacters, isJisX0208, removeControlCharacters, widenHalfwidthKatakana } from "../../../src/domain/text/jis";

// The generator is the project's own script (node scripts/generate-jisx0208-table.js rewrites the table); it is
// plain CommonJS without type declarations, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jisx0208Characters } = require("../../../scripts/generate-jisx0208-table.js") as { jisx0208Characters: () => string };

describe("JIS X 0208 table", () => {
  const chars = [...JIS_X_0208_CHARACTERS];

  it("is exactly what the generator derives from encoding-japanese (regenerate, do not edit)", () => {
    expect(jisx0208Characters()).toBe(JIS_X_0208_CHARACTERS);
  });

  it("holds the 6879 characters of JIS X 0208, each once, none outside the BMP", () => {
    expect(chars).toHaveLength(6879);
    expect(new Set(chars).size).toBe(6879);
    expect(chars.every((c) => c.length === 1)).toBe(true);
  });

  it("has 6355 kanji (第1水準 2965 + 第2水準 3390) and 524 non-kanji", () => {
    const kanji = chars.filter((c) => /\p{Script=Han}/u.test(c) && !"々〆〇仝".includes(c));
    expect(kanji).toHaveLength(6355);
  });

  it("contains the kana, full-width forms and both 水準, including the 1990 additions 凜 and 熙", () => {
    for (const c of "あんアンヴヶ　、。・ー～－０９ＡＺａｚ亜腕弌熙凜堯槇遙瑤渡邉齋髪") expect(isJisX0208(c.codePointAt(0)!)).toBe(true);
  });

  it("excludes NEC/IBM extensions, half-width kana, supplementary characters and emoji", () => {
    for (const c of ["①", "⑳", "Ⅰ", "Ⅱ", "ⅰ", "㈱", "㍻", "№", "℡", "髙", "﨑", "德", "𠮷", "😀", "ｱ", "〜", "−", "©", "é"]) {
      expect(isJisX0208(c.codePointAt(0)!)).toBe(false);
    }
  });
});

describe("inspectNameCharacters", () => {
  it("reports nothing for JIS X 0208 and printable ASCII", () => {
    expect(inspectNameCharacters("佐藤　太郎 Sato-Taro (1)")).toEqual({ invalid: [], hasHalfwidthKatakana: false, suggestion: undefined });
  });

  it("substitutes the common variant characters and folds compatibility characters", () => {
    expect(inspectNameCharacters("髙﨑德").suggestion).toBe("高崎徳");
    expect(inspectNameCharacters("〜−").suggestion).toBe("～－");
    expect(inspectNameCharacters("①Ⅱ㈱").suggestion).toBe("1II(株)");
  });

  it("gives no suggestion when a character has no substitute", () => {
    expect(inspectNameCharacters("太郎😀").suggestion).toBeUndefined();
    expect(inspectNameCharacters("太郎😀").invalid).toEqual(["😀"]);
  });

  it("widens half-width katakana, including voiced marks", () => {
    expect(widenHalfwidthKatakana("ｻﾄｳ ﾀﾛｳ ｶﾞｯｺｳ ﾊﾟﾊﾟ abc")).toBe("サトウ タロウ ガッコウ パパ abc");
    expect(inspectNameCharacters("ｻﾄｳ")).toEqual({ invalid: [], hasHalfwidthKatakana: true, suggestion: "サトウ" });
  });
});

describe("control characters", () => {
  it("covers C0, DEL, C1, line separators and invisible format characters, not ordinary spaces", () => {
    for (const c of ["\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f", "\u2028", "\u2029", "\u200b", "\u200d", "\u200e", "\u202e", "\u2060", "\u2066", "\ufeff"]) {
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    }
    for (const c of [" ", "\u3000", "\u00a0", "ー", "・"]) expect(hasControlCharacter(`a${c}b`)).toBe(false);
  });

  it("removeControlCharacters removes runs of them", () => {
    expect(removeControlCharacters("\ufeff佐藤\r\n\u200b太郎\t")).toBe("佐藤太郎");
  });
});
