import { diffForms, formDiffJson, formDiffText, type FormProfile } from "../../domain";
import { checkFormFile, loadMasterFiles } from "../load-inputs";
import type { Progress } from "../progress";
import { UsageError } from "../usage";

export interface DiffArgs {
  forms: string[];
  masters: string[];
  json: boolean;
}

/**
 * `diff OLD.xlsx NEW.xlsx`: a resubmission compared with the previous version (rows added, removed, changed cell by
 * cell, findings resolved and new). Each version is checked on its own. Exit 1 while the new version has errors.
 */
export async function runDiff(args: DiffArgs, profile: FormProfile, progress: Progress, out: (s: string) => void): Promise<number> {
  if (args.forms.length !== 2) throw new UsageError("比べる申請様式を2つ（前回のファイル、今回のファイルの順）指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const olds = await checkFormFile(args.forms[0], profile, masters, progress);
  const news = await checkFormFile(args.forms[1], profile, masters, progress);
  const [before, after] = [olds[0], news[0]];
  const diff = diffForms(before.checker, after.checker);
  const more = [olds, news].filter((list) => list.length > 1).map((list) => `※ ${list[0].path} には申請様式のシートが ${list.length} 枚あります。比べたのはシート「${list[0].form.sheet}」だけです。`);
  if (args.json) {
    out(JSON.stringify({ old: { path: before.path, sheet: before.form.sheet }, new: { path: after.path, sheet: after.form.sheet }, ...formDiffJson(diff) }) + "\n");
  } else {
    out(formDiffText(diff, `${before.path}（シート「${before.form.sheet}」）`, `${after.path}（シート「${after.form.sheet}」）`) + more.map((m) => m + "\n").join(""));
  }
  return diff.summary.newErrors > 0 ? 1 : 0;
}
