import { CATALOGUE, type ProblemCode } from "./catalogue";
import type { ProblemParams } from "./entry";
import type { Place } from "./place";
import { SEVERITY_ORDER, type Severity } from "./severity";

/**
 * The one shape of everything the product reports — row, cross-row and cross-file rules, the reader, masters,
 * imports, the issued CSV, templates, drafts, profiles — modelled on zod's issues: a stable code, a severity, where
 * it is, the params its sentence needs, and the suggested value when the engine knows one. The sentence is made
 * when it is shown (messageOf).
 */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  place: Place;
  params: ProblemParams;
  /** Suggested replacement value for the cell ("" = empty the cell), when the engine knows one. */
  fix?: string;
}

/** A problem placed on one cell of a sheet: what the pane lists under a row, highlights and fixes. */
export type CellProblem = Problem & { place: Place & { row: number; column: string } };

const NO_PARAMS: ProblemParams = Object.freeze({});

/** A problem from the catalogue; its severity is the code's. */
export function problem(code: ProblemCode, params: ProblemParams = NO_PARAMS, place: Place = {}, fix?: string): Problem {
  const p: Problem = { code, severity: CATALOGUE[code].severity, place, params };
  if (fix !== undefined) p.fix = fix;
  return p;
}

/** A problem in one cell (row as Excel shows it, column letter). */
export function cellProblem(row: number, column: string, code: ProblemCode, params: ProblemParams = NO_PARAMS, fix?: string): CellProblem {
  const p: CellProblem = { code, severity: CATALOGUE[code].severity, place: { row, column }, params };
  if (fix !== undefined) p.fix = fix;
  return p;
}

/** The same problem at a fuller place (a file, a sheet added to a cell). */
export function placed<P extends Problem>(p: P, place: Place): P {
  return { ...p, place: { ...place, ...p.place } };
}

/** The Japanese sentence of a problem, from the catalogue (the way zod's error map turns an issue into text). */
export function messageOf(p: Problem): string {
  return CATALOGUE[p.code].text(p.params, p.place);
}

export function compareSeverity(a: Problem, b: Problem): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Errors first, then warnings, then information; each kind in the order it was reported. */
export function problemsInOrder<P extends Problem>(problems: readonly P[]): P[] {
  return [...problems].sort(compareSeverity);
}

/** Cell problems by row, then column (A < Z < AA), then severity, then code. */
export function compareCellProblems(a: CellProblem, b: CellProblem): number {
  const x = a.place;
  const y = b.place;
  return (
    x.row - y.row ||
    x.column.length - y.column.length ||
    (x.column < y.column ? -1 : x.column > y.column ? 1 : 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
