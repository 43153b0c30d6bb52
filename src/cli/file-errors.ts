import { stat } from "node:fs/promises";
import path from "node:path";
import { UnreadableFileError } from "./read-workbook";

export { fileErrorText } from "./file-error-text";

/** An output path the CLI refuses before writing (exit 2, like an unreadable input). */
export class OutputPathError extends UnreadableFileError {}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

/**
 * Checks an output file path before any work: not a folder, its folder exists, and it is none of the input files
 * (same file by device + inode, so a link or another spelling of the path is caught too).
 */
export async function checkOutputFile(out: string, inputs: readonly string[], option = "--out"): Promise<void> {
  const target = await statOrUndefined(out);
  if (target?.isDirectory()) {
    throw new OutputPathError(`${option}「${out}」はフォルダです。出力するファイル名まで指定してください（例：${path.join(out, "登録用.csv")}）。`);
  }
  const folder = path.dirname(path.resolve(out));
  const parent = await statOrUndefined(folder);
  if (!parent || !parent.isDirectory()) {
    throw new OutputPathError(`${option}「${out}」のフォルダ「${folder}」がありません。先にフォルダを作成するか、ある場所を指定してください。`);
  }
  const resolved = path.resolve(out);
  for (const input of inputs) {
    const same =
      path.resolve(input) === resolved ||
      (target !== undefined && await statOrUndefined(input).then((s) => s !== undefined && s.dev === target.dev && s.ino === target.ino));
    if (same) {
      throw new OutputPathError(`${option}「${out}」は入力ファイル「${input}」と同じです。入力ファイルを上書きしないよう、別のファイル名を指定してください。`);
    }
  }
}
