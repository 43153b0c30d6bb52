import { cellText, isBlankCell, isCellError } from "../cell";
import { columnIndex } from "../columns";
import type { FormRow } from "../check/row-state";
import type { MasterSet } from "../masters/master-set";
import { masterCode } from "../masters/master-index";
import type { FormProfile } from "../profile/schema";
import type { InstitutionLabel } from "./submission";

/**
 * The institution a submission is for: the most common AJ code of its rows with its name from the institution
 * masters; without any AJ, the most common 保健所コード (K) with the 保健所's name. Ties go to the earlier row.
 */
export function institutionLabel(rows: readonly FormRow[], profile: FormProfile, masters: MasterSet): InstitutionLabel {
  const aj = mostCommon(rows, columnIndex(profile.fields.institutionCode.column));
  if (aj !== undefined) {
    const name = (["zensu", "teiten", "animal"] as const).map((k) => masters[k]?.get(aj)?.name).find((n) => n !== undefined && n !== "");
    return { code: aj, name, basis: "AJ", text: name ? `${name}（${aj}）` : `機関コード ${aj}（マスタに名称なし）` };
  }
  const k = mostCommon(rows, columnIndex(profile.fields.healthCenterCode.column));
  if (k !== undefined) {
    const name = masters.healthCenter?.get(k)?.name;
    return { name, basis: "K", text: `機関コード未記入（${name ? `${name}管内` : `保健所コード ${k}`}）` };
  }
  return { basis: "none", text: "機関不明（AJ列・K列とも空欄）" };
}

function mostCommon(rows: readonly FormRow[], col: number): string | undefined {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const cell = r.cells[col];
    if (isCellError(cell) || isBlankCell(cell)) continue;
    const code = masterCode(cell);
    if (code !== "") counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [code, n] of counts) {
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  return best === undefined ? undefined : cellText(best);
}
