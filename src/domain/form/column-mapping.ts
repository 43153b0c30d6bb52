import { cellText, type Cell } from "../cell";
import { columnIndex, columnLetter } from "../columns";
import { problem, type Problem } from "../problems/problem";
import { FIELD_HEADINGS } from "../profile/default-profile";
import { FIELD_KEYS, type FieldKey, type FormProfile } from "../profile/schema";
import { nfkc } from "../text/normalize";
import { locateHeader, type FormLocation } from "./locate-form";

/** How an item's column was found: where the profile says (heading agrees or is blank), by heading, by 項目N, or by the profile's `columns`. */
export type ColumnFound = "position" | "heading" | "item-number" | "override";

export interface MappedColumn {
  /** The sheet's column letter; undefined = the item has no column in this sheet. */
  column?: string;
  found?: ColumnFound;
}

/**
 * Where a sheet's items are. "form" = a 別紙2 sheet (status column, grey columns between items); "list" = a plain table
 * with one header row (an e-application export): no status column, no grey columns.
 */
export interface ColumnMapping {
  layout: "form" | "list";
  items: Record<FieldKey, MappedColumn>;
  /** The profile's grey (and other exported non-item) columns → the sheet's column, undefined when the sheet has none. */
  grey: { profileColumn: string; column?: string }[];
  /** Columns with a heading that is no item (フリガナ, 備考, 申請日時 …): never checked, never exported. */
  extras: { column: string; heading: string }[];
  /** Every item and grey column where the profile says, nothing extra: the effective profile is the profile itself. */
  unchanged: boolean;
}

export interface MappedForm {
  /** The profile with the sheet's own columns: fields, greyColumns, csv.columns (canonical order), sheet range. Same object when unchanged. */
  profile: FormProfile;
  mapping: ColumnMapping;
  /** columns.* problems, once per sheet (no place: the caller adds file and sheet). */
  problems: Problem[];
}

export interface MapColumnsOptions {
  layout?: "form" | "list";
  /** The header's row number, for messages. */
  headerRow?: number;
}

/** A heading as compared: NFKC, lower case, without spaces, line breaks, ・/()「」-_, ※ and 必須/任意; 二要素 = 2要素. */
export function headingKey(cell: Cell | undefined): string {
  return nfkc(cellText(cell ?? null))
    .toLowerCase()
    .replace(/[(（]\s*(必須|任意)\s*[)）]|※|必須$/g, "")
    .replace(/[\s\u3000・･/／\-－‐_()（）「」【】[\]]/g, "")
    .replace(/二要素/g, "2要素");
}

function itemNumberOf(cell: Cell | undefined): number | undefined {
  const m = /^項目(\d+)$/.exec(nfkc(cellText(cell ?? null)).replace(/\s+/g, ""));
  return m ? Number(m[1]) : undefined;
}

/** Column letters used for what a sheet does not have: from the sheet's last possible column leftwards, where no file puts values. */
const PHANTOM_FROM = 16383;

/**
 * Finds where the profile's items are in a sheet, from its header row (and the 項目N row above it when present), and
 * returns the profile to check and export that sheet with. Runs once per sheet on its header only.
 *
 * Per item, in order: the profile's `columns` override; the profile's column when its heading names the item; the
 * one column whose heading names it (label, then `headings`; several → the label's exact match, then the leftmost,
 * with columns.ambiguous); the column numbered 項目N; the profile's column when its heading is blank (old copies
 * without headings); else none (columns.missing when required, columns.absent otherwise). Grey columns are taken
 * between the items they sit between in the profile, by their heading （入力不要） or a blank heading.
 */
