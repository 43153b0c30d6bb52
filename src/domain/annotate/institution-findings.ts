import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import type { FormChecker } from "../check/form-checker";
import { cellProblem, type CellProblem } from "../problems/problem";
import { type ProblemCode } from "../problems/catalogue";
import { trimSpaces } from "../text/normalize";

/**
 * What the institution reads for a finding, when it differs from the reviewer's: null = not shown to the institution
 * (nothing it can act on, or about other submissions); a function = the institution's own code and params. Codes not
 * listed are shown as they are.
 */
type InstitutionView = (f: CellProblem, ctx: { value: string; checker: FormChecker }) => CellProblem;

const INSTITUTION_VIEW: Partial<Record<ProblemCode, InstitutionView | null>> = {
  // The window's own scheduling, not the institution's to fix.
  "orgType.deferred": null,
  // About other institutions' submissions: never sent to this one.
  "name.duplicate-other-file": null,
  "tfa.shared-other-file": null,
  // The reviewer's text tells the reviewer to ask the institution; the institution is asked directly.
  "institution.blank": (f, { checker }) => {
    const p = checker.ctx.profile;
    const type = p.orgTypes.find((t) => t.code === checker.rowResult(f.place.row)?.values.orgType);
    const params = type ? { label: p.fields.institutionCode.label, master: p.masters[type.master].label, collect: type.collect.join("、") } : { label: p.fields.institutionCode.label };
    return cellProblem(f.place.row, f.place.column, "institution.blank-ask", params, f.fix);
  },
  "healthCenter.unknown": (f, { value }) => cellProblem(f.place.row, f.place.column, "healthCenter.unknown-ask", { value }, f.fix),
};

/**
 * The findings of one checked form as the institution should read them: errors and warnings only, reworded where the
 * catalogue speaks to the reviewer, without what the institution cannot act on.
 */
export function institutionFindings(checker: FormChecker, findings: readonly CellProblem[]): CellProblem[] {
  const out: CellProblem[] = [];
  for (const f of findings) {
    if (f.severity === "info") continue;
    const rewrite = INSTITUTION_VIEW[f.code];
    if (rewrite === null) continue;
    if (rewrite === undefined) {
      out.push(f);
      continue;
    }
    const cell: Cell = checker.rowInput(f.place.row)?.cells[columnIndex(f.place.column)] ?? null;
    out.push(rewrite(f, { value: trimSpaces(cellText(cell)), checker }));
  }
  return out;
}
