import type { RegistrationCsv } from "../csv/registration-csv";
import { applicationRecords, type ApplicationRecord } from "../issued/application-record";
import { problem } from "../problems/problem";
import type { FormProfile } from "../profile/schema";
import { registrationExport, type ExportableForm } from "./export-rows";
import type { ReviewDecision } from "./review-record";
import type { CheckedSubmission } from "./review-check";
import { submissionSource } from "./submission";

export interface ReviewExportOptions {
  encoding?: "cp932" | "utf8bom";
  header?: boolean;
  /** 16 (定点) accounts only when the reviewer has turned on 「16は運用開始後に発行」→ issued now. */
  issueDeferred?: boolean;
}

/** How a submission's rows are named in the refused list: 「S001 病院A.xlsx」. */
export function exportSourceOf(s: CheckedSubmission["submission"]): string {
  return `${s.id} ${s.fileName}`;
}

/**
 * 登録用CSVを出力 (作業③): all submissions are checked together, and only rows of approved (承認) submissions
 * without errors are written. Every other row is refused with its reasons (not approved, errors, blank AJ, 16).
 * The same bytes as `nesid-account export` for the same files when every submission is approved.
 */
export function reviewExport(
  checked: readonly CheckedSubmission[],
  decisions: ReadonlyMap<string, ReviewDecision>,
  profile: FormProfile,
  options: ReviewExportOptions = {},
): RegistrationCsv {
  const forms: ExportableForm[] = checked.map((c) => ({
    source: submissionSource(c.submission),
    exportSource: exportSourceOf(c.submission),
    checker: c.checker,
    headerCells: c.submission.headerCells,
    ...(c.submission.profile ? { profile: c.submission.profile } : {}),
  }));
  const statusBySource = new Map(checked.map((c) => [exportSourceOf(c.submission), decisions.get(c.submission.id)?.status ?? "受付"]));
  return registrationExport(forms, profile, {
    ...options,
    exclude: (row) => {
      const status = statusBySource.get(row.source);
      return status === "承認" ? undefined : problem("export.not-approved", { status: status ?? "未判定" }, { row: row.row });
    },
  });
}

/**
 * The application rows 作業④ matches issued accounts with: only the rows the registration CSV writes with these
 * options (approved, no errors, AJ filled …), so rows never exported are not counted as 「アカウントのない申請行」.
 */
export function exportedRecords(
  checked: readonly CheckedSubmission[],
  decisions: ReadonlyMap<string, ReviewDecision>,
  profile: FormProfile,
  options: ReviewExportOptions = {},
): ApplicationRecord[] {
  const written = new Set(reviewExport(checked, decisions, profile, options).written.map((w) => `${w.source}#${w.row}`));
  return checked.flatMap((c) =>
    applicationRecords(submissionSource(c.submission), c.checker).filter((r) => written.has(`${exportSourceOf(c.submission)}#${r.row}`)),
  );
}
