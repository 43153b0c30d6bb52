import type { FormChecker } from "../check/form-checker";
import type { CellProblem } from "../problems/problem";
import type { ProblemCode } from "../problems/catalogue";
import { institutionWording } from "../problems/institution-wording";

/**
 * Findings never shown to the institution: nothing it can act on, or about other submissions. The others are shown
 * in its own words (institutionWording).
 */
const NOT_SHOWN: Partial<Record<ProblemCode, null>> = {
  // The window's own scheduling, not the institution's to fix.
  "orgType.deferred": null,
  // About other institutions' submissions: never sent to this one.
  "name.duplicate-other-file": null,
  "tfa.shared-other-file": null,
};

/**
 * The findings of one checked form as the institution should read them: errors and warnings only, reworded where the
 * catalogue speaks to the reviewer, without what the institution cannot act on.
 */
export function institutionFindings(checker: FormChecker, findings: readonly CellProblem[]): CellProblem[] {
  const out: CellProblem[] = [];
  for (const f of findings) {
    if (f.severity === "info") continue;
    if (NOT_SHOWN[f.code] === null) continue;
    out.push(institutionWording(f, checker.ctx.profile, checker.rowResult(f.place.row)?.values.orgType));
  }
  return out;
}
