// The workbook reader off the pane's main thread: bytes in (transferred), progress and the read result out.
// Only the domain's reader (fflate + the scanner) and, for master files, the master indexing are bundled here; the
// pane receives plain values, or plain master indexes.
import { mastersFromSheets } from "../../domain/workbook/sheet-data";
import { readXlsx } from "../../domain/workbook/xlsx-reader";
import { packMasterData, transferablesOf } from "./packed-masters";
import type { WorkerReply, WorkerRequest } from "./read-workbook-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { bytes, fileName, indexMastersFor } = e.data;
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
  if (!indexMastersFor) {
    scope.postMessage({ type: "done", result });
    return;
  }
  if (!result.ok) {
    scope.postMessage({ type: "masters", result });
    return;
  }
  const masters = mastersFromSheets(result.sheets, indexMastersFor, fileName).map((m) => packMasterData(m.index.toData()));
  scope.postMessage({ type: "masters", result: { ok: true, masters } }, masters.flatMap(transferablesOf));
};
