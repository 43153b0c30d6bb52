import { readFile } from "node:fs/promises";
import { inflateRaw } from "node:zlib";
import { type ColumnFilter, messageOf, readXlsxAsync, type SheetData } from "../domain";
import { fileErrorText } from "./file-error-text";

export class UnreadableFileError extends Error {}

/**
 * Reads every worksheet of an .xlsx into plain values with the domain's workbook reader (the same one the pane runs
 * in its worker). Unreadable files (missing, encrypted, .xls, damaged) become an UnreadableFileError whose Japanese
 * message names the file. `columns`: read only those columns (a master file: the ones its index uses).
 */
export async function readWorkbook(path: string, columns?: ColumnFilter): Promise<SheetData[]> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」を開けません：${fileErrorText(e)}`);
  }
  const read = await readXlsxAsync(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), path, nativeInflate, { columns });
  if (!read.ok) throw new UnreadableFileError(messageOf(read.problem));
  return read.sheets;
}

/**
 * Node's native zlib on its thread pool: the same bytes as fflate's inflate, in less CPU time, and off the main
 * thread, so the next worksheet inflates while the reader scans this one.
 */
function nativeInflate(data: Uint8Array, size: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    inflateRaw(data, size > 0 ? { chunkSize: Math.min(Math.max(size, 64), 1 << 30) } : {}, (err, out) => {
      if (err) return reject(err);
      // A plain Uint8Array view: a Buffer's subarray and indexOf cost more than a typed array's in the scanner's hot loop.
      resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    });
  });
}
