import { decodeText, masterFromCsv, mastersFromSheets, type FormProfile, type LoadedMaster } from "../../domain";
import type { Progress } from "../../excel/gateway-types";
import { readFileBytes } from "./read-file-bytes";

export type MasterFileProgress = (p: Progress & { phase: string }) => void;

/** Thrown with a Japanese message naming the file; the controller shows it as is. */
export class MasterFileError extends Error {}

/**
 * A master from a file chosen in the pane: .csv (UTF-8 or Shift_JIS, kind from the file name or the header)
 * or .xlsx (every sheet that is a master, by sheet name or header). Nothing is written to the workbook.
 */
export interface MasterFileOptions {
  /**
   * false: only the indexes are needed (loading a master to check with): an .xlsx is then indexed in the pane's
   * worker and its masters come back without their values (empty). Default true (saving a master as a sheet).
   */
  values?: boolean;
}

/** Loads what reading an .xlsx needs (its code, its workers) before a file is chosen, so that the read starts at once. */
export async function prepareMasterFileReading(): Promise<void> {
  const { prepareXlsxMasters } = await import(/* webpackChunkName: "xlsx-reader" */ "./read-xlsx");
  await prepareXlsxMasters();
}

export async function readMasterFile(file: File, profile: FormProfile, onProgress: MasterFileProgress, options: MasterFileOptions = {}): Promise<LoadedMaster[]> {
  const name = file.name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (ext === "xls") {
    throw new MasterFileError(`ファイル「${name}」は古い形式（.xls）のため読めません。Excelで「.xlsx」または「CSV」として保存し直してから選んでください。`);
  }
  if (ext !== "csv" && ext !== "txt" && ext !== "xlsx" && ext !== "xlsm") {
    throw new MasterFileError(`ファイル「${name}」はマスタとして読めません。.xlsx または .csv のファイルを選んでください。`);
  }
  const readBytes = () => readFileBytes(file, (done, total) => onProgress({ phase: "読み込んでいます", done, total }));
  if (ext === "csv" || ext === "txt") {
    const bytes = await readBytes();
    onProgress({ phase: "解析しています", done: 0, total: 0 });
    const { text } = decodeText(bytes);
    const loaded = masterFromCsv(text, name, profile);
    return loaded ? [loaded] : [];
  }
  const { readXlsxMasters, readXlsxSheets, UnreadableWorkbookError } = await import(/* webpackChunkName: "xlsx-reader" */ "./read-xlsx");
  const parsing = (done: number, total: number) => onProgress({ phase: "解析しています", done, total });
  let sheets;
  try {
    // Only the indexes: the file goes to the worker as it is (this thread neither reads nor copies it).
    if (options.values === false) {
      onProgress({ phase: "解析しています", done: 0, total: 0 });
      return await readXlsxMasters(file, name, profile, parsing);
    }
    const bytes = await readBytes();
    onProgress({ phase: "解析しています", done: 0, total: 0 });
    sheets = await readXlsxSheets(bytes, name, parsing);
  } catch (e) {
    // The reader's message already names the file and says what to do (パスワードを解除…, .xlsx で保存し直し…).
    if (e instanceof UnreadableWorkbookError) throw new MasterFileError(e.message);
    throw e;
  }
  onProgress({ phase: "索引を作っています", done: 0, total: 0 });
  return mastersFromSheets(sheets, profile, name);
}
