// Office.js values + valueTypes → the domain's Cell.
import type { Cell } from "../domain";

/** One cell: "Error" → { error: "#N/A" } (never text), "Empty" → null, numbers stay numbers. */
export function toCell(value: unknown, valueType: string | undefined): Cell {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return typeof value === "boolean" ? value : String(value).toUpperCase() === "TRUE";
    case "String":
      return typeof value === "string" ? value : String(value);
    default:
      // Unknown / RichValue: what Excel shows as the value, as text.
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

/** A block of values + valueTypes (same shape) → rows of cells. */
export function toCells(values: readonly (readonly unknown[])[], valueTypes: readonly (readonly string[])[]): Cell[][] {
  const out: Cell[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = valueTypes[i];
    const row: Cell[] = new Array(v.length);
    for (let j = 0; j < v.length; j++) row[j] = toCell(v[j], t[j]);
    out[i] = row;
  }
  return out;
}
