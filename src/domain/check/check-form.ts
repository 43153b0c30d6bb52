import type { MasterSet } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import { foldForMatch } from "../text/normalize";
import { createContext, type CheckContext, type CheckView } from "./context";
import { FormChecker } from "./form-checker";
import type { FormRow } from "./row-state";

export function createCheckContext(profile: FormProfile, masters: MasterSet, view: CheckView = "reviewer"): CheckContext {
  return createContext(profile, masters, foldForMatch, view);
}

/** A full check of a form's data rows: the checker, ready for result() and for incremental updates. */
export function checkForm(rows: readonly FormRow[], headerRow: number, profile: FormProfile, masters: MasterSet, view: CheckView = "reviewer"): FormChecker {
  const checker = new FormChecker(createCheckContext(profile, masters, view), headerRow);
  checker.reset(rows);
  return checker;
}
