/** Text normalizations the spec names: trim, NFKC for digits/hyphens, folding for search and comparison. */
import type { PackedText } from "./packed-text";

const EDGE_SPACES = /^[ \u3000\u00a0]+|[ \u3000\u00a0]+$/g;

/** Trim ASCII, no-break and full-width (U+3000) spaces at both ends; inner spaces are kept. */
export function trimSpaces(s: string): string {
  if (s === "" || (!isEdgeSpace(s.charCodeAt(0)) && !isEdgeSpace(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(EDGE_SPACES, "");
}

function isEdgeSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

/**
 * Characters NFKC leaves as they are and cannot compose with a neighbour: printable ASCII, hiragana and katakana
 * (not the spacing voiced marks U+309B/U+309C), 々〆〇, ・ー and the CJK ideographs (not the compatibility ones).
 * A string made only of them skips the normalizer, which is the common case for names, kana and codes.
 */
const STABLE_UNDER_NFKC = /^[\x20-\x7e\u3041-\u3096\u30a1-\u30fa\u30fb\u30fc\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff]*$/;

export function nfkc(s: string): string {
  return STABLE_UNDER_NFKC.test(s) ? s : s.normalize("NFKC");
}

/** Dash-like characters people type (or IMEs produce) where a hyphen-minus is meant. */
const HYPHEN_LIKE = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70\u2043\ufe63]/g;

export function foldHyphens(s: string): string {
  return s.replace(HYPHEN_LIKE, "-");
}

/** NFKC plus hyphen folding: how phone numbers and codes are compared. */
export function normalizeDigits(s: string): string {
  return foldHyphens(nfkc(trimSpaces(s)));
}

const ALL_SPACES = /[\s\u3000]+/g;

/** Katakana → hiragana (U+30A1..U+30F6 → U+3041..U+3096). */
export function katakanaToHiragana(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isFoldedKatakana(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  // In pieces: String.fromCharCode takes a bounded number of arguments.
  for (let start = i; start < n; start += 4096) {
    const end = Math.min(n, start + 4096);
    const codes = new Array<number>(end - start);
    for (let k = start; k < end; k++) {
      const c = s.charCodeAt(k);
      codes[k - start] = isFoldedKatakana(c) ? c - 0x60 : c;
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

function isFoldedKatakana(c: number): boolean {
  return c >= 0x30a1 && c <= 0x30f6;
}

/**
 * Key for comparing people and searching names: NFKC (half-width kana and full-width letters fold),
 * katakana folded to hiragana, lower case, no spaces.
 */
export function foldForMatch(s: string): string {
  const n = s.length;
  const units = new Array<number>(n);
  let k = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = foldedUnit(c);
    if (f >= 0) units[k++] = f;
    else if (f === UNCOMMON) return foldUncommon(s);
    if (f !== c) changed = true;
  }
  if (!changed) return s;
  units.length = k;
  return k <= 4096 ? String.fromCharCode.apply(null, units) : unitsText(Uint16Array.from(units));
}

const DROPPED = -1;
const UNCOMMON = -2;

/**
 * A common character (one nfkc leaves alone, or U+3000) folded as the full path would fold it, DROPPED for a space,
 * UNCOMMON when the string needs the normalizer (foldUncommon).
 */
function foldedUnit(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c === 0x20 || c === 0x3000) return DROPPED;
  if ((c > 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30f7 && c <= 0x30fc) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3400 && c <= 0x4dbf)) return c;
  if (isFoldedKatakana(c)) return c - 0x60;
  return UNCOMMON;
}

/** foldForMatch(s)'s units written to `out` from `at`: the end, or UNCOMMON (then `out` past `at` is garbage). */
function foldInto(s: string, out: Uint16Array, at: number): number {
  let k = at;
  for (let i = 0; i < s.length; i++) {
    const f = foldedUnit(s.charCodeAt(i));
    if (f >= 0) out[k++] = f;
    else if (f === UNCOMMON) return UNCOMMON;
  }
  return k;
}

function foldUncommon(s: string): string {
  return katakanaToHiragana(nfkc(s)).toLowerCase().replace(ALL_SPACES, "");
}

/** Code units as text, 4,096 at a time (String.fromCharCode takes a bounded number of arguments). */
function unitsText(units: Uint16Array): string {
  if (units.length <= 4096) return String.fromCharCode.apply(null, units as unknown as number[]);
  const pieces: string[] = [];
  for (let start = 0; start < units.length; start += 4096) pieces.push(String.fromCharCode.apply(null, units.subarray(start, start + 4096) as unknown as number[]));
  return pieces.join("");
}

/**
 * Keys made of folded parts (foldForMatch of each, joined by U+0000), all in one string with the end of each key:
 * `parts(i)` gives key i's parts. For 180,000 master rows this makes no string per key or part (the pane's worker
 * sends the keys so, and a string per key would only be garbage to collect before they are joined).
 */
export function foldedKeyColumn(count: number, parts: (i: number) => readonly string[]): PackedText {
  let units = new Uint16Array(1 << 16);
  const ends = new Uint32Array(count);
  const pieces: string[] = [];
  let flushed = 0;
  let k = 0;
  /** Room for n more units: the units so far become a piece of text when the buffer is full. */
  const ensure = (n: number) => {
    if (k + n <= units.length) return;
    pieces.push(unitsText(units.subarray(0, k)));
    flushed += k;
    k = 0;
    if (n > units.length) units = new Uint16Array(n);
  };
  for (let i = 0; i < count; i++) {
    const list = parts(i);
    for (let p = 0; p < list.length; p++) {
      const part = list[p];
      ensure(part.length + 1);
      if (p > 0) units[k++] = 0;
      const end = foldInto(part, units, k);
      if (end >= 0) {
        k = end;
        continue;
      }
      const folded = foldUncommon(part);
      ensure(folded.length);
      for (let c = 0; c < folded.length; c++) units[k++] = folded.charCodeAt(c);
    }
    ends[i] = flushed + k;
  }
  pieces.push(unitsText(units.subarray(0, k)));
  return { text: pieces.join(""), ends };
}

/** A person's name as a duplicate key: NFKC, no spaces (佐藤　太郎 = 佐藤 太郎 = 佐藤太郎). */
export function personKey(name: string): string {
  return nfkc(name).replace(ALL_SPACES, "");
}