export function mapFormColumns(headerCells: readonly Cell[], itemNumberCells: readonly Cell[] | undefined, profile: FormProfile, options: MapColumnsOptions = {}): MappedForm {
  const layout = options.layout ?? "form";
  const headerRow = options.headerRow ?? 1;
  const width = headerCells.length;
  const keys: string[] = [];
  for (let i = 0; i < width; i++) keys.push(headingKey(headerCells[i]));
  const statusIndex = layout === "form" ? columnIndex(profile.sheet.statusColumn) : -1;
  const greyKeys = new Set((profile.sheet.greyHeadings ?? ["（入力不要）"]).map((h) => headingKey(h)));
  // Past the header's last cell a column has no heading (a header row with only 利用者名 keeps every column in place).
  const keyAt = (i: number) => keys[i] ?? "";
  const isGreyHeading = (i: number) => keyAt(i) === "" || greyKeys.has(keyAt(i));
  const names = {} as Record<FieldKey, Set<string>>;
  for (const key of FIELD_KEYS) {
    const f = profile.fields[key];
    names[key] = new Set([f.label, ...(f.headings ?? FIELD_HEADINGS[key])].map((h) => headingKey(h)));
  }
  const problems: Problem[] = [];
  const items = {} as Record<FieldKey, MappedColumn>;
  const taken = new Map<number, FieldKey>();
  const take = (key: FieldKey, i: number, found: ColumnFound) => {
    items[key] = { column: columnLetter(i), found };
    taken.set(i, key);
  };

  // 1. The profile's override.
  if (profile.columns) {
    for (const [name, col] of Object.entries(profile.columns)) {
      const key = FIELD_KEYS.find((k) => k === name || profile.fields[k].label === name);
      if (key && !items[key] && !taken.has(columnIndex(col))) take(key, columnIndex(col), "override");
    }
  }
  // 2. Where the profile says, when the heading there names the item.
  for (const key of FIELD_KEYS) {
    if (items[key]) continue;
    const i = columnIndex(profile.fields[key].column);
    if (layout === "form" && !taken.has(i) && i < width && keys[i] !== "" && names[key].has(keys[i])) take(key, i, "position");
  }
  // 3. By heading anywhere in the row (an item already placed is still checked for a second column of its name).
  for (const key of FIELD_KEYS) {
    const label = headingKey(profile.fields[key].label);
    const candidates: number[] = [];
    for (let i = 0; i < width; i++) if (i !== statusIndex && keys[i] !== "" && names[key].has(keys[i]) && (!taken.has(i) || taken.get(i) === key)) candidates.push(i);
    if (!items[key] && candidates.length > 0) {
      const best = candidates.find((i) => keys[i] === label) ?? candidates[0];
      take(key, best, "heading");
    }
    if (candidates.length > 1 && items[key]?.found !== "override") {
      problems.push(
        problem("columns.ambiguous", {
          label: profile.fields[key].label,
          candidates: candidates.map((i) => `${columnLetter(i)}列「${cellText(headerCells[i])}」`).join("・"),
          chosen: items[key]!.column,
        }),
      );
      // The other candidates are said here; they are not extras.
      for (const i of candidates) if (!taken.has(i)) taken.set(i, key);
    }
  }
  // 4. By item number (項目N above the heading).
  if (itemNumberCells) {
    for (const key of FIELD_KEYS) {
      if (items[key]) continue;
      for (let i = 0; i < itemNumberCells.length; i++) {
        if (!taken.has(i) && itemNumberOf(itemNumberCells[i]) === profile.fields[key].item) {
          take(key, i, "item-number");
          break;
        }
      }
    }
  }
  // 5. Where the profile says, when that column has no heading at all.
  for (const key of FIELD_KEYS) {
    if (items[key]) continue;
    const i = columnIndex(profile.fields[key].column);
    if (layout === "form" && !taken.has(i) && keyAt(i) === "" && i !== statusIndex) take(key, i, "position");
  }
  for (const key of FIELD_KEYS) {
    if (items[key]) continue;
    items[key] = {};
    const f = profile.fields[key];
    const required = profile.required.includes(key);
    problems.push(problem(required ? "columns.missing" : "columns.absent", { label: f.label, item: f.item, headerRow }));
  }

  // Grey (and other exported non-item) columns, between the items they sit between in the profile.
  const fieldCols = FIELD_KEYS.map((k) => ({ key: k, at: columnIndex(profile.fields[k].column) })).sort((a, b) => a.at - b.at);
  const itemCols = new Set(fieldCols.map((f) => f.at));
  const fillers = [...new Set([...profile.greyColumns, ...profile.csv.columns])].filter((c) => !itemCols.has(columnIndex(c))).sort((a, b) => columnIndex(a) - columnIndex(b));
  const grey: ColumnMapping["grey"] = [];
  const greyTaken = new Set<number>();
  if (layout === "form") {
    const groups = new Map<string, string[]>();
    for (const g of fillers) {
      const at = columnIndex(g);
      const prev = [...fieldCols].reverse().find((f) => f.at < at)?.key;
      const next = fieldCols.find((f) => f.at > at)?.key;
      const id = `${prev ?? ""}|${next ?? ""}`;
      groups.set(id, [...(groups.get(id) ?? []), g]);
    }
    for (const [id, slots] of groups) {
      const [prev, next] = id.split("|") as [FieldKey | "", FieldKey | ""];
      const a = prev ? items[prev].column : undefined;
      const b = next ? items[next].column : undefined;
      let lo: number;
      let hi: number;
      if (a !== undefined && b !== undefined) {
        lo = Math.min(columnIndex(a), columnIndex(b)) + 1;
        hi = Math.max(columnIndex(a), columnIndex(b)) - 1;
      } else if (a !== undefined) {
        lo = columnIndex(a) + 1;
        hi = lo + slots.length - 1;
      } else if (b !== undefined) {
        hi = columnIndex(b) - 1;
        lo = Math.max(0, hi - slots.length + 1);
      } else {
        lo = 0;
        hi = -1;
      }
      const found: number[] = [];
      for (let i = lo; i <= hi; i++) if (!taken.has(i) && i !== statusIndex && isGreyHeading(i)) found.push(i);
      slots.forEach((g, n) => {
        const i = found[n];
        if (i !== undefined) greyTaken.add(i);
        grey.push({ profileColumn: g, column: i === undefined ? undefined : columnLetter(i) });
      });
    }
    grey.sort((x, y) => columnIndex(x.profileColumn) - columnIndex(y.profileColumn));
  } else {
    for (const g of fillers) grey.push({ profileColumn: g });
  }

  const extras: ColumnMapping["extras"] = [];
  for (let i = 0; i < width; i++) {
    if (i === statusIndex || taken.has(i) || greyTaken.has(i) || keys[i] === "" || greyKeys.has(keys[i])) continue;
    extras.push({ column: columnLetter(i), heading: cellText(headerCells[i]) });
    problems.push(problem("columns.extra", { column: columnLetter(i), heading: cellText(headerCells[i]) }));
  }
  const absentGrey = grey.filter((g) => g.column === undefined);
  if (layout === "form" && absentGrey.length > 0) problems.push(problem("columns.grey-absent", { columns: absentGrey.map((g) => g.profileColumn).join("・") }));

  const unchanged =
    layout === "form" &&
    extras.length === 0 &&
    problems.length === 0 &&
    FIELD_KEYS.every((k) => items[k].column === profile.fields[k].column && items[k].found !== "override") &&
    grey.every((g) => g.column === g.profileColumn);
  const mapping: ColumnMapping = { layout, items, grey, extras, unchanged };
  if (unchanged) return { profile, mapping, problems };
  // Problems in a stable order: missing items, then ambiguous, absent, grey, extras (as found, each kind in column order).
  const order = ["columns.missing", "columns.ambiguous", "columns.absent", "columns.grey-absent", "columns.extra"];
  problems.sort((x, y) => order.indexOf(x.code) - order.indexOf(y.code));
  return { profile: effectiveProfile(profile, mapping), mapping, problems };
}

