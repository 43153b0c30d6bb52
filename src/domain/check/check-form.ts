import type { MasterSet } from "../masters/master-set";
import type { FormProfile } from "../profile/schema";
import { foldForMatch } from "../text/normalize";
import { createContext, type CheckContext } from "./context";
import { FormChecker } from "./form-checker";
import type { FormRow } from "./row-state";

export function createCheckContext(profile: FormProfile, masters: MasterSet): CheckContext {
  return createContext(profile, masters, foldForMatch);
}

/** A full check of a form's data rows: the checker, ready for result() and for incremental updates. */
export function checkForm(rows: readonly FormRow[], headerRow: number, profile: FormProfile, masters: MasterSet): FormChecker {
  const checker = new FormChecker(createCheckContext(profile, masters), headerRow);
  checker.reset(rows);
  return checker;
}
