import Papa from "papaparse";
import type { Cell } from "../cell";
import { checkForm, createCheckContext } from "../check/check-form";
import type { FormChecker } from "../check/form-checker";
import type { CheckView } from "../check/context";
import type { FormRow } from "../check/row-state";
import { dataRows, locateHeader } from "../form/locate-form";
import { MasterIndex } from "../masters/master-index";
import { detectMasterKind, type MasterSet } from "../masters/master-set";
import type { FormProfile, MasterKind } from "../profile/schema";

/** A sheet read into plain values: row 0 is sheet row 1, column 0 is column A. */
export interface SheetData {
  name: string;
  values: Cell[][];
}

export interface FormSheet {
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  rows: FormRow[];
  /** The header row's labels for the exported columns (the registration CSV's header line). */
  headerCells: readonly Cell[];
}

/** Every sheet of a workbook that is a form (利用者名 in B of a header row near the top), preferred name first. */
export function findFormSheets(sheets: readonly SheetData[], profile: FormProfile): FormSheet[] {
  const ctx = createCheckContext(profile, {});
  const found: FormSheet[] = [];
  for (const s of sheets) {
    const location = locateHeader(s.values.slice(0, profile.sheet.headerSearchRows), profile);
    if (!location) continue;
    found.push({
      sheet: s.name,
      headerRow: location.headerRow,
      firstDataRow: location.firstDataRow,
      rows: dataRows(s.values, 1, location, ctx.dataColumns),
      headerCells: s.values[location.headerRow - 1] ?? [],
    });
  }
  const preferred = profile.sheet.preferredName;
  return found.sort((a, b) => Number(b.sheet === preferred) - Number(a.sheet === preferred));
}

export interface LoadedMaster {
  kind: MasterKind;
  index: MasterIndex;
  /** The values it was built from (row 0 = header row 1), e.g. to keep a master read from a file in the workbook. */
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

/** A master given as CSV text (all values stay text): the kind is detected from the file name, then the header. */
export function masterFromCsv(text: string, fileName: string, profile: FormProfile): LoadedMaster | undefined {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { skipEmptyLines: true });
  const values = parsed.data as Cell[][];
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const kind = detectMasterKind(base, values[0], profile);
  if (!kind) return undefined;
  return { kind, index: new MasterIndex(kind, profile.masters[kind].label, fileName, values, profile.masters[kind]), values };
}

export function addMasters(set: MasterSet, loaded: readonly LoadedMaster[]): MasterSet {
  const next: MasterSet = { ...set };
  for (const m of loaded) next[m.kind] = m.index;
  return next;
}

/** Checks one form sheet against the masters. */
export function checkFormSheet(form: FormSheet, profile: FormProfile, masters: MasterSet, view: CheckView = "reviewer"): FormChecker {
  return checkForm(form.rows, form.headerRow, profile, masters, view);
}
