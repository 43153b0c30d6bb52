import { readFile } from "node:fs/promises";
import { readXlsx, type SheetData } from "../domain";
import { fileErrorText } from "./file-error-text";

export { toCell, sheetValues } from "../domain";

export class UnreadableFileError extends Error {}

/**
 * Reads every worksheet of an .xlsx into plain values with the domain's workbook reader (the same one the pane runs
 * in its worker). Unreadable files (missing, encrypted, .xls, damaged) become an UnreadableFileError whose Japanese
 * message names the file.
 */
export async function readWorkbook(path: string): Promise<SheetData[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」を開けません: ${fileErrorText(e)}`);
  }
  const read = readXlsx(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), path);
  if (!read.ok) throw new UnreadableFileError(read.problem.message);
  return read.sheets;
}
