import type { Problem } from "../../domain";
import type { FormProfile } from "../../domain/profile/schema";
import type { WorkbookRead } from "../../domain/workbook/xlsx-reader";
import type { PackedColumn, PackedMasterData } from "./packed-masters";
import { STRINGS_APART_FROM, type ReadRequest, type SharedStringsRequest, type WorkerReply } from "./read-workbook-protocol";

/**
 * The masters of a file, indexed in the worker. Their search keys come after them (`searchKeys`, in the same order;
 * undefined when the worker failed in between: an index then makes them on its first search).
 */
export type MastersRead = { ok: true; masters: PackedMasterData[]; searchKeys: Promise<PackedColumn[] | undefined> } | { ok: false; problem: Problem };

/**
 * Reads an .xlsx in a Web Worker (webpack 5 bundles the worker from `new URL(…, import.meta.url)` as its own chunk),
 * so a 180,000-row master does not freeze the pane. Resolves undefined when no worker can be started (old host,
 * CSP, chunk not found): the caller then reads on the main thread.
 */
export function readXlsxInWorker(bytes: Uint8Array, fileName: string, onProgress: (done: number, total: number) => void): Promise<WorkbookRead | undefined> {
  return run(bytes, { fileName }, onProgress, (reply) => (reply.type === "done" ? reply.result : undefined));
}

/** The master sheets of an .xlsx (its bytes, or the chosen file), found and indexed in the worker; only the indexes come back, packed, and then their search keys. */
export function readMastersInWorker(bytes: Uint8Array | Blob, fileName: string, profile: FormProfile, onProgress: (done: number, total: number) => void): Promise<MastersRead | undefined> {
  let keysArrived: (keys: PackedColumn[] | undefined) => void = () => undefined;
  const searchKeys = new Promise<PackedColumn[] | undefined>((resolve) => (keysArrived = resolve));
  const keys: FollowingReply = {
    expected: (reply) => reply.type === "masters" && reply.result.ok,
    received: (reply) => keysArrived(reply.type === "searchKeys" ? reply.keys : undefined),
    failed: () => keysArrived(undefined),
  };
  return run(bytes, { fileName, indexMastersFor: profile }, onProgress, (reply) => (reply.type === "masters" ? (reply.result.ok ? { ...reply.result, searchKeys } : reply.result) : undefined), keys);
}

/** A reply that comes after the result (the search keys after the masters): the worker is kept until it arrives. */
interface FollowingReply {
  /** Whether this result is followed by another reply. */
  expected(result: WorkerReply): boolean;
  received(reply: WorkerReply): void;
  /** The worker failed before it came. */
  failed(): void;
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL("./read-workbook.worker.ts", import.meta.url));
  } catch {
    return undefined;
  }
}

interface PreparedWorker {
  worker: Worker;
  /** It failed before it was used (its script did not load): a read then starts another. */
  failed: boolean;
}

/** The workers of the next read, started ahead (prepareWorkbookWorkers). */
let prepared: { reader: PreparedWorker; helper: PreparedWorker | undefined } | undefined;

function prepare(worker: Worker | undefined): PreparedWorker | undefined {
  if (!worker) return undefined;
  const p: PreparedWorker = { worker, failed: false };
  worker.onerror = (e) => {
    e.preventDefault();
    p.failed = true;
  };
  return p;
}

/**
 * Starts the workers of the next read now (the pane calls it when the file picker is shown), so that their script
 * has loaded and compiled by the time a file is chosen: a read then starts at once.
 */
export function prepareWorkbookWorkers(): void {
  if (prepared) return;
  const reader = prepare(startWorker());
  if (!reader) return;
  prepared = { reader, helper: twoCores() && typeof MessageChannel === "function" ? prepare(startWorker()) : undefined };
}

/** A prepared worker that is still sound, or a new one. */
function usable(p: PreparedWorker | undefined): Worker | undefined {
  if (p && !p.failed) return p.worker;
  p?.worker.terminate();
  return startWorker();
}

/** The reading worker and, for a big file, the helper: the prepared ones when there are, else new ones. */
function takeWorkers(big: boolean): { worker: Worker | undefined; helper: Worker | undefined } {
  const ready = prepared;
  prepared = undefined;
  const worker = usable(ready?.reader);
  if (!big || !twoCores() || typeof MessageChannel !== "function") {
    ready?.helper?.worker.terminate();
    return { worker, helper: undefined };
  }
  return { worker, helper: usable(ready?.helper) };
}

/** Whether this host can give a second worker a core of its own. */
function twoCores(): boolean {
  return typeof navigator === "undefined" || !(navigator.hardwareConcurrency > 0) || navigator.hardwareConcurrency >= 2;
}

function run<T>(
  bytes: Uint8Array | Blob,
  request: Pick<ReadRequest, "fileName" | "indexMastersFor">,
  onProgress: (done: number, total: number) => void,
  resultOf: (reply: WorkerReply) => T | undefined,
  following?: FollowingReply,
): Promise<T | undefined> {
  const { worker, helper } = takeWorkers((bytes instanceof Uint8Array ? bytes.length : bytes.size) >= STRINGS_APART_FROM);
  if (!worker) {
    helper?.terminate();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const stop = () => {
      worker.terminate();
      helper?.terminate();
    };
    const finish = (value: T | undefined) => {
      stop();
      resolve(value);
    };
    /** Set once the result has come and another reply follows it. */
    let awaiting: FollowingReply | undefined;
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      if (reply.type === "progress") onProgress(reply.done, reply.total);
      else if (reply.type === "stringsSent") return;
      else if (awaiting) {
        awaiting.received(reply);
        awaiting = undefined;
        stop();
      } else if (following?.expected(reply)) {
        awaiting = following;
        resolve(resultOf(reply));
      } else finish(resultOf(reply));
    };
    // The worker could not start (chunk not found, refused) or failed: the file is read on the main thread instead,
    // where a bug of the reader surfaces as an ordinary exception.
    worker.onerror = (e) => {
      e.preventDefault();
      if (!awaiting) return finish(undefined);
      awaiting.failed();
      awaiting = undefined;
      stop();
    };
    // A file goes as it is (each worker reads it); bytes are copied (the caller keeps them, e.g. to insert the sheets).
    const source = () => (bytes instanceof Uint8Array ? bytes.slice().buffer : bytes);
    const copy = source();
    const message: ReadRequest = { type: "read", ...request, bytes: copy };
    const transfer: Transferable[] = copy instanceof ArrayBuffer ? [copy] : [];
    const channel = helper ? new MessageChannel() : undefined;
    if (channel) {
      message.stringsPort = channel.port2;
      transfer.push(channel.port2);
    }
    try {
      worker.postMessage(message, transfer);
    } catch {
      // Something in the request cannot be cloned: read on the main thread.
      return finish(undefined);
    }
    if (helper && channel) {
      // The helper's strings go straight to the reading worker; when the helper fails, that worker reads them itself.
      const giveUp = () => {
        helper.terminate();
        worker.postMessage({ type: "strings", result: undefined });
      };
      helper.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (e.data.type === "stringsSent") helper.terminate();
      };
      helper.onerror = (e) => {
        e.preventDefault();
        giveUp();
      };
      const helperCopy = source();
      const helperMessage: SharedStringsRequest = { type: "sharedStrings", bytes: helperCopy, fileName: request.fileName, port: channel.port1 };
      try {
        helper.postMessage(helperMessage, helperCopy instanceof ArrayBuffer ? [helperCopy, channel.port1] : [channel.port1]);
      } catch {
        giveUp();
      }
    }
  });
}
