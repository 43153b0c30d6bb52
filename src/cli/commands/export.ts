import { writeFile } from "node:fs/promises";
import { columnIndex, registrationCsv, type ExportRow, type FormProfile } from "../../domain";
import { checkFormFile, loadMasterFiles, type CheckedSheet } from "../load-inputs";
import type { Progress } from "../progress";
import { buildReports } from "../report";
import { UsageError } from "../usage";

export interface ExportArgs {
  forms: string[];
  masters: string[];
  out?: string;
  encoding: "cp932" | "utf8bom";
  header: boolean;
  includeDeferred: boolean;
}

/** Export rows of checked sheets, each with every finding it has (its own, cross-row and cross-file). */
export function exportRows(checked: readonly CheckedSheet[]): ExportRow[] {
  const reports = buildReports(checked, () => []);
  return checked.flatMap((c, i) => {
    const findingsByRow = new Map<number, ExportRow["findings"][number][]>();
    for (const f of reports[i].findings) {
      const list = findingsByRow.get(f.row);
      if (list) list.push(f);
      else findingsByRow.set(f.row, [f]);
    }
    return reports[i].rows.map(({ row }) => ({
      source: c.path,
      row,
      cells: c.checker.rowInput(row)?.cells ?? [],
      result: c.checker.rowResult(row),
      findings: findingsByRow.get(row) ?? [],
    }));
  });
}

export async function runExport(args: ExportArgs, profile: FormProfile, progress: Progress, out: (s: string) => void): Promise<number> {
  if (args.forms.length === 0) throw new UsageError("申請様式（.xlsx）を指定してください。");
  if (!args.out) throw new UsageError("出力先を --out reg.csv のように指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  const checked: CheckedSheet[] = [];
  for (const path of args.forms) checked.push(...(await checkFormFile(path, profile, masters, progress)));
  const first = checked[0].form;
  const headerLabels = profile.csv.columns.map((c) => {
    const v = first.headerCells[columnIndex(c)];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : "";
  });
  const csv = registrationCsv(exportRows(checked), profile, {
    encoding: args.encoding,
    header: args.header,
    headerLabels: headerLabels.every((l) => l !== "") ? headerLabels : undefined,
    issueDeferred: args.includeDeferred,
  });
  await writeFile(args.out, csv.bytes);
  const lines = [`${args.out} に ${csv.written.length} 行を出力しました（${csv.encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}、${args.header ? "見出し行あり" : "見出し行なし"}）。`];
  if (csv.refused.length > 0) {
    lines.push(`出力しなかった行: ${csv.refused.length} 行`);
    for (const r of csv.refused) {
      lines.push(`  ${r.source} ${r.row}行目`);
      for (const reason of r.reasons) lines.push(`    - ${reason}`);
    }
  }
  out(lines.join("\n") + "\n");
  return csv.refused.length > 0 ? 1 : 0;
}
