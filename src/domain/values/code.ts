import { numberText, type Cell } from "../cell";
import { nfkc, normalizeDigits, trimSpaces } from "../text/normalize";
import { problem, type Problem } from "../problems/problem";

export interface CodeText {
  /** Trimmed, NFKC text ("０９" → "09"). */
  text: string;
  /** True when the cell was a number (its leading zeros may be lost). */
  numeric: boolean;
  /** Warning for a normalization that changed what will be registered. */
  issue?: Problem;
}

/** Codes are text: compare after trim + NFKC; a number becomes its digits. */
export function codeText(cell: Cell): CodeText {
  if (typeof cell === "number") return { text: numberText(cell), numeric: true };
  const original = String(cell);
  const trimmed = trimSpaces(original);
  const text = normalizeDigits(original);
  if (text !== trimmed) return { text, numeric: false, issue: problem("code.normalized", { fix: text }, {}, text) };
  if (trimmed !== original) return { text, numeric: false, issue: problem("text.surrounding-space", {}, {}, text) };
  return { text, numeric: false };
}

const labelKey = (s: string) => nfkc(s).replace(/\s+/g, "").toLowerCase();

/**
 * The code a text names by its label ("医療機関（全数）", "メール") or the way pick lists write it ("09:医療機関（全数）",
 * "1 メール"), for a fix suggestion. Undefined when the text names no option or a code with another option's label.
 */
export function codeForLabel(text: string, options: readonly { code: string; label: string }[]): string | undefined {
  const t = labelKey(text);
  for (const o of options) {
    const label = labelKey(o.label);
    if (t === label) return o.code;
    const m = /^(\d+)[:.)-]?(.+)$/.exec(t);
    if (m && m[1] === o.code && m[2] === label) return o.code;
  }
  return undefined;
}
