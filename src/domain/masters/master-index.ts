import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import type { MasterKind, MasterLayout } from "../profile/schema";
import { problem, type Problem } from "../problems/problem";
import { foldedKeyColumn, foldForMatch, nfkc, trimSpaces } from "../text/normalize";
import { CodeTable } from "./code-table";
import { packTexts, type PackedText } from "../text/packed-text";
import { searchMaster, type SearchOptions } from "./master-search";
import { placeReadingKeys, prefectureOf, prefectureOfHealthCenter } from "./place-readings";

export interface MasterRecord {
  code: string;
  /** Sheet row number in the master (header row + n). */
  row: number;
  name?: string;
  kana?: string;
  healthCenterCode?: string;
  cityCode?: string;
  /** 都道府県 (from a 都道府県名 column, else the one the address begins with): tells same names apart. */
  prefecture?: string;
}

/** A MasterIndex as plain data (see MasterIndex.toData). */
export interface MasterIndexData {
  kind: MasterKind;
  label: string;
  source: string;
  codes: string[];
  rows: number[];
  attributes: Partial<Record<Attribute, string[]>>;
  duplicates: MasterDuplicate[];
  notices: Problem[];
  codeLengths: number[];
  /** The code lookup (CodeTable slots over `codes`); absent: made again from the codes. */
  codeTable?: Int32Array;
  /** Absent: made on the first search (the pane's worker sends them after the rest, see searchKeyList). */
  searchKeys?: string[];
  /** Later rows of repeated codes (see MasterIndex.all). */
  repeats: [string, MasterRecord[]][];
}

export interface MasterDuplicate {
  code: string;
  rows: number[];
}

type Attribute = "name" | "kana" | "healthCenterCode" | "cityCode" | "prefecture";
const ATTRIBUTES: Attribute[] = ["name", "kana", "healthCenterCode", "cityCode", "prefecture"];

/** Master codes are compared after trim + NFKC; numbers become their digits. */
export function masterCode(cell: Cell | undefined): string {
  return nfkc(trimSpaces(cellText(cell)));
}

/**
 * One master (保健所 / 医療機関（全数）/（定点）/ 動物診療施設) indexed by code for O(1) lookups, with a name/kana
 * search for pickers. Columns are kept as parallel arrays; records are built on demand.
 */
export class MasterIndex {
  readonly codes: string[];
  readonly rows: number[];
  readonly attributes: Partial<Record<Attribute, string[]>> = {};
  readonly duplicates: MasterDuplicate[] = [];
  /** What the check report says about this master as read: no data, codes that lost their leading zeros. */
  readonly notices: Problem[] = [];
  /** Code lengths present, longest first: a numeric cell that lost zeros is padded to these to find its code. */
  readonly codeLengths: number[];
  private readonly byCode: CodeTable;
  /** Later rows of a repeated code (lookups use the first; all() gives every row, e.g. 保健所コード across jurisdictions). */
  private readonly repeats = new Map<string, MasterRecord[]>();
  private searchKeys?: string[];

