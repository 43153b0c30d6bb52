import { writeFile } from "node:fs/promises";
import { registrationExport, type ExportableForm, type FormProfile } from "../../domain";
import { checkFormFile, loadMasterFiles, type CheckedSheet } from "../load-inputs";
import type { Progress } from "../progress";
import { UsageError } from "../usage";

export interface ExportArgs {
  forms: string[];
  masters: string[];
  out?: string;
  encoding: "cp932" | "utf8bom";
  header: boolean;
  includeDeferred: boolean;
}

/** The checked sheets as the domain's exportable forms (cross-file messages name file:sheet, refused rows name the file). */
export function exportableForms(checked: readonly CheckedSheet[]): ExportableForm[] {
  return checked.map((c) => ({ source: `${c.path}:${c.form.sheet}`, exportSource: c.path, checker: c.checker, headerCells: c.form.headerCells }));
}

export async function runExport(args: ExportArgs, profile: FormProfile, progress: Progress, out: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("申請様式（.xlsx）を指定してください。");
  if (!args.out) throw new UsageError("出力先を --out reg.csv のように指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const path of args.forms) checked.push(...(await checkFormFile(path, profile, masters, progress)));
  const csv = registrationExport(exportableForms(checked), profile, {
    encoding: args.encoding,
    header: args.header,
    issueDeferred: args.includeDeferred,
  });
  await writeFile(args.out, csv.bytes);
  const lines = [`${args.out} に ${csv.written.length} 行を出力しました（${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}、${args.header ? "見出し行あり" : "見出し行なし"}）。`];
  for (const note of csv.notes) lines.push(`※ ${note}`);
  if (csv.refused.length > 0) {
    lines.push(`出力しなかった行: ${csv.refused.length} 行`);
    lines.push(...refusedLines(csv.refused));
  }
  for (const c of checked) {
    for (const f of c.form.readFindings) if (f.severity === "error") lines.push(`※ ${c.path}:${c.form.sheet} ${f.column}${f.row}: ${f.message}`);
  }
  out(lines.join("\n") + "\n");
  return csv.refused.length > 0 ? 1 : 0;
}

/** Refused rows; a run of consecutive empty rows is one line with a range. */
export function refusedLines(refused: readonly { source: string; row: number; reasons: readonly string[] }[]): string[] {
  // The registration export refuses an empty row with one reason starting 空行 (registrationExport).
  const isGap = (r: { reasons: readonly string[] }) => r.reasons.length === 1 && r.reasons[0].startsWith("空行");
  const lines: string[] = [];
  for (let i = 0; i < refused.length; ) {
    const r = refused[i];
    let j = i;
    while (isGap(r) && j + 1 < refused.length && refused[j + 1].source === r.source && refused[j + 1].row === refused[j].row + 1 && isGap(refused[j + 1])) j++;
    lines.push(j === i ? `  ${r.source} ${r.row}行目` : `  ${r.source} ${r.row}〜${refused[j].row}行目（${j - i + 1}行）`);
    for (const reason of r.reasons) lines.push(`    - ${reason}`);
    i = j + 1;
  }
  return lines;
}
