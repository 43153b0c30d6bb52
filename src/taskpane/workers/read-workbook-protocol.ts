import type { FormProfile } from "../../domain/profile/schema";
import type { WorkbookProblem, WorkbookRead } from "../../domain/workbook/xlsx-reader";
import type { PackedMasterData } from "./packed-masters";

/**
 * What the pane sends to the workbook worker: the file's bytes (transferred, not copied) and its name for messages.
 * With `indexMastersFor`, the worker also finds the master sheets and indexes them (search keys included), and sends
 * back only the indexes: the pane's main thread then neither receives 180,000 rows of values nor indexes them.
 */
export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
  indexMastersFor?: FormProfile;
}

export type WorkerReply =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: WorkbookRead }
  | { type: "masters"; result: { ok: true; masters: PackedMasterData[] } | { ok: false; problem: WorkbookProblem } };
