import { type FormProfile, type LoadedMaster, MasterIndex, type MasterIndexData, mastersFromSheets, messageOf, readXlsx, type SheetData } from "../../domain";
import { unpackMasterData, unpackSearchKeys } from "../workers/packed-masters";
import { readFileBytes } from "./read-file-bytes";

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
  if (!read.ok) throw new UnreadableWorkbookError(messageOf(read.problem));
  return read.sheets;
}

/**
 * The masters of an .xlsx, indexed (search keys included) in the Web Worker when the host can start one: the pane's
 * main thread only receives the indexes, never the sheets' values, so their `values` are empty. Without a worker,
 * read and indexed on the main thread (values kept).
 */
export async function readXlsxMasters(
  source: Uint8Array | Blob,
  fileName: string,
  profile: FormProfile,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<LoadedMaster[]> {
  if (typeof Worker === "function") {
    const { readMastersInWorker } = await import(/* webpackChunkName: "workbook-worker-client" */ "../workers/workbook-worker-client");
    const read = await readMastersInWorker(source, fileName, profile, onProgress);
    if (read && !read.ok) throw new UnreadableWorkbookError(messageOf(read.problem));
    if (read) {
      // The indexes are unpacked while the worker makes their search keys; the keys are unpacked last.
      const unpacked: MasterIndexData[] = [];
      for (const packed of read.masters) unpacked.push(await unpackMasterData(packed, nextTask));
      const keys = await read.searchKeys;
      const masters: LoadedMaster[] = [];
      for (const [i, data] of unpacked.entries()) {
        const column = keys?.[i];
        if (column) data.searchKeys = await unpackSearchKeys(column, nextTask);
        masters.push({ kind: data.kind, index: MasterIndex.fromData(data), values: [] });
      }
      return masters;
    }
  }
  const bytes = source instanceof Uint8Array ? source : await readFileBytes(source, () => undefined);
  return mastersFromSheets(await readXlsxSheets(bytes, fileName, onProgress), profile, fileName);
}

/** Starts the workbook workers ahead of a read (see prepareWorkbookWorkers); nothing where the host has none. */
export async function prepareXlsxMasters(): Promise<void> {
  if (typeof Worker !== "function") return;
  const { prepareWorkbookWorkers } = await import(/* webpackChunkName: "workbook-worker-client" */ "../workers/workbook-worker-client");
  prepareWorkbookWorkers();
}

/** Lets the pane redraw and handle input between two slices of work (a message is not clamped as setTimeout is). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
