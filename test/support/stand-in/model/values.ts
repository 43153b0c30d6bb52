// Cell values as the stand-in stores them, and how Excel turns what is typed or written into a value.

export interface ModelError {
  error: string;
}
/** A stored cell value: null = empty; errors are objects so they never look like text. */
export type ModelValue = string | number | boolean | ModelError | null;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];

export function isModelError(v: ModelValue | undefined): v is ModelError {
  return typeof v === "object" && v !== null;
}

export function valueType(v: ModelValue | undefined): ValueType {
  if (v === null || v === undefined) return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/** What Range.values gives for a stored value: "" for empty, the code for an error. */
export function apiValue(v: ModelValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (isModelError(v)) return v.error;
  return v;
}

/** Range.text: the value as displayed (General format; no number formatting beyond that). */
export function displayText(v: ModelValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  if (isModelError(v)) return v.error;
  return v;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel stores when text is typed or written into a cell with the given number format: with "@" (text)
 * the text as is; otherwise numbers become numbers (09 → 9: the leading zero is lost, as in Excel), TRUE/FALSE
 * booleans, error codes errors, a leading apostrophe forces text. Formulas are not evaluated by the stand-in:
 * "=..." is stored as text (noted in the harness README).
 */
export function parseInput(text: string, numberFormat: string): ModelValue {
  if (text === "") return null;
  if (numberFormat === "@") return text;
  if (text.startsWith("'")) return text.slice(1);
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  if (ERROR_VALUES.includes(upper)) return { error: upper };
  return text;
}

/** A value written through Range.values (string, number, boolean; "" clears) → stored value. */
export function writtenValue(v: unknown, numberFormat: string): ModelValue {
  if (typeof v === "string") return parseInput(v, numberFormat);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { error: "#NUM!" };
    return numberFormat === "@" ? String(v) : v;
  }
  if (typeof v === "boolean") return numberFormat === "@" ? (v ? "TRUE" : "FALSE") : v;
  throw new TypeError(`unsupported cell value: ${String(v)}`);
}