/**
 * The profile with the sheet's columns. What the sheet lacks (a missing item, a deleted grey column, the status column
 * of a list) gets a column at the far right of the sheet, where nothing is: blank in every row, so the checks see a
 * blank and the CSV writes an empty field. A missing item is no longer required (its one columns.missing says it).
 */
export function effectiveProfile(profile: FormProfile, mapping: ColumnMapping): FormProfile {
  let phantom = PHANTOM_FROM;
  const nextPhantom = () => columnLetter(phantom--);
  const fields = { ...profile.fields };
  const real: number[] = [];
  for (const key of FIELD_KEYS) {
    const col = mapping.items[key].column;
    if (col !== undefined) real.push(columnIndex(col));
    fields[key] = { ...profile.fields[key], column: col ?? nextPhantom() };
  }
  const greyOf = new Map<string, string>();
  for (const g of mapping.grey) {
    if (g.column !== undefined) real.push(columnIndex(g.column));
    greyOf.set(g.profileColumn, g.column ?? nextPhantom());
  }
  const byProfileColumn = new Map<string, string>(FIELD_KEYS.map((k) => [profile.fields[k].column, fields[k].column]));
  for (const [from, to] of greyOf) byProfileColumn.set(from, to);
  // A sheet with none of the items (a list with no known heading): a one-column range, never an empty one.
  if (real.length === 0) real.push(columnIndex(profile.sheet.firstColumn));
  const status = profile.sheet.statusColumn;
  const statusUsed = mapping.layout === "list" || real.includes(columnIndex(status));
  const first = mapping.layout === "form" && !statusUsed ? Math.min(columnIndex(profile.sheet.firstColumn), ...real) : Math.min(...real);
  const last = Math.max(...real, first);
  return {
    ...profile,
    sheet: {
      ...profile.sheet,
      statusColumn: statusUsed ? nextPhantom() : status,
      firstColumn: columnLetter(first),
      lastColumn: columnLetter(last),
    },
    fields,
    required: profile.required.filter((k) => mapping.items[k].column !== undefined),
    greyColumns: profile.greyColumns.map((c) => greyOf.get(c) ?? c),
    csv: { ...profile.csv, columns: profile.csv.columns.map((c) => byProfileColumn.get(c) ?? c) },
  };
}

