import type { Problem } from "../problems/problem";

/** What checking one value gives: its problems (placed on the cell by the rule) and, when it can be registered, the value to register. */
export interface ValueCheck {
  issues: Problem[];
  accepted?: string;
}
