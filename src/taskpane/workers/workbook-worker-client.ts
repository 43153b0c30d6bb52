import type { WorkbookRead } from "../../domain/workbook/xlsx-reader";
import type { WorkerReply, WorkerRequest } from "./read-workbook-protocol";

/**
 * Reads an .xlsx in a Web Worker (webpack 5 bundles the worker from `new URL(…, import.meta.url)` as its own chunk),
 * so a 180,000-row master does not freeze the pane. Resolves undefined when no worker can be started (old host,
 * CSP, chunk not found): the caller then reads on the main thread.
 */
export function readXlsxInWorker(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): Promise<WorkbookRead | undefined> {
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
        resolve(e.data.result);
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
    const request: WorkerRequest = { bytes: copy, fileName };
    worker.postMessage(request, [copy]);
  });
}
