import { messageOf, type CellProblem } from "../problems/problem";
import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import { institutionFindings } from "../annotate/institution-findings";
import { summarize, type RowStatus } from "../check/form-checker";
import { SEVERITY_LABEL } from "../problems/severity";
import type { FormProfile } from "../profile/schema";
import { trimSpaces } from "../text/normalize";
import type { CheckedSubmission, SubmissionSummary } from "./review-check";
import { initialDecision, type ReviewDecision } from "./review-record";

export interface ReportRow {
  row: number;
  /** 利用者名 as typed (trimmed). */
  name: string;
  status: RowStatus;
  findings: CellProblem[];
}

export interface ReportSubmission {
  id: string;
  fileName: string;
  sourceSheet: string;
  institution: string;
  decision: ReviewDecision;
  summary: SubmissionSummary;
  rows: ReportRow[];
}

/** The review report as data (作業②の記録): per submission and per row, the findings and the reviewer's decision. */
export interface ReviewReport {
  /** ISO time of the report. */
  createdAt: string;
  submissions: ReportSubmission[];
}

export const ROW_STATUS_LABEL: Record<RowStatus, string> = { complete: "完了", incomplete: "未完了", gap: "空行" };

export function reviewReport(
  checked: readonly CheckedSubmission[],
  decisions: ReadonlyMap<string, ReviewDecision>,
  profile: FormProfile,
  createdAt: string,
): ReviewReport {
  return {
    createdAt,
    submissions: checked.map((c) => reportSubmission(c, decisions.get(c.submission.id) ?? initialDecision(), c.findings, profile)),
  };
}

/**
 * One submission as the institution reads it (the 差戻し letter): only its own rows, the findings in the words meant for
 * the institution (institutionFindings: no reviewer instructions, nothing about other submissions), its summary
 * counted from those findings.
 */
export function institutionReport(c: CheckedSubmission, decision: ReviewDecision, profile: FormProfile): ReportSubmission {
  const findings = institutionFindings(c.checker, c.findings);
  return { ...reportSubmission(c, decision, findings, profile), summary: summarize(c.rows, findings) };
}

function reportSubmission(c: CheckedSubmission, decision: ReviewDecision, findings: readonly CellProblem[], profile: FormProfile): ReportSubmission {
  const nameCol = columnIndex((c.submission.profile ?? profile).fields.name.column);
  const byRow = new Map<number, CellProblem[]>();
  for (const f of findings) {
    const list = byRow.get(f.place.row);
    if (list) list.push(f);
    else byRow.set(f.place.row, [f]);
  }
  return {
    id: c.submission.id,
    fileName: c.submission.fileName,
    sourceSheet: c.submission.sourceSheet,
    institution: c.submission.institution.text,
    decision,
    summary: c.summary,
    rows: c.rows.map(({ row, status }) => ({
      row,
      name: trimSpaces(cellText((c.checker.rowInput(row)?.cells[nameCol] ?? null) as Cell)),
      status,
      findings: byRow.get(row) ?? [],
    })),
  };
}

export const REPORT_SHEET_HEADER = [
  "申請ID",
  "提出ファイル",
  "シート",
  "機関",
  "判定",
  "備考",
  "行",
  "利用者名",
  "行の状態",
  "重要度",
  "セル",
  "内容",
  "修正案",
] as const;

/**
 * The report as rows of text for a sheet (all cells are strings, so nothing is re-interpreted by Excel):
 * one line per finding, one line for a row without findings, one line for a submission without rows.
 */
export function reviewReportGrid(report: ReviewReport): string[][] {
  const out: string[][] = [[...REPORT_SHEET_HEADER]];
  for (const s of report.submissions) {
    const head = [s.id, s.fileName, s.sourceSheet, s.institution, s.decision.status, s.decision.remark];
    if (s.rows.length === 0) out.push([...head, "", "", "", "", "", "データ行がありません", ""]);
    for (const r of s.rows) {
      const rowHead = [...head, String(r.row), r.name, ROW_STATUS_LABEL[r.status]];
      if (r.findings.length === 0) out.push([...rowHead, "", "", "問題なし", ""]);
      for (const f of r.findings) {
        out.push([...rowHead, SEVERITY_LABEL[f.severity], `${f.place.column}${f.place.row}`, messageOf(f), f.fix === undefined ? "" : f.fix === "" ? "（空欄にする）" : f.fix]);
      }
    }
  }
  return out;
}