  constructor(
    readonly kind: MasterKind,
    readonly label: string,
    readonly source: string,
    values: readonly (readonly Cell[])[],
    layout: MasterLayout,
    firstRowNumber = 1,
    /** Every cell is text (a CSV): codes that lost their zeros are told by their width alone (see textPaddingWidth). */
    allText = false,
  ) {
    const headerOffset = layout.headerRow - firstRowNumber;
    const header = values[headerOffset] ?? [];
    const positions = resolveColumns(header, layout);
    // Every column is made at its full size and cut to length at the end: pushing 180,000 values one at a time
    // costs several times more (V8 grows a big array by copying it again and again).
    const capacity = Math.max(0, values.length - headerOffset - 1);
    const codes = new Array<string>(capacity).fill("");
    this.byCode = CodeTable.sized(capacity, codes);
    const rowNumbers = new Array<number>(capacity).fill(0);
    let count = 0;
    for (const a of ATTRIBUTES) if (positions[a] !== undefined) this.attributes[a] = new Array<string>(capacity).fill("");
    // Without a 都道府県名 column: the 都道府県 an address begins with, where a profile names an address column (only that is
    // kept of the address), else the one of the record's 保健所コード (its first two digits) — no address column is read.
    const address = positions.prefecture === undefined ? positions.address : undefined;
    const center = positions.prefecture === undefined && address === undefined ? positions.healthCenterCode : undefined;
    const prefectures = address === undefined && center === undefined ? undefined : (this.attributes.prefecture = new Array<string>(capacity).fill(""));
    const prefectureAt = (line: readonly Cell[]): string =>
      (address !== undefined ? prefectureOf(trimSpaces(cellText(line[address]))) : prefectureOfHealthCenter(trimSpaces(cellText(line[center!]))))?.name ?? "";
    const dupRows = new Map<string, number[]>();
    const lengths = new Set<number>();
    const width = (allText ? textPaddingWidth : paddingWidth)(values, headerOffset + 1, positions.code);
    let padded = 0;
    let example = "";
    // The attribute columns present and the arrays they fill, resolved once (the loop runs once per master row).
    const attributeColumns: number[] = [];
    const attributeArrays: string[][] = [];
    for (const a of ATTRIBUTES) {
      const p = positions[a];
      if (p !== undefined) {
        attributeColumns.push(p);
        attributeArrays.push(this.attributes[a]!);
      }
    }
    for (let i = headerOffset + 1; i < values.length; i++) {
      const line = values[i];
      let code = masterCode(line[positions.code]);
      if (code === "") continue;
      if (width !== undefined && (allText || typeof line[positions.code] === "number") && /^\d+$/.test(code) && code.length < width) {
        const was = code;
        code = code.padStart(width, "0");
        if (padded++ === 0) example = `${was}→${code}`;
      }
      const rowNumber = firstRowNumber + i;
      const existing = this.byCode.find(code);
      if (existing >= 0) {
        const list = dupRows.get(code);
        if (list) list.push(rowNumber);
        else dupRows.set(code, [rowNumbers[existing], rowNumber]);
        const repeat: MasterRecord = { code, row: rowNumber };
        for (const a of ATTRIBUTES) {
          const p = positions[a];
          const v = p === undefined ? "" : trimSpaces(cellText(line[p]));
          if (v !== "") repeat[a] = v;
        }
        const pref = prefectures ? prefectureAt(line) : "";
        if (pref) repeat.prefecture = pref;
        const repeats = this.repeats.get(code);
        if (repeats) repeats.push(repeat);
        else this.repeats.set(code, [repeat]);
        continue;
      }
      codes[count] = code;
      this.byCode.add(code, count);
      rowNumbers[count] = rowNumber;
      lengths.add(code.length);
      for (let k = 0; k < attributeColumns.length; k++) attributeArrays[k][count] = trimSpaces(cellText(line[attributeColumns[k]]));
      if (prefectures) prefectures[count] = prefectureAt(line);
      count++;
    }
    codes.length = count;
    rowNumbers.length = count;
    for (const column of attributeArrays) column.length = count;
    if (prefectures) prefectures.length = count;
    this.codes = codes;
    this.rows = rowNumbers;
    for (const [code, rows] of dupRows) this.duplicates.push({ code, rows });
    this.codeLengths = [...lengths].sort((a, b) => b - a);
    if (padded > 0) this.notices.push(problem("master.zero-padded", { label, source, count: padded, width, example }));
    if (this.codes.length === 0) this.notices.push(problem("master.empty", { label, source }));
  }

  /**
   * Everything the index holds, as plain data (structured-cloneable): a Web Worker builds it, the pane gets it.
   * `searchKeys: false` leaves the search keys out (searchKeyList gives them apart).
   */
  toData(options: { searchKeys?: boolean } = {}): MasterIndexData {
    const data: MasterIndexData = {
      kind: this.kind,
      label: this.label,
      source: this.source,
      codes: this.codes,
      rows: this.rows,
      attributes: this.attributes,
      duplicates: this.duplicates,
      notices: this.notices,
      codeLengths: this.codeLengths,
      codeTable: this.byCode.slots,
      repeats: [...this.repeats],
    };
    if (options.searchKeys !== false) data.searchKeys = this.ensureSearchKeys();
    return data;
  }

  /** The name search's keys, one per code (made once). */
  searchKeyList(): readonly string[] {
    return this.ensureSearchKeys();
  }

