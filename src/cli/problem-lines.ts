import { messageOf, problemsInOrder, SEVERITY_LABEL, type Problem } from "../domain";

/** How the terminal marks a severity, for findings and problems alike. */
export const SEVERITY_MARK = { error: `× ${SEVERITY_LABEL.error}`, warning: `△ ${SEVERITY_LABEL.warning}`, info: `・ ${SEVERITY_LABEL.info}` } as const;

/**
 * Problems of any kind (issued CSV, templates, drafts) as terminal lines, errors first. The messages are whole
 * sentences that already say where (the CSV line, the template part), so the place is not printed again.
 */
export function problemLines(problems: readonly Problem[], indent = "  "): string[] {
  return problemsInOrder(problems).map((p) => `${indent}${SEVERITY_MARK[p.severity]}：${messageOf(p)}`);
}
