import type ExcelJS from "exceljs";
import { isBlankCell } from "../cell";
import type { FormChecker } from "../check/form-checker";
import type { MasterIndex, MasterRecord } from "../masters/master-index";
import { MASTER_KINDS, type FormProfile, type MasterKind } from "../profile/schema";
import { addHealthCenterSheet } from "../template/distributable-form";
import { selectHealthCenters, type ListedHealthCenter } from "../template/health-center-list";
import { codeText } from "../values/code";

export type InstitutionKind = Exclude<MasterKind, "healthCenter">;
const INSTITUTION_KINDS = MASTER_KINDS.filter((k): k is InstitutionKind => k !== "healthCenter");

/**
 * What of the reviewer's masters a marked-up workbook carries, so that the institution's pane (which has no masters)
 * can check K, I and AJ as the reviewer did: the 保健所 of the jurisdiction the rows apply to, and the master rows of
 * the institution codes the rows name (in whichever master holds them). A kind a row needs whose master holds none of
 * its codes is carried with its header only, so that the code is still judged unknown there.
 */
export interface SendBackMasters {
  /** Undefined: the reviewer had no 保健所マスタ. */
  healthCenters?: ListedHealthCenter[];
  institutions: Partial<Record<InstitutionKind, MasterRecord[]>>;
}

export function sendBackMasters(checkers: readonly FormChecker[], jurisdictions: readonly string[] = []): SendBackMasters {
  const out: SendBackMasters = { institutions: {} };
  if (checkers.length === 0) return out;
  const { masters, profile, fieldIndex } = checkers[0].ctx;
  const codesOf = (checker: FormChecker, field: "healthCenterCode" | "institutionCode") =>
    checker.filledRows().flatMap((r) => {
      const cell = checker.rowInput(r)?.cells[fieldIndex[field]] ?? null;
      return isBlankCell(cell) ? [] : [codeText(cell).text];
    });

  const hc = masters.healthCenter;
  if (hc) out.healthCenters = jurisdictionCenters(hc, checkers.flatMap((c) => codesOf(c, "healthCenterCode")), jurisdictions, checkers, codesOf);

  const records = new Map<InstitutionKind, Map<string, MasterRecord>>();
  const keep = (kind: InstitutionKind, r: MasterRecord) => {
    let m = records.get(kind);
    if (!m) records.set(kind, (m = new Map()));
    m.set(`${r.code}\u0001${r.row}`, r);
  };
  for (const checker of checkers) {
    for (const row of checker.filledRows()) {
      const type = profile.orgTypes.find((t) => t.code === checker.rowResult(row)?.values.orgType);
      const kind = type?.master as InstitutionKind | undefined;
      if (kind && masters[kind] && !records.has(kind)) records.set(kind, new Map());
      const cell = checker.rowInput(row)?.cells[fieldIndex.institutionCode] ?? null;
      if (isBlankCell(cell)) continue;
      const text = codeText(cell).text;
      for (const k of INSTITUTION_KINDS) {
        const master = masters[k];
        if (!master) continue;
        const code = master.has(text) ? text : master.zeroPadded(text);
        if (code !== undefined) for (const r of master.all(code)) keep(k, r);
      }
    }
  }
  for (const [kind, m] of records) out.institutions[kind] = [...m.values()];
  return out;
}

/**
 * The 保健所 of the jurisdiction: those sharing a 中核市コード with the 保健所 the rows name (K) — when no K is known,
 * with the institutions' 保健所 (the masters' 保健所コード) — and those of the jurisdictions given; every 保健所 when
 * none of them is known. Every row of a
 * code the rows name is kept (a 保健所コード may repeat across jurisdictions).
 */
function jurisdictionCenters(
  hc: MasterIndex,
  kCodes: readonly string[],
  jurisdictions: readonly string[],
  checkers: readonly FormChecker[],
  codesOf: (c: FormChecker, f: "healthCenterCode" | "institutionCode") => string[],
): ListedHealthCenter[] {
  const { masters } = checkers[0].ctx;
  const named = new Set(kCodes.filter((k) => hc.has(k)));
  // No K the master knows: the jurisdiction of the institutions' 保健所 instead.
  if (named.size === 0) {
    for (const c of checkers) {
      for (const aj of codesOf(c, "institutionCode")) {
        for (const k of INSTITUTION_KINDS) {
          const code = masters[k]?.get(aj)?.healthCenterCode;
          if (code && hc.has(code)) named.add(code);
        }
      }
    }
  }
  const cities = new Set(jurisdictions);
  for (const k of named) for (const r of hc.all(k)) if (r.cityCode) cities.add(r.cityCode);
  const selection = selectHealthCenters(hc, [...cities]);
  const centers = cities.size === 0 || selection.centers.length === 0 ? selectHealthCenters(hc, []).centers : selection.centers;
  const listed = new Set(centers.map((c) => `${c.code}\u0001${c.cityCode}`));
  for (const k of named) {
    for (const r of hc.all(k)) {
      const key = `${r.code}\u0001${r.cityCode ?? ""}`;
      if (listed.has(key)) continue;
      listed.add(key);
      centers.push({ code: r.code, name: r.name ?? "", cityCode: r.cityCode ?? "" });
    }
  }
  return centers;
}

/** The sheet names the carried masters get: the name the add-in and the CLI know each master by. */
export function carriedSheetName(profile: FormProfile, kind: MasterKind): string {
  return profile.masters[kind].sheetNames[0];
}

/**
 * Adds the carried masters as sheets at the end of the workbook (protected, no password). A kind the workbook already
 * holds (`present`: the institution's own master sheet, or the distributable form's 保健所一覧, which K's input list
 * refers to) is not added, nor one whose sheet name is taken; the caller has removed the sheets of an earlier send-back.
 */
export async function addSendBackMasterSheets(
  wb: ExcelJS.Workbook,
  profile: FormProfile,
  carried: SendBackMasters,
  present: ReadonlySet<string>,
): Promise<string[]> {
  const added: string[] = [];
  const free = (kind: MasterKind) => {
    const name = carriedSheetName(profile, kind);
    return present.has(kind) || wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase()) ? undefined : name;
  };
  const hcName = free("healthCenter");
  if (carried.healthCenters && hcName) {
    await addHealthCenterSheet(wb, profile, carried.healthCenters, hcName);
    added.push(hcName);
  }
  for (const kind of INSTITUTION_KINDS) {
    const rows = carried.institutions[kind];
    const name = free(kind);
    if (!rows || !name) continue;
    const columns = profile.masters[kind].columns;
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: columns.code.headers[0], width: 16 },
      { header: columns.name?.headers[0] ?? "名称", width: 36 },
      { header: columns.kana?.headers[0] ?? "カナ", width: 30 },
      { header: columns.healthCenterCode?.headers[0] ?? "保健所コード", width: 14 },
    ];
    rows.forEach((r, i) => {
      ws.getRow(i + 2).values = [r.code, r.name ?? "", r.kana ?? "", r.healthCenterCode ?? ""];
    });
    for (const letter of ["A", "D"]) ws.getColumn(letter).numFmt = "@";
    ws.getRow(1).font = { bold: true };
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, sort: true, autoFilter: true });
    added.push(name);
  }
  return added;
}
