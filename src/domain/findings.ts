import { MESSAGES, type FindingCode, type MessageParams } from "./messages";

export type Severity = "error" | "warning" | "info";

/** One problem in one cell: what the pane lists, the CLI prints and the JSON report carries. */
export interface Finding {
  /** Sheet row number (1-based, as Excel shows it). */
  row: number;
  /** Column letter (A..AN). */
  column: string;
  severity: Severity;
  code: FindingCode;
  /** Japanese message for the user. */
  message: string;
  /** Suggested replacement value for the cell, when the engine knows one. */
  fix?: string;
}

export function finding(
  row: number,
  column: string,
  code: FindingCode,
  params: MessageParams = {},
  fix?: string,
): Finding {
  const entry = MESSAGES[code];
  const f: Finding = { row, column, severity: entry.severity, code, message: entry.text(params) };
  if (fix !== undefined) f.fix = fix;
  return f;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.row - b.row ||
    a.column.length - b.column.length ||
    (a.column < b.column ? -1 : a.column > b.column ? 1 : 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
