import { foldForMatch, foldHyphens, katakanaToHiragana, nfkc, normalizeDigits, personKey, trimSpaces } from "../../../src/domain/text/normalize";

describe("text normalization", () => {
  it("trimSpaces trims ASCII, full-width and no-break spaces at the ends only", () => {
    expect(trimSpaces(" \u3000\u00a0佐藤　太郎 \u3000")).toBe("佐藤　太郎");
    expect(trimSpaces("")).toBe("");
  });

  it("normalizeDigits: NFKC plus every dash-like character to a hyphen", () => {
    expect(normalizeDigits(" ０３－１２３４ー５６７８ ")).toBe("03-1234-5678");
    expect(foldHyphens("0‐1‑2‒3–4—5―6−7ｰ8﹣9")).toBe("0-1-2-3-4-5-6-7-8-9");
  });

  it("katakanaToHiragana folds katakana (incl. ヴ and small kana), leaves the rest", () => {
    expect(katakanaToHiragana("ヤマテ　クリニック ヴァ ヶ ー 山")).toBe("やまて　くりにっく ゔぁ ゖ ー 山");
  });

  it("foldForMatch makes half/full-width, hiragana/katakana, case and spaces equal", () => {
    const same = ["ヤマテ クリニック", "ﾔﾏﾃ ｸﾘﾆｯｸ", "やまてくりにっく", "ヤマテ　クリニック"].map(foldForMatch);
    expect(new Set(same).size).toBe(1);
    expect(foldForMatch("ＡＢＣ　１２３")).toBe(foldForMatch("abc123"));
    expect(foldForMatch("ｶﾞ")).toBe(foldForMatch("が"));
  });

  it("personKey ignores spaces and width, keeps kana distinct from kanji", () => {
    expect(personKey("佐藤　太郎")).toBe(personKey("佐藤 太郎"));
    expect(personKey("佐藤太郎")).toBe(personKey(" 佐藤\u3000太郎 "));
    expect(personKey("ｻﾄｳ")).toBe(personKey("サトウ"));
    expect(personKey("佐藤太郎")).not.toBe(personKey("さとうたろう"));
  });
});

describe("nfkc and katakanaToHiragana fast paths", () => {
  it("give what String.prototype.normalize gives, for every BMP character alone and in kana / kanji / ASCII mixes", () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (nfkc(s) !== s.normalize("NFKC")) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
    // Sequences that compose: kana + combining voiced mark, half-width kana + half-width voiced mark.
    for (const s of ["か\u3099", "ハ\u309a", "ｶﾞ", "ﾊﾟﾝ", "ｱｲｳ", "①病院", "㈱東京", "Ａ１", "東京\u3000都", "ちゅうおう", "チュウオウ", "髙橋"]) {
      expect(nfkc(s)).toBe(s.normalize("NFKC"));
    }
  });

  it("folds katakana to hiragana in long strings and leaves everything else", () => {
    const long = "チュウオウ".repeat(3000) + "区";
    expect(katakanaToHiragana(long)).toBe("ちゅうおう".repeat(3000) + "区");
    expect(katakanaToHiragana("ヴァ・ー漢字abc")).toBe("ゔぁ・ー漢字abc");
    expect(katakanaToHiragana("ひらがなだけ")).toBe("ひらがなだけ");
    expect(foldForMatch("ﾁｭｳｵｳ　ホケンジョ")).toBe("ちゅうおうほけんじょ");
  });

  it("foldForMatch's one-pass path gives what NFKC, kana folding, lower case and space removal give", () => {
    const reference = (s: string) => katakanaToHiragana(s.normalize("NFKC")).toLowerCase().replace(/[\s\u3000]+/g, "");
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (foldForMatch(s) !== reference(s)) differing.push(c.toString(16));
      const mixed = `Aア${s}ヴ　z`;
      if (foldForMatch(mixed) !== reference(mixed)) differing.push(`mixed ${c.toString(16)}`);
    }
    expect(differing).toEqual([]);
    const long = "ヤマテ クリニック ABC ".repeat(2000);
    expect(foldForMatch(long)).toBe(reference(long));
    for (const s of ["", "abc", "山手クリニック", "ＡＢＣ　１２３", "ｶﾞ", "か\u3099", "①病院", "東京\t都", "ヷヸヹヺ・ー々〆〇"]) expect(foldForMatch(s)).toBe(reference(s));
  });
});
