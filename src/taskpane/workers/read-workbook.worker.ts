// The workbook reader off the pane's main thread: bytes in (transferred), progress and the read result out.
// Only the domain's reader (fflate + the scanner) and, for master files, the master indexing are bundled here; the
// pane receives plain values, or plain master indexes. The same script serves as the second worker of a big file,
// reading its shared strings while the first inflates the sheets (see read-workbook-protocol.ts).
import { masterColumnFilter, mastersFromSheets } from "../../domain/masters/masters-from-sheets";
import { inflateWorksheets, readSharedStringsPart, readXlsx, SharedStrings, type SharedStringsParts, type WorkbookRead } from "../../domain/workbook/xlsx-reader";
import { packMasterData, transferablesOf } from "./packed-masters";
import type { ReadRequest, SharedStringsResult, WorkerReply, WorkerRequest } from "./read-workbook-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Settles the current read's wait for the shared strings: with the second worker's strings, or with the pane's word
 * that it failed (undefined). The first word counts, as a promise settles once.
 */
let receiveStrings: (result: SharedStringsResult | undefined) => void = () => undefined;

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === "strings") receiveStrings(request.result);
  else if (request.type === "sharedStrings") void bytesOf(request.bytes).then((bytes) => sendSharedStrings(bytes, request.fileName, request.port));
  else {
    // The wait for the strings starts now: the pane's word that the helper failed may come while the file is read.
    const strings = request.stringsPort ? awaitStrings(request.stringsPort) : undefined;
    void bytesOf(request.bytes).then((bytes) => read(request, bytes, strings));
  }
};

/** The shared strings of the current read: from the helper through `port`, or undefined from the pane (read them here). */
function awaitStrings(port: MessagePort): Promise<SharedStringsResult | undefined> {
  const arriving = new Promise<SharedStringsResult | undefined>((resolve) => (receiveStrings = resolve));
  port.onmessage = (m: MessageEvent<{ result: SharedStringsResult }>) => receiveStrings(m.data.result);
  return arriving;
}

/**
 * The bytes of the request: given, or read from the file. A file that cannot be read is thrown outside the promise,
 * as an error event: the pane then reads on its main thread, where the failure gets its usual message.
 */
async function bytesOf(source: ArrayBuffer | Blob): Promise<Uint8Array> {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  try {
    return new Uint8Array(await source.arrayBuffer());
  } catch (e) {
    setTimeout(() => {
      throw e;
    });
    return new Promise<Uint8Array>(() => undefined);
  }
}

function sendSharedStrings(bytes: Uint8Array, fileName: string, port: MessagePort): void {
  const read = readSharedStringsPart(bytes, fileName);
  const result: SharedStringsResult = read.ok ? { ok: true, strings: read.strings.parts() } : read;
  port.postMessage({ type: "strings", result }, result.ok ? transferableStrings(result.strings) : []);
  scope.postMessage({ type: "stringsSent" });
}

/** The strings' buffers, each once; empty ones (a file without shared strings shares them between reads) are copied. */
function transferableStrings(strings: SharedStringsParts): ArrayBuffer[] {
  return [...new Set([strings.data.buffer, strings.bounds.buffer])].filter((b) => b.byteLength > 0) as ArrayBuffer[];
}

async function read(request: ReadRequest, bytes: Uint8Array, arriving: Promise<SharedStringsResult | undefined> | undefined): Promise<void> {
  const { fileName, indexMastersFor, stringsPort } = request;
  // A file read for its masters only: the columns their indexes use.
  const columns = indexMastersFor ? masterColumnFilter(indexMastersFor) : undefined;
  let last = 0;
  const onProgress = (done: number, total: number) => {
    // At most ~50 progress messages per file.
    if (done === total || done - last >= total / 50) {
      last = done;
      scope.postMessage({ type: "progress", done, total });
    }
  };
  let result: WorkbookRead;
  if (stringsPort && arriving) {
    // The worksheets inflate while the helper reads the shared strings; the scan then has them all.
    const inflated = inflateWorksheets(bytes);
    const sent = await arriving;
    stringsPort.close();
    // Without the helper's strings (it failed) they are read here; its problem is the file's, as in readXlsx.
    if (sent !== undefined && !sent.ok) result = sent;
    else {
      const sharedStrings = sent === undefined ? undefined : new SharedStrings(sent.strings);
      result = readXlsx(bytes, fileName, { onProgress, columns, inflated, sharedStrings });
    }
  } else {
    result = readXlsx(bytes, fileName, { onProgress, columns });
  }
  if (!indexMastersFor) {
    scope.postMessage({ type: "done", result });
    return;
  }
  if (!result.ok) {
    scope.postMessage({ type: "masters", result });
    return;
  }
  // The indexes go first and their search keys after them: the pane unpacks the indexes while the keys are made.
  const indexes = mastersFromSheets(result.sheets, indexMastersFor, fileName).map((m) => m.index);
  const masters = indexes.map((index) => packMasterData(index.toData({ searchKeys: false })));
  scope.postMessage({ type: "masters", result: { ok: true, masters } }, masters.flatMap(transferablesOf));
  const keys = indexes.map((index) => index.searchKeyColumn());
  scope.postMessage({ type: "searchKeys", keys }, keys.map((k) => k.ends.buffer as ArrayBuffer));
}
