import type { Place } from "./place";
import type { Severity } from "./severity";

/** What a message may use. Every value is display text or a count; a password never is one. */
export type ProblemParams = Readonly<Record<string, string | number | undefined>>;

/** One catalogue entry: the code's severity and how its sentence is made from the problem's params and place. */
export interface CatalogueEntry {
  severity: Severity;
  text: (p: ProblemParams, place: Place) => string;
}

export function entry(severity: Severity, text: (p: ProblemParams, place: Place) => string): CatalogueEntry {
  return { severity, text };
}
