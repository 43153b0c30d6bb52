import { foldedKeyColumn, foldForMatch } from "../../../src/domain/text/normalize";
import { packTexts } from "../../../src/domain/text/packed-text";

/** The keys as the index makes them one at a time: each part folded, joined by U+0000. */
const expected = (rows: string[][]) => packTexts(rows.map((parts) => parts.map(foldForMatch).join("\u0000")));

/** Deterministic pseudo-random rows of parts drawn from characters the fold treats each its own way. */
function rows(count: number, seed: number, maxLength: number): string[][] {
  const pool = ["ア", "ｱ", "ｶﾞ", "が", "A", "a", "Ｚ", "１", " ", "\u3000", "髙", "①", "㍿", "😀", "ー", "・", "々", "〆", "ヴ", "ヷ", "\u0000", "(", "（", "ﾟ"];
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => Array.from({ length: Math.floor(next() * maxLength) }, () => pool[Math.floor(next() * pool.length)]).join("")),
  );
}

describe("foldedKeyColumn: the search keys of a master as one text and the end of each key", () => {
  it("equals the keys made one at a time, for parts of every kind of character (some fold to more units than they have)", () => {
    const sample = rows(2000, 7, 12);
    const keys = (i: number) => sample[i];
    const column = foldedKeyColumn(sample.length, keys);
    expect(column.text).toBe(expected(sample).text);
    expect([...column.ends]).toEqual([...expected(sample).ends]);
  });

  it("is the same when the keys fill its buffer many times over, and for a part longer than the buffer", () => {
    const sample = [...rows(20000, 11, 20), [" ｱ".repeat(70000), "㍿".repeat(30000)], ...rows(50, 13, 5)];
    const column = foldedKeyColumn(sample.length, (i) => sample[i]);
    const want = expected(sample);
    expect(column.text.length).toBeGreaterThan(1 << 17);
    expect(column.text).toBe(want.text);
    expect([...column.ends]).toEqual([...want.ends]);
  });

  it("gives empty keys for empty parts, and nothing for no rows", () => {
    expect(foldedKeyColumn(0, () => [])).toEqual({ text: "", ends: new Uint32Array(0) });
    const column = foldedKeyColumn(3, (i) => (i === 1 ? ["ｱ", ""] : ["", ""]));
    expect(column.text).toBe("\u0000あ\u0000\u0000");
    expect([...column.ends]).toEqual([1, 3, 4]);
  });
});
