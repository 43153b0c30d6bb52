import { checkNotices, displayText, messageOf, problem, type CheckView, type FormProfile, type Problem } from "../../domain";
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
  /** --profile FILE, named in the report. */
  profileFile?: string;
}

export async function runCheck(args: CheckArgs, profile: FormProfile, progress: Progress, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("チェックする申請様式（.xlsx）を指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const path of args.forms) checked.push(...(await checkFormFile(path, profile, masters, progress, args.view)));
  // The profile used is a notice of every sheet when it is not the standard one (the report always names it too).
  const used: Problem[] = args.profileFile ? [problem("profile.used", { id: profile.id, name: profile.name, file: args.profileFile })] : [];
  const reports = buildReports(checked, (c) => [...checkNotices(c.checker, c.profile, c.masters), ...used], profile);
  if (args.json) {
    const meta = { view: args.view ?? "reviewer", profile: { id: profile.id, name: profile.name, ...(args.profileFile ? { file: args.profileFile } : {}) } } as const;
    out(reportJson(reports, meta) + "\n");
    // Kept on stderr as well for people reading the terminal; the report holds them per file and sheet.
    for (const r of reports) for (const n of r.notices) if (n.severity !== "info") err(`※ ${displayText(r.path)}: ${displayText(messageOf(n))}\n`);
  } else {
    out(reportText(reports));
  }
  return reports.some((r) => r.findings.some((f) => f.severity === "error") || r.notices.some((n) => n.severity === "error")) ? 1 : 0;
}
