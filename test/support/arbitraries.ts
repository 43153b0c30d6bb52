/** fast-check arbitraries for form cells and rows: anything Excel or a paste can put in a cell. */
import fc from "fast-check";
import type { Cell } from "../../src/domain";
import { validCells, WIDTH } from "./form-rows";

/** Values that reach the rules' corner cases: codes with lost zeros, widths, formulas, variant kanji, errors. */
const TRICKY: Cell[] = [
  "09", "9", 9, "16", "11", "０９", " 09 ", "1", "2", "3", "１",
  "25654", 25654, "04033", 4033, "253658", "040000", 40000,
  "2513100103", 2513100103, "0511500118", 511500118, "25100010", "A2500001",
  "03-5555-1000", 312345678, 9012345678, "090-0000-0000", "+81-3-1234-5678", "+1-202-555-0100", "０３－５５５５－１０００",
  "sato@example-hosp.jp", "tanaka＠example-hosp.jp", "a@@b", "=1+1", "-1", "@x", "+x",
  "佐藤　太郎", "髙橋", "①", "𠮷田", "😀", "ｻﾄｳ", "受付", "山手10医院", "a\nb", "\ufeff09", "\u200b", "\ud800", "\udfff",
  "", " ", "\u3000", "#N/A", { error: "#N/A" }, { error: "#REF!" }, { error: "#VALUE!" },
  true, false, 0, -0, NaN, Infinity, -Infinity, 1e21, 1e300, -5e-324, Number.MAX_SAFE_INTEGER + 2,
];

export const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("0", "9", "-", "０", "－", "ー", " ", "\u3000", "@", "＠", ".", "+", "\n", "ｱ", "髙"), maxLength: 14 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((error) => ({ error })) },
);

/**
 * A form row: either the valid row or an empty one, with a few cells (any column A..AN and a little beyond)
 * replaced by arbitrary values; sometimes a short or ragged array as a reader might produce.
 */
export const rowCellsArb: fc.Arbitrary<Cell[]> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.integer({ min: 0, max: WIDTH + 3 }), cellArb), { maxLength: 10 }), fc.nat({ max: WIDTH + 4 }))
  .map(([fromValid, changes, cut]) => {
    const row: Cell[] = fromValid ? validCells() : new Array(WIDTH).fill(null);
    for (const [i, v] of changes) row[i] = v;
    return cut < 5 ? row.slice(0, cut * 8) : row;
  });
