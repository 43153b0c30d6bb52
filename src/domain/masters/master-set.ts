import { type Cell, cellText } from "../cell";
import { MASTER_KINDS, type FormProfile, type MasterKind } from "../profile/schema";
import { nfkc, trimSpaces } from "../text/normalize";
import { MasterIndex } from "./master-index";

/** The masters a check runs against; any may be missing (then the checks that need it are skipped, with a notice). */
export type MasterSet = Partial<Record<MasterKind, MasterIndex>>;

const norm = (s: string) => nfkc(trimSpaces(s)).replace(/\s+/g, "");

/** Which master a sheet holds, by its name first, then by the code header in its header row. */
export function detectMasterKind(
  sheetName: string,
  headerRow: readonly Cell[] | undefined,
  profile: FormProfile,
): MasterKind | undefined {
  const name = norm(sheetName);
  for (const kind of MASTER_KINDS) {
    if (profile.masters[kind].sheetNames.some((n) => norm(n) === name)) return kind;
  }
  if (!headerRow) return undefined;
  const labels = new Set(headerRow.map((c) => norm(cellText(c))));
  // The most specific code header decides: 医療機関コードhos_cd (定点) before 医療機関コード (全数);
  // the health-center master is the one whose code header comes with 中核市コード.
  const hc = profile.masters.healthCenter.columns;
  if (hc.code.headers.some((h) => labels.has(norm(h))) && hc.cityCode?.headers.some((h) => labels.has(norm(h)))) {
    return "healthCenter";
  }
  for (const kind of ["teiten", "animal", "zensu"] as const) {
    if (profile.masters[kind].columns.code.headers.some((h) => labels.has(norm(h)))) return kind;
  }
  return undefined;
}

export function buildMasterIndex(
  kind: MasterKind,
  source: string,
  values: readonly (readonly Cell[])[],
  profile: FormProfile,
  firstRowNumber = 1,
): MasterIndex {
  const layout = profile.masters[kind];
  return new MasterIndex(kind, layout.label, source, values, layout, firstRowNumber);
}

/** One line per loaded master: what the pane and the CLI show ("保健所マスタ: 469件（重複 0）"). */
export function describeMasters(masters: MasterSet): { kind: MasterKind; label: string; source: string; size: number; duplicates: number }[] {
  return MASTER_KINDS.flatMap((kind) => {
    const m = masters[kind];
    return m ? [{ kind, label: m.label, source: m.source, size: m.size, duplicates: m.duplicates.length }] : [];
  });
}
