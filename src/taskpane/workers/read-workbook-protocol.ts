import type { WorkbookRead } from "../../domain/workbook/xlsx-reader";

/** What the pane sends to the workbook worker: the file's bytes (transferred, not copied) and its name for messages. */
export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
}

export type WorkerReply = { type: "progress"; done: number; total: number } | { type: "done"; result: WorkbookRead };
