import type { FormProfile } from "../../domain/profile/schema";
import type { WorkbookProblem, WorkbookRead } from "../../domain/workbook/xlsx-reader";
import type { PackedMasterData } from "./packed-masters";
import type { WorkerReply, WorkerRequest } from "./read-workbook-protocol";

export type MastersRead = { ok: true; masters: PackedMasterData[] } | { ok: false; problem: WorkbookProblem };

/**
 * Reads an .xlsx in a Web Worker (webpack 5 bundles the worker from `new URL(…, import.meta.url)` as its own chunk),
 * so a 180,000-row master does not freeze the pane. Resolves undefined when no worker can be started (old host,
 * CSP, chunk not found): the caller then reads on the main thread.
 */
export function readXlsxInWorker(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): Promise<WorkbookRead | undefined> {
  return run(bytes, { fileName }, onProgress, (reply) => (reply.type === "done" ? reply.result : undefined));
}

/** The master sheets of an .xlsx, found and indexed in the worker (search keys included); only the indexes come back, packed. */
export function readMastersInWorker(bytes: Uint8Array, fileName: string, profile: FormProfile, onProgress: (done: number, total: number) => void): Promise<MastersRead | undefined> {
  return run(bytes, { fileName, indexMastersFor: profile }, onProgress, (reply) => (reply.type === "masters" ? reply.result : undefined));
}

function run<T>(bytes: Uint8Array, request: Omit<WorkerRequest, "bytes">, onProgress: (done: number, total: number) => void, resultOf: (reply: WorkerReply) => T | undefined): Promise<T | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./read-workbook.worker.ts", import.meta.url));
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.type === "progress") onProgress(e.data.done, e.data.total);
      else {
        worker.terminate();
        resolve(resultOf(e.data));
      }
    };
    // The worker could not start (chunk not found, refused) or failed: the file is read on the main thread instead,
    // where a bug of the reader surfaces as an ordinary exception.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(undefined);
    };
    // A copy goes to the worker (the caller keeps its bytes, e.g. to insert the sheets into the workbook).
    const copy = bytes.slice().buffer;
    const message: WorkerRequest = { ...request, bytes: copy };
    try {
      worker.postMessage(message, [copy]);
    } catch {
      // Something in the request cannot be cloned: read on the main thread.
      worker.terminate();
      resolve(undefined);
    }
  });
}
