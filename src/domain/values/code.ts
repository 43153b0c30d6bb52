import { numberText, type Cell } from "../cell";
import { normalizeDigits, trimSpaces } from "../text/normalize";
import type { Issue } from "./issue";

export interface CodeText {
  /** Trimmed, NFKC text ("０９" → "09"). */
  text: string;
  /** True when the cell was a number (its leading zeros may be lost). */
  numeric: boolean;
  /** Warning for a normalization that changed what will be registered. */
  issue?: Issue;
}

/** Codes are text: compare after trim + NFKC; a number becomes its digits. */
export function codeText(cell: Cell): CodeText {
  if (typeof cell === "number") return { text: numberText(cell), numeric: true };
  const original = String(cell);
  const trimmed = trimSpaces(original);
  const text = normalizeDigits(original);
  if (text !== trimmed) return { text, numeric: false, issue: { code: "code.normalized", params: { fix: text }, fix: text } };
  if (trimmed !== original) return { text, numeric: false, issue: { code: "text.surrounding-space", fix: text } };
  return { text, numeric: false };
}
