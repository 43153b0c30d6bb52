// What the stand-in host reports: the events Excel fires after a change, and the record of each sync.
import type { ValueType } from "./values";

export type ChangeSource = "user" | "addin";
export type DataChangeType = "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted";

export type HostEvent =
  | {
      type: "changed";
      sheetId: string;
      address: string;
      changeType: DataChangeType;
      source: ChangeSource;
      details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: ValueType; valueTypeAfter: ValueType };
    }
  | { type: "formatChanged"; sheetId: string; address: string; source: ChangeSource }
  | { type: "selectionChanged"; sheetId: string; address: string; source: ChangeSource }
  | { type: "activated"; sheetId: string; source: ChangeSource }
  | { type: "deactivated"; sheetId: string; source: ChangeSource }
  | { type: "nameChanged"; sheetId: string; nameBefore: string; nameAfter: string; source: ChangeSource }
  | { type: "added"; sheetId: string; source: ChangeSource }
  | { type: "deleted"; sheetId: string; source: ChangeSource };

export interface LoggedEvent {
  time: number;
  event: HostEvent;
}

export interface SyncRecord {
  /** performance.now() when the sync finished (when it failed: when it started). */
  time: number;
  /** Operations in the batch (loads, writes, method calls). */
  actions: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
}