  /**
   * The same keys as one text and the end of each key in it, for the pane's worker to send. Made without a string
   * per key (foldedKeyColumn) when the index has not made its own.
   */
  searchKeyColumn(): PackedText {
    if (this.searchKeys || this.usesPlaceReadings) return packTexts(this.ensureSearchKeys());
    return foldedKeyColumn(this.codes.length, this.keyParts());
  }

  /** Row i's name, kana, 都道府県 and its reading: the parts of its search key (one array, refilled for each row). */
  private keyParts(): (i: number) => readonly string[] {
    const names = this.attributes.name;
    const kanas = this.attributes.kana;
    const prefs = this.attributes.prefecture;
    const parts = ["", "", "", ""];
    return (i) => {
      parts[0] = names?.[i] ?? "";
      parts[1] = kanas?.[i] ?? "";
      parts[2] = prefs?.[i] ?? "";
      parts[3] = parts[2] === "" ? "" : (prefectureOf(parts[2])?.reading ?? "");
      return parts;
    };
  }

  /** An index from `toData`, using its code table (made again from the codes when the data has none). */
  static fromData(data: MasterIndexData): MasterIndex {
    const index = Object.create(MasterIndex.prototype) as MasterIndex;
    const { repeats, codeTable, ...rest } = data;
    const byCode = codeTable ? new CodeTable(codeTable, data.codes) : CodeTable.of(data.codes);
    Object.assign(index, { ...rest, byCode, repeats: new Map(repeats) });
    return index;
  }

  /**
   * Whether the search knows readings only from the place-reading table: a 保健所マスタ without a reading column
   * (the official one). Then the readings of 都道府県・市区 names and words like 中央 find a 保健所, not every reading.
   */
  get usesPlaceReadings(): boolean {
    return this.kind === "healthCenter" && this.attributes.name !== undefined && this.attributes.kana === undefined;
  }

  get size(): number {
    return this.codes.length;
  }

  has(code: string): boolean {
    return this.byCode.find(code) >= 0;
  }

  get(code: string): MasterRecord | undefined {
    const i = this.byCode.find(code);
    return i < 0 ? undefined : this.record(i);
  }

  /** Every row with this code, in master order (one for a unique code, none for an unknown one). */
  all(code: string): MasterRecord[] {
    const first = this.get(code);
    return first ? [first, ...(this.repeats.get(code) ?? [])] : [];
  }

  /** A numeric cell's digits padded with zeros to a code length of this master, when that code exists. */
  zeroPadded(digits: string): string | undefined {
    if (!/^\d+$/.test(digits)) return undefined;
    for (const len of this.codeLengths) {
      if (len <= digits.length) continue;
      const padded = digits.padStart(len, "0");
      if (this.byCode.find(padded) >= 0) return padded;
    }
    return undefined;
  }

  /**
   * Pickers: each word of the query (split at spaces, full- or half-width) is a code prefix or part of the name, kana,
   * 都道府県 or a reading (full/half-width and hiragana/katakana folded). Ordered by `prefer` (see SearchOptions), then
   * by how well the words match (exact code, code prefix, start of a name or reading, anywhere), then by code.
   */
  search(query: string, options: number | SearchOptions = {}): MasterRecord[] {
    const { limit = 50, prefer = [] } = typeof options === "number" ? { limit: options } : options;
    const healthCenters = this.kind === "healthCenter" ? this.codes : this.attributes.healthCenterCode;
    const found = searchMaster(this.codes, this.ensureSearchKeys(), query, limit, prefer.length > 0 ? healthCenters : undefined, prefer);
    return found.map((i) => this.record(i));
  }

  private ensureSearchKeys(): string[] {
    if (!this.searchKeys) {
      if (this.usesPlaceReadings) {
        // ~500 names: each is cut into place names and words of the reading table once (see place-readings.ts).
        const names = this.attributes.name;
        const prefs = this.attributes.prefecture;
        this.searchKeys = this.codes.map((_, i) => {
          const name = names?.[i] ?? "";
          const pref = prefs?.[i] ?? "";
          const prefKeys = pref === "" ? [] : [foldForMatch(pref), prefectureOf(pref)?.reading ?? ""];
          return [foldForMatch(name), ...placeReadingKeys(name), ...prefKeys].join("\u0000");
        });
      } else {
        // Folded as the pane's worker folds them (one text, no string per part), then cut into keys (slices of it).
        const { text, ends } = foldedKeyColumn(this.codes.length, this.keyParts());
        const keys = new Array<string>(ends.length);
        for (let i = 0, start = 0; i < ends.length; start = ends[i++]) keys[i] = text.slice(start, ends[i]);
        this.searchKeys = keys;
      }
    }
    return this.searchKeys;
  }

