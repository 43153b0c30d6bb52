import type { Problem } from "../../domain";
import type { FormProfile } from "../../domain/profile/schema";
import type { SharedStringsParts, WorkbookRead } from "../../domain/workbook/xlsx-reader";
import type { PackedColumn, PackedMasterData } from "./packed-masters";

/**
 * From this size on (bytes of the file), a second worker reads the shared strings while the first inflates the
 * sheets: below it, starting that worker costs more than it saves.
 */
export const STRINGS_APART_FROM = 1 << 20;

/**
 * What the pane sends to the workbook worker: the file's bytes (transferred, not copied) and its name for messages.
 * With `indexMastersFor`, the worker also finds the master sheets and indexes them (search keys included), and sends
 * back only the indexes: the pane's main thread then neither receives 180,000 rows of values nor indexes them.
 * With `stringsPort`, a second worker reads the shared strings meanwhile and sends them through that port; the pane
 * sends `{ type: "strings", result: undefined }` instead when that worker failed (the reader then reads them itself).
 */
export interface ReadRequest {
  type: "read";
  /** The file's bytes, or the chosen file itself (the worker reads it). */
  bytes: ArrayBuffer | Blob;
  fileName: string;
  indexMastersFor?: FormProfile;
  stringsPort?: MessagePort;
}

/** To the second worker: read the shared strings of the file and post them to `port`, then say so to the pane. */
export interface SharedStringsRequest {
  type: "sharedStrings";
  bytes: ArrayBuffer | Blob;
  fileName: string;
  port: MessagePort;
}

/**
 * The shared strings as the second worker found them: the inflated part and where each item is (SharedStrings.parts),
 * both transferred. The reader decodes only the strings of the cells it keeps.
 */
export type SharedStringsResult = { ok: true; strings: SharedStringsParts } | { ok: false; problem: Problem };

/** The shared strings for a reading worker: from the second worker's port, or from the pane (undefined: read them yourself). */
export interface StringsMessage {
  type: "strings";
  result: SharedStringsResult | undefined;
}

export type WorkerRequest = ReadRequest | SharedStringsRequest | StringsMessage;

export type WorkerReply =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: WorkbookRead }
  | { type: "masters"; result: { ok: true; masters: PackedMasterData[] } | { ok: false; problem: Problem } }
  /** After "masters" (which then have none): each master's search keys, in the same order. */
  | { type: "searchKeys"; keys: PackedColumn[] }
  | { type: "stringsSent" };
