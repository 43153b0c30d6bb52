/** Text normalizations the spec names: trim, NFKC for digits/hyphens, folding for search and comparison. */

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
  // One pass over the common characters (those nfkc leaves alone, plus U+3000), folding as the full path would.
  const n = s.length;
  const codes = new Array<number>(n);
  let k = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      codes[k++] = c + 32;
      changed = true;
    } else if (c === 0x20 || c === 0x3000) changed = true;
    else if ((c > 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30f7 && c <= 0x30fc) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3400 && c <= 0x4dbf)) codes[k++] = c;
    else if (isFoldedKatakana(c)) {
      codes[k++] = c - 0x60;
      changed = true;
    } else return katakanaToHiragana(nfkc(s)).toLowerCase().replace(ALL_SPACES, "");
  }
  if (!changed) return s;
  codes.length = k;
  return k <= 4096 ? String.fromCharCode.apply(null, codes) : fromCharCodes(codes);
}

function fromCharCodes(codes: number[]): string {
  let out = "";
  for (let start = 0; start < codes.length; start += 4096) out += String.fromCharCode.apply(null, codes.slice(start, start + 4096));
  return out;
}

/** A person's name as a duplicate key: NFKC, no spaces (佐藤　太郎 = 佐藤 太郎 = 佐藤太郎). */
export function personKey(name: string): string {
  return nfkc(name).replace(ALL_SPACES, "");
}