  private record(i: number): MasterRecord {
    const r: MasterRecord = { code: this.codes[i], row: this.rows[i] };
    for (const a of ATTRIBUTES) {
      const v = this.attributes[a]?.[i];
      if (v !== undefined && v !== "") r[a] = v;
    }
    return r;
  }
}

/** The columns (A = 0) an index of this master reads, given its header row: code, name, kana, codes it refers to. */
export function masterColumnsRead(header: readonly Cell[], layout: MasterLayout): number[] {
  return Object.values(resolveColumns(header, layout)).filter((c): c is number => c !== undefined);
}

/** Column positions by header label, falling back to the layout's default letters (a column without one is optional). */
function resolveColumns(header: readonly Cell[], layout: MasterLayout): { code: number } & Partial<Record<Attribute | "address", number>> {
  const labels = header.map((c) => nfkc(trimSpaces(cellText(c))));
  const find = (spec: { column?: string; headers: string[] }): number | undefined => {
    for (const h of spec.headers) {
      const at = labels.indexOf(nfkc(h));
      if (at >= 0) return at;
    }
    return spec.column === undefined ? undefined : columnIndex(spec.column);
  };
  const out: { code: number } & Partial<Record<Attribute | "address", number>> = { code: find(layout.columns.code)! };
  for (const a of [...ATTRIBUTES, "address" as const]) {
    const spec = layout.columns[a];
    const at = spec && find(spec);
    if (at !== undefined) out[a] = at;
  }
  return out;
}

/**
 * The width to pad numeric codes to: the one length every code stored as text has (all digits), when some codes
 * are numbers (01000 saved as 1000). Undefined when the text codes disagree or there are none.
 */
function paddingWidth(values: readonly (readonly Cell[])[], from: number, column: number): number | undefined {
  // Most masters hold every code as text: then there is nothing to pad, and the codes need not be read twice.
  let numbers = false;
  for (let i = from; i < values.length && !numbers; i++) numbers = typeof values[i]?.[column] === "number";
  if (!numbers) return undefined;
  let width: number | undefined;
  for (let i = from; i < values.length; i++) {
    const cell = values[i]?.[column];
    if (typeof cell === "string") {
      const code = masterCode(cell);
      if (code === "") continue;
      if (!/^\d+$/.test(code)) return undefined;
      if (width === undefined) width = code.length;
      else if (width !== code.length) return undefined;
    }
  }
  return width;
}

/**
 * The width to pad a CSV's codes to, when the file was saved from Excel with its codes as numbers (01000 → 1000):
 * all cells are text, so only the widths tell. Padded only when every code is digits, more than half of them share
 * one width and none is longer, some are shorter, and no code of that width begins with 0 (Excel drops every
 * leading zero: a file that kept one did not lose the others, and its short codes are short on purpose).
 */
export function textPaddingWidth(values: readonly (readonly Cell[])[], from: number, column: number): number | undefined {
  const counts = new Map<number, number>();
  const zeroFirst = new Set<number>();
  let total = 0;
  for (let i = from; i < values.length; i++) {
    const code = masterCode(values[i]?.[column]);
    if (code === "") continue;
    if (!/^\d+$/.test(code)) return undefined;
    total++;
    counts.set(code.length, (counts.get(code.length) ?? 0) + 1);
    if (code.charCodeAt(0) === 0x30) zeroFirst.add(code.length);
  }
  let width: number | undefined;
  for (const [length, count] of counts) if (width === undefined || count > counts.get(width)!) width = length;
  if (width === undefined || counts.get(width)! * 2 <= total || zeroFirst.has(width)) return undefined;
  if (Math.max(...counts.keys()) > width || counts.size === 1) return undefined;
  return width;
}