/** True when the column letter is one effectiveProfile gave to something the sheet does not have. */
export function isAbsentColumn(column: string): boolean {
  return column.length === 3 && columnIndex(column) > PHANTOM_FROM - 100;
}

/** One item's column as reports show it (the JSON report's `columns`). */
export interface ItemColumn {
  label: string;
  profileColumn: string;
  column: string | null;
  found: ColumnFound | null;
}

/** Every item with its column in the sheet, keyed by field key; undefined when the mapping is unchanged (nothing to show). */
export function itemColumns(mapping: ColumnMapping | undefined, profile: FormProfile): Record<FieldKey, ItemColumn> | undefined {
  if (!mapping || mapping.unchanged) return undefined;
  const out = {} as Record<FieldKey, ItemColumn>;
  for (const key of FIELD_KEYS) {
    const m = mapping.items[key];
    out[key] = { label: profile.fields[key].label, profileColumn: profile.fields[key].column, column: m.column ?? null, found: m.found ?? null };
  }
  return out;
}

const FOUND_LABEL: Record<ColumnFound, string> = { position: "位置", heading: "見出し", "item-number": "項目番号", override: "プロファイルの指定" };

/**
 * One short Japanese line for a sheet whose columns are not where the profile says: the items found elsewhere (and
 * how), those with no column, and how many grey columns there are. Undefined when the mapping is unchanged.
 */
export function mappingSummary(mapping: ColumnMapping | undefined, profile: FormProfile): string | undefined {
  if (!mapping || mapping.unchanged) return undefined;
  const parts: string[] = [];
  for (const key of FIELD_KEYS) {
    const m = mapping.items[key];
    const f = profile.fields[key];
    if (m.column === undefined) parts.push(`${f.label}→なし`);
    else if (mapping.layout === "list" || m.column !== f.column || m.found === "override") parts.push(`${f.label}→${m.column}列（${FOUND_LABEL[m.found!]}）`);
  }
  if (mapping.layout === "form") {
    const moved = mapping.grey.filter((g) => g.column !== undefined && g.column !== g.profileColumn).length;
    const absent = mapping.grey.filter((g) => g.column === undefined).length;
    if (moved + absent > 0) parts.push(`入力不要の列：${mapping.grey.length - absent}/${mapping.grey.length}列${moved > 0 ? `（${moved}列は別の位置）` : ""}`);
  }
  if (mapping.extras.length > 0) parts.push(`様式にない列：${mapping.extras.map((e) => `${e.column}「${e.heading}」`).join("・")}`);
  const kind = mapping.layout === "list" ? "一覧（1行目の見出し）の列" : "様式と異なる列";
  return `${kind}：${parts.length > 0 ? parts.join("、") : "なし"}`;
}

