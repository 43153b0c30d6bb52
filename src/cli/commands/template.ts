import { writeFile } from "node:fs/promises";
import { DEFAULT_TEMPLATE_ROWS, distributableForm, selectHealthCenters, type FormProfile, type ListedHealthCenter } from "../../domain";
import { loadMasterFiles } from "../load-inputs";
import type { Progress } from "../progress";
import { UsageError } from "../usage";

export interface TemplateArgs {
  out?: string;
  masters: string[];
  jurisdictions: string[];
}

/** `template --out 様式.xlsx [--masters M] [--jurisdiction CODE…]`: writes the distributable form. */
export async function runTemplate(args: TemplateArgs, profile: FormProfile, progress: Progress, out: (s: string) => void): Promise<number> {
  if (!args.out) throw new UsageError("出力先を --out 様式.xlsx のように指定してください。");
  if (!/\.xlsx$/i.test(args.out)) throw new UsageError(`出力先「${args.out}」は .xlsx のファイル名にしてください。`);
  const masters = await loadMasterFiles(args.masters, profile, progress);
  let centers: ListedHealthCenter[] | undefined;
  if (masters.healthCenter) {
    const selection = selectHealthCenters(masters.healthCenter, args.jurisdictions);
    if (selection.unmatched.length > 0) {
      throw new UsageError(
        `--jurisdiction ${selection.unmatched.join("、")} に当たる保健所が${profile.masters.healthCenter.label}にありません（中核市コード、2桁の都道府県コード、または保健所コードを指定します）。`,
      );
    }
    centers = selection.centers;
  } else if (args.jurisdictions.length > 0) {
    throw new UsageError(`--jurisdiction には${profile.masters.healthCenter.label}が必要です（--masters で指定してください）。`);
  }
  progress.step(`様式を作成しています：${args.out}`);
  const bytes = await distributableForm({ profile, healthCenters: centers });
  await writeFile(args.out, bytes);
  progress.done();
  const list = centers
    ? `保健所コードは一覧（${centers.length}件）から選択、中核市コードは自動表示`
    : `保健所マスタがないため保健所コード・中核市コードは手入力（--masters で一覧付きになります）`;
  out(`${args.out} に配布用の様式を作成しました（データ ${DEFAULT_TEMPLATE_ROWS} 行分、${list}）。\n`);
  return 0;
}
