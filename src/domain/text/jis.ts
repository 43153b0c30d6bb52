import { JIS_X_0208_CHARACTERS } from "./jisx0208-table";
import { nfkc } from "./normalize";

let jisSet: Set<number> | undefined;

function jisCodePoints(): Set<number> {
  if (!jisSet) {
    jisSet = new Set<number>();
    for (const ch of JIS_X_0208_CHARACTERS) jisSet.add(ch.codePointAt(0)!);
  }
  return jisSet;
}

/** Variant characters that look like a JIS X 0208 character but are not in it (環境依存文字 / JIS vs CP932 mapping). */
const SUBSTITUTES: Record<string, string> = {
  "髙": "高",
  "﨑": "崎",
  "𠮷": "吉",
  "德": "徳",
  "栁": "柳",
  "濵": "濱",
  "瀨": "瀬",
  "槗": "橋",
  "𣘺": "橋",
  "曻": "昇",
  "﨔": "欅",
  "〜": "～",
  "−": "－",
  "—": "―",
  "‖": "∥",
  "¢": "￠",
  "£": "￡",
  "¬": "￢",
};

export function isPrintableAscii(cp: number): boolean {
  return cp >= 0x20 && cp <= 0x7e;
}

export function isHalfwidthKatakana(cp: number): boolean {
  return cp >= 0xff61 && cp <= 0xff9f;
}

export function isJisX0208(cp: number): boolean {
  return jisCodePoints().has(cp);
}

export interface NameCharReport {
  /** Characters that are neither JIS X 0208 nor printable ASCII nor half-width katakana, in order, unique. */
  invalid: string[];
  hasHalfwidthKatakana: boolean;
  /** The text with every invalid character substituted and half-width katakana widened, when all could be. */
  suggestion?: string;
}

function substituteFor(ch: string): string | undefined {
  const manual = SUBSTITUTES[ch];
  if (manual) return manual;
  const folded = nfkc(ch);
  if (folded !== ch && [...folded].every((c) => allowedInName(c.codePointAt(0)!))) return folded;
  return undefined;
}

function allowedInName(cp: number): boolean {
  return isPrintableAscii(cp) || isJisX0208(cp);
}

/** Checks a (trimmed) 利用者名 character by character. Control characters are reported elsewhere. */
export function inspectNameCharacters(text: string): NameCharReport {
  const invalid: string[] = [];
  let hasHalfwidthKatakana = false;
  let fixable = true;
  let suggestion = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (allowedInName(cp)) {
      suggestion += ch;
    } else if (isHalfwidthKatakana(cp)) {
      hasHalfwidthKatakana = true;
      suggestion += ch;
    } else {
      if (!invalid.includes(ch)) invalid.push(ch);
      const sub = substituteFor(ch);
      if (sub === undefined) fixable = false;
      else suggestion += sub;
    }
  }
  if (hasHalfwidthKatakana) suggestion = widenHalfwidthKatakana(suggestion);
  const changed = suggestion !== text;
  return { invalid, hasHalfwidthKatakana, suggestion: fixable && changed ? suggestion : undefined };
}

/** NFKC applied only to half-width katakana runs (ｻﾄｳ → サトウ, ｶﾞ → ガ), the rest untouched. */
export function widenHalfwidthKatakana(text: string): string {
  return text.replace(/[\uff61-\uff9f]+/g, (run) => nfkc(run));
}

/**
 * Control characters (C0, DEL, C1, line/paragraph separators) and the invisible format characters that come with
 * pasted text: zero-width spaces/joiners, direction marks and overrides, word joiners, BOM.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_RUNS, "");
}
