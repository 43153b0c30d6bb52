import { writeFile } from "node:fs/promises";
import { checkNotices, displayText, type ExportableForm, type FormProfile, messageOf, refusalText, type RefusedRow, registrationExport, uncheckedMasters, uncheckedMastersMessage } from "../../domain";
import { checkOutputFile, fileErrorText, OutputPathError } from "../file-errors";
import { checkFormFile, loadMasterFiles, type CheckedSheet } from "../load-inputs";
import type { Progress } from "../progress";
import { UsageError } from "../usage";

export interface ExportArgs {
  forms: string[];
  masters: string[];
  out?: string;
  encoding: "cp932" | "utf8bom";
  header: boolean;
  /** --include-16: write types the profile defers (none in the default profile: a no-op alias there). */
  includeDeferred: boolean;
  /** --no-masters: the user accepts that codes are written unchecked when a master is missing. */
  noMasters?: boolean;
  /** Other input files (e.g. --profile) that --out must not overwrite. */
  otherInputs?: string[];
}

/** The name of a form sheet in messages: 「file（シート「申請様式」）」, so two form sheets of one workbook are told apart. */
export function sheetSource(path: string, sheet: string): string {
  return `${path}（シート「${sheet}」）`;
}

/** The checked sheets as the domain's exportable forms (cross-file messages name file:sheet, refused rows name file and sheet). */
export function exportableForms(checked: readonly CheckedSheet[]): ExportableForm[] {
  return checked.map((c) => ({ source: `${c.path}:${c.form.sheet}`, exportSource: sheetSource(c.path, c.form.sheet), checker: c.checker, headerCells: c.form.headerCells, profile: c.profile }));
}

export async function runExport(args: ExportArgs, profile: FormProfile, progress: Progress, out: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("申請様式（.xlsx）を指定してください。");
  if (!args.out) throw new UsageError("出力先を --out reg.csv のように指定してください。");
  await checkOutputFile(args.out, [...args.forms, ...args.masters, ...(args.otherInputs ?? [])]);
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const path of args.forms) checked.push(...(await checkFormFile(path, profile, masters, progress)));

  const missing = uncheckedMasters(checked.flatMap((c) => checkNotices(c.checker, c.profile, c.masters)));
  if (missing.required.length > 0 && !args.noMasters) {
    const [head, ...rest] = uncheckedMastersMessage(missing, "--masters FILE の代わりに --no-masters を指定する");
    out([head, ...rest.map((l) => `  ${l}`)].map(displayText).join("\n") + "\n");
    return 1;
  }

  const csv = registrationExport(exportableForms(checked), profile, {
    encoding: args.encoding,
    header: args.header,
    issueDeferred: args.includeDeferred,
  });
  try {
    await writeFile(args.out, csv.bytes);
  } catch (e) {
    throw new OutputPathError(`登録用CSVを「${args.out}」に書き込めませんでした: ${fileErrorText(e)}`);
  }
  const lines = [`${args.out} に ${csv.written.length} 行を出力しました（${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}、${args.header ? "見出し行あり" : "見出し行なし"}）。`];
  if (missing.all.length > 0) {
    lines.push(`※ 次の列はマスタと照合せずに出力しました: ${missing.columns.map((c) => `${c}列`).join("、")}`);
    for (const n of missing.all) lines.push(`  - ${messageOf(n)}`);
  }
  for (const note of csv.notes) lines.push(`※ ${note}`);
  if (csv.cleared.length > 0) {
    lines.push(`入力不要の列の値は出力しませんでした（空欄で出力）: ${csv.cleared.length} 件`);
    for (const c of csv.cleared) lines.push(`  ${c.source} ${c.row}行目 ${c.column}列「${c.value}」`);
  }
  if (csv.refused.length > 0) {
    lines.push(`出力しなかった行: ${csv.refused.length} 行`);
    lines.push(...refusedLines(csv.refused));
  }
  for (const c of checked) {
    for (const f of c.form.readFindings) if (f.severity === "error") lines.push(`※ ${c.path}:${c.form.sheet} ${f.place.column}${f.place.row}: ${messageOf(f)}`);
  }
  // Values come from the files: every printed line stays one line, free of control characters.
  out(lines.map(displayText).join("\n") + "\n");
  return csv.refused.length > 0 ? 1 : 0;
}

/** Refused rows; a run of consecutive empty rows is one line with a range. */
export function refusedLines(refused: readonly RefusedRow[]): string[] {
  const isGap = (r: RefusedRow) => r.reasons.length === 1 && r.reasons[0].code === "export.gap";
  const lines: string[] = [];
  for (let i = 0; i < refused.length; ) {
    const r = refused[i];
    let j = i;
    while (isGap(r) && j + 1 < refused.length && refused[j + 1].source === r.source && refused[j + 1].row === refused[j].row + 1 && isGap(refused[j + 1])) j++;
    lines.push(j === i ? `  ${r.source} ${r.row}行目` : `  ${r.source} ${r.row}〜${refused[j].row}行目（${j - i + 1}行）`);
    for (const reason of r.reasons) lines.push(`    - ${refusalText(reason)}`);
    i = j + 1;
  }
  return lines;
}
