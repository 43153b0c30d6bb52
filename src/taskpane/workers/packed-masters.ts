import type { MasterIndexData } from "../../domain/masters/master-index";
import { packTexts, type PackedText } from "../../domain/text/packed-text";

/** A master index as it crosses from the workbook worker to the pane: its string columns packed (see PackedText). */
export type PackedColumn = PackedText;

type StringColumns = "codes" | "searchKeys";

export type PackedMasterData = Omit<MasterIndexData, StringColumns | "rows" | "attributes"> & {
  codes: PackedColumn;
  /** Absent when they come apart, after the rest (the worker's "searchKeys" reply). */
  searchKeys?: PackedColumn;
  rows: Uint32Array;
  attributes: Partial<Record<keyof MasterIndexData["attributes"], PackedColumn>>;
};

/** Values [from, to) of a packed column into `out`. */
function unpackSlice(column: PackedColumn, out: string[], from: number, to: number): void {
  const { text, ends } = column;
  let start = from === 0 ? 0 : ends[from - 1];
  for (let i = from; i < to; i++) {
    out[i] = text.slice(start, ends[i]);
    start = ends[i];
  }
}

export function packMasterData(data: MasterIndexData): PackedMasterData {
  const attributes: PackedMasterData["attributes"] = {};
  for (const [name, values] of Object.entries(data.attributes) as [keyof MasterIndexData["attributes"], string[]][]) attributes[name] = packTexts(values);
  const { searchKeys, ...rest } = data;
  const packed: PackedMasterData = { ...rest, codes: packTexts(data.codes), rows: Uint32Array.from(data.rows), attributes };
  if (searchKeys) packed.searchKeys = packTexts(searchKeys);
  return packed;
}

/** Rows per slice: a slice of every column takes some milliseconds. */
const SLICE = 20000;

/**
 * A packed master back to plain data (its code table comes ready), a slice of rows at a time with a pause between
 * slices (`pause` yields to the pane's event loop), so that a 180,000-row master never blocks the pane for long.
 */
export async function unpackMasterData(packed: PackedMasterData, pause: () => Promise<void>): Promise<MasterIndexData> {
  const n = packed.rows.length;
  const codes = new Array<string>(n);
  const searchKeys = packed.searchKeys ? new Array<string>(n) : undefined;
  const attributes: MasterIndexData["attributes"] = {};
  const columns: [PackedColumn, string[]][] = [[packed.codes, codes]];
  if (packed.searchKeys && searchKeys) columns.push([packed.searchKeys, searchKeys]);
  for (const [name, column] of Object.entries(packed.attributes) as [keyof MasterIndexData["attributes"], PackedColumn][]) {
    attributes[name] = new Array<string>(n);
    columns.push([column, attributes[name]]);
  }
  for (let from = 0; from < n; from += SLICE) {
    if (from > 0) await pause();
    const to = Math.min(n, from + SLICE);
    for (const [column, out] of columns) unpackSlice(column, out, from, to);
  }
  const data: MasterIndexData = { ...packed, codes, searchKeys, rows: Array.from(packed.rows), attributes };
  if (!searchKeys) delete data.searchKeys;
  return data;
}

/** A packed column of search keys back to strings, a slice at a time with a pause between slices. */
export async function unpackSearchKeys(column: PackedColumn, pause: () => Promise<void>): Promise<string[]> {
  const n = column.ends.length;
  const out = new Array<string>(n);
  for (let from = 0; from < n; from += SLICE) {
    if (from > 0) await pause();
    unpackSlice(column, out, from, Math.min(n, from + SLICE));
  }
  return out;
}

/** The buffers of a packed master, to be transferred rather than copied. */
export function transferablesOf(packed: PackedMasterData): ArrayBuffer[] {
  const columns = [packed.codes, ...(packed.searchKeys ? [packed.searchKeys] : []), ...Object.values(packed.attributes)] as PackedColumn[];
  const tables = packed.codeTable ? [packed.codeTable.buffer as ArrayBuffer] : [];
  return [packed.rows.buffer as ArrayBuffer, ...tables, ...columns.map((c) => c.ends.buffer as ArrayBuffer)];
}
