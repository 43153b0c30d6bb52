import type { FormProfile } from "../profile/schema";
import type { ProblemCode } from "./catalogue";
import { cellProblem, type CellProblem } from "./problem";

type Rewording = (f: CellProblem, profile: FormProfile, orgType: string | undefined) => CellProblem;

/**
 * The findings whose reviewer sentence speaks to the reviewer (「機関から聴取してください」, 登録用CSV): the code the
 * institution reads instead, with its params. Same severity, same cell, same fix.
 */
const REWORDINGS: Partial<Record<ProblemCode, Rewording>> = {
  "institution.blank": (f, profile, orgType) => {
    const type = profile.orgTypes.find((t) => t.code === orgType);
    const label = profile.fields.institutionCode.label;
    const params = type ? { label, master: profile.masters[type.master].label, collect: type.collect.join("、") } : { label };
    return cellProblem(f.place.row, f.place.column, "institution.blank-ask", params, f.fix);
  },
  "healthCenter.unknown": (f) => cellProblem(f.place.row, f.place.column, "healthCenter.unknown-ask", f.params, f.fix),
  "orgType.not-accepted": (f) => cellProblem(f.place.row, f.place.column, "orgType.not-accepted-ask", f.params, f.fix),
};

/**
 * A finding as the institution reads it (申請者チェック, the send-back workbook): reworded where the reviewer's sentence
 * is an instruction to the reviewer, as it is otherwise. `orgType` is the row's accepted 所属機関分類コード.
 */
export function institutionWording(f: CellProblem, profile: FormProfile, orgType: string | undefined): CellProblem {
  const reword = REWORDINGS[f.code];
  return reword ? reword(f, profile, orgType) : f;
}
