import { readXlsx, type SheetData } from "../../domain";

/** Thrown with the reader's Japanese message naming the file (encrypted, .xls, damaged…); shown as is. */
export class UnreadableWorkbookError extends Error {}

/**
 * Every worksheet of an .xlsx as plain values, with the domain's workbook reader (the CLI's too), run in a Web
 * Worker when the host can start one and on the main thread otherwise (jsdom tests, old hosts).
 */
export async function readXlsxSheets(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void = () => undefined): Promise<SheetData[]> {
  let read;
  if (typeof Worker === "function") {
    const { readXlsxInWorker } = await import(/* webpackChunkName: "workbook-worker-client" */ "../workers/workbook-worker-client");
    read = await readXlsxInWorker(bytes, fileName, onProgress);
  }
  read ??= readXlsx(bytes, fileName, { onProgress });
  if (!read.ok) throw new UnreadableWorkbookError(read.problem.message);
  return read.sheets;
}
