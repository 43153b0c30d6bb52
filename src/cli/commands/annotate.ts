import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { sendBackWorkbook, SEND_BACK_SHEET, type FormProfile } from "../../domain";
import { checkFormFile, loadMasterFiles } from "../load-inputs";
import type { Progress } from "../progress";
import { UnreadableFileError } from "../read-workbook";
import { UsageError } from "../usage";

export interface AnnotateArgs {
  forms: string[];
  masters: string[];
  out?: string;
  /** 保健所 of these jurisdictions are carried (default: those the rows apply to). */
  jurisdictions?: string[];
  /** The sender block at the end of the letter. */
  from?: string;
}

/** `annotate SUBMISSION.xlsx [--masters M] --out 差戻し.xlsx`: the submission marked up for 差戻し. */
export async function runAnnotate(args: AnnotateArgs, profile: FormProfile, progress: Progress, out: (s: string) => void, now: () => Date = () => new Date()): Promise<number> {
  if (args.forms.length !== 1) throw new UsageError("差戻し用に印を付ける申請様式（.xlsx）を1つ指定してください。");
  if (!args.out) throw new UsageError("出力先を --out 差戻し.xlsx のように指定してください。");
  if (!/\.xlsx$/i.test(args.out)) throw new UsageError(`出力先「${args.out}」は .xlsx のファイル名にしてください。`);
  const source = args.forms[0];
  if (path.resolve(source) === path.resolve(args.out)) throw new UsageError("出力先には提出されたファイルとは別のファイル名を指定してください。");
  const masters = await loadMasterFiles(args.masters, profile, progress);
  // Each submission is checked on its own: the marked-up copy says nothing of other submissions.
  const checked = await checkFormFile(source, profile, masters, progress);
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${source}」を開けません：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  progress.step(`差戻し用のファイルを作成しています：${args.out}`);
  const result = await sendBackWorkbook(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    checked.map((c) => ({ sheet: c.form.sheet, checker: c.checker })),
    { fileName: path.basename(source), date: now(), sender: args.from, jurisdictions: args.jurisdictions },
  );
  await writeFile(args.out, result.bytes);
  progress.done();
  const all = result.marked.flatMap((m) => m.findings);
  const errors = all.filter((f) => f.severity === "error").length;
  const warnings = all.length - errors;
  out(
    `${args.out} を作成しました（シート「${SEND_BACK_SHEET}」と、印を付けたセル: 修正が必要 ${errors} 件・確認 ${warnings} 件）。` +
      (result.masterSheets.length > 0 ? `照合用のマスタ: ${result.masterSheets.map((n) => `「${n}」`).join("")}。` : "") +
      (errors === 0 ? "\n修正が必要な箇所はありません。\n" : "\n"),
  );
  return errors > 0 ? 1 : 0;
}
