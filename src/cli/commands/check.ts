import { checkNotices, type CheckView, type FormProfile } from "../../domain";
import { checkFormFile, loadMasterFiles, type CheckedSheet } from "../load-inputs";
import type { Progress } from "../progress";
import { buildReports, reportJson, reportText } from "../report";
import { UsageError } from "../usage";

export interface CheckArgs {
  forms: string[];
  masters: string[];
  json: boolean;
  /** --view institution: the institution's view (items the municipality fills are info when blank). */
  view?: CheckView;
}

export async function runCheck(args: CheckArgs, profile: FormProfile, progress: Progress, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("チェックする申請様式（.xlsx）を指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const path of args.forms) checked.push(...(await checkFormFile(path, profile, masters, progress, args.view)));
  const reports = buildReports(checked, (c) => checkNotices(c.checker, profile, c.masters));
  if (args.json) {
    out(reportJson(reports) + "\n");
    for (const r of reports) for (const n of r.notices) err(`※ ${r.path}: ${n.message}\n`);
  } else {
    out(reportText(reports));
  }
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
