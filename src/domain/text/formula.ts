/**
 * CSV injection: a value a spreadsheet would run as a formula. It starts — after any leading spaces (ASCII,
 * no-break, full-width), tabs or line breaks — with = + - @ or a character NFKC folds to one of them
 * (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫), or it starts with a tab or CR, which some spreadsheets strip first.
 * Returns the offending character, or undefined for a safe value.
 */
export function formulaLikeStart(value: string): string | undefined {
  if (value === "") return undefined;
  const c = value.charCodeAt(0);
  // Most values start with a printable ASCII character or a kana / kanji, which NFKC leaves as they are.
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3041 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff)) return "=+-@".includes(value[0]) ? value[0] : undefined;
  if (/^[\t\r]/.test(value)) return value[0] === "\t" ? "TAB" : "CR";
  const first = /^[\s\u3000\u00a0]*(\S)/u.exec(value)?.[1];
  if (first === undefined) return undefined;
  return "=+-@".includes(first.normalize("NFKC")) && first.normalize("NFKC").length === 1 ? first : undefined;
}