/**
 * A 別紙2 sheet whose marker heading was renamed (氏名 for 利用者名): the first row within the search rows that names
 * the marker's item by one of its headings and at least two other items, and looks like the form — 項目N cells in the
 * row above, or a grey （入力不要） heading. A plain table (an e-application list) is not taken here: it is read as a list.
 */
export function locateByHeadings(top: readonly (readonly Cell[])[], profile: FormProfile): { headerRow: number; firstDataRow: number } | undefined {
  const markerKey = FIELD_KEYS.find((k) => profile.fields[k].column === profile.sheet.headerMarker.column) ?? "name";
  const greyKeys = new Set((profile.sheet.greyHeadings ?? ["（入力不要）"]).map((h) => headingKey(h)));
  const limit = Math.min(top.length, profile.sheet.headerSearchRows);
  for (let r = 0; r < limit; r++) {
    const keys = new Set((top[r] ?? []).map((c) => headingKey(c)).filter((k) => k !== ""));
    const names = (key: FieldKey) => [profile.fields[key].label, ...(profile.fields[key].headings ?? FIELD_HEADINGS[key])].some((h) => keys.has(headingKey(h)));
    if (!names(markerKey)) continue;
    if (FIELD_KEYS.filter((k) => k !== markerKey && names(k)).length < 2) continue;
    const formLike = [...keys].some((k) => greyKeys.has(k)) || (r > 0 && (top[r - 1] ?? []).some((c) => itemNumberOf(c) !== undefined));
    if (formLike) return { headerRow: r + 1, firstDataRow: r + 2 };
  }
  return undefined;
}

/**
 * A form sheet's header as the pane finds it: the marker (利用者名) in its column, else a row naming it (by its label or
 * another heading, in any column) and two more items that looks like the form (locateByHeadings). Stricter than the
 * CLI's "the marker in any column": a plain list with a 利用者名 column (issued accounts) is no form sheet in the pane.
 */
export function locateMovedForm(top: readonly (readonly Cell[])[], profile: FormProfile): FormLocation | undefined {
  return locateHeader(top, profile) ?? locateByHeadings(top, profile);
}

/** A form sheet's columns mapped from its top rows (row 0 = sheet row 1): the header row and the 項目N row above it. */
export function mapFormHeader(top: readonly (readonly Cell[])[], location: FormLocation, profile: FormProfile): MappedForm {
  const header = top[location.headerRow - 1] ?? [];
  const above = location.headerRow > 1 ? top[location.headerRow - 2] : undefined;
  return mapFormColumns(header, above, profile, { headerRow: location.headerRow });
}

/**
 * The form tab's notice (columns.form-tab, info) that the open sheet's items were found away from the profile's
 * columns and are checked there: the moved items with their columns (at most four, then how many more). Undefined
 * when no item moved (extra, missing and grey columns have their own columns.* notices).
 */
export function formTabColumnNotice(mapping: ColumnMapping, profile: FormProfile): Problem | undefined {
  if (mapping.unchanged) return undefined;
  const moved: string[] = [];
  for (const key of FIELD_KEYS) {
    const m = mapping.items[key];
    if (m.column !== undefined && (m.column !== profile.fields[key].column || m.found === "override")) moved.push(`${profile.fields[key].label}→${m.column}列`);
  }
  if (moved.length === 0) return undefined;
  const shown = 4;
  return problem("columns.form-tab", { details: moved.slice(0, shown).join("、") + (moved.length > shown ? ` ほか${moved.length - shown}項目` : "") });
}
