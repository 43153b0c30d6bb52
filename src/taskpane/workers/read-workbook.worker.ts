// The workbook reader off the pane's main thread: bytes in (transferred), progress and the read result out.
// Only the domain's reader is bundled here (fflate + the scanner); the pane receives plain values.
import { readXlsx } from "../../domain/workbook/xlsx-reader";
import type { WorkerReply, WorkerRequest } from "./read-workbook-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { bytes, fileName } = e.data;
  let last = 0;
  const result = readXlsx(new Uint8Array(bytes), fileName, {
    onProgress: (done, total) => {
      // At most ~50 progress messages per file.
      if (done === total || done - last >= total / 50) {
        last = done;
        scope.postMessage({ type: "progress", done, total });
      }
    },
  });
  scope.postMessage({ type: "done", result });
};
