import Papa from "papaparse";
import type { Cell } from "../cell";
import { MASTER_KINDS, type FormProfile, type MasterKind } from "../profile/schema";
import type { ColumnFilter, SheetData } from "../workbook/sheet-data";
import { MasterIndex, masterColumnsRead } from "./master-index";
import { detectMasterKind, type MasterSet } from "./master-set";

export interface LoadedMaster {
  kind: MasterKind;
  index: MasterIndex;
  /**
   * The values it was built from (row 0 = header row 1), e.g. to keep a master read from a file in the workbook.
   * Empty when the pane's worker indexed the master and only the index was asked for.
   */
  values: readonly (readonly Cell[])[];
}

/** Masters among a workbook's sheets, found by sheet name or by header. A later source of the same kind replaces an earlier one. */
export function mastersFromSheets(sheets: readonly SheetData[], profile: FormProfile, source: string): LoadedMaster[] {
  const out: LoadedMaster[] = [];
  for (const s of sheets) {
    const headerRow = profile.masters.healthCenter.headerRow;
    const kind = detectMasterKind(s.name, s.values[headerRow - 1], profile);
    if (!kind) continue;
    out.push({ kind, index: new MasterIndex(kind, profile.masters[kind].label, `${source}:${s.name}`, s.values, profile.masters[kind]), values: s.values });
  }
  return out;
}

/**
 * The reader's column filter for a file read only for its masters: a master sheet's index columns, nothing of
 * other sheets below their header rows. mastersFromSheets then gives the same indexes as from the whole file.
 */
export function masterColumnFilter(profile: FormProfile): ColumnFilter {
  const detectRow = profile.masters.healthCenter.headerRow;
  return {
    head: Math.max(detectRow, ...MASTER_KINDS.map((k) => profile.masters[k].headerRow)),
    columns(sheetName, head) {
      const kind = detectMasterKind(sheetName, head[detectRow - 1], profile);
      if (!kind) return [];
      const layout = profile.masters[kind];
      return masterColumnsRead(head[layout.headerRow - 1] ?? [], layout);
    },
  };
}

/**
 * A master given as CSV text (all values stay text): the kind is detected from the file name, then the header.
 * Codes that lost their leading zeros (saved from Excel as numbers) are padded with a notice, as from a workbook.
 */
export function masterFromCsv(text: string, fileName: string, profile: FormProfile): LoadedMaster | undefined {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { skipEmptyLines: true });
  const values = parsed.data as Cell[][];
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const kind = detectMasterKind(base, values[0], profile);
  if (!kind) return undefined;
  return { kind, index: new MasterIndex(kind, profile.masters[kind].label, fileName, values, profile.masters[kind], 1, true), values };
}

export function addMasters(set: MasterSet, loaded: readonly LoadedMaster[]): MasterSet {
  const next: MasterSet = { ...set };
  for (const m of loaded) next[m.kind] = m.index;
  return next;
}
