import type { CheckResult, FormProfile, MasterKind, MasterSet, Problem } from "../../domain";
import type { HostCapabilities, SheetInfo } from "../../excel/gateway-types";
import type { SeverityFilter } from "./findings-view";
import type { RowDetail } from "./row-detail";
import type { ReviewState } from "../review/review-state";

export type Phase = "starting" | "loading" | "no-form" | "ready";

/** Where a loaded master came from: a sheet of the open workbook (watched for changes) or a file kept in memory. */
export type MasterOrigin = { from: "sheet"; sheet: string } | { from: "file"; fileName: string };

export interface MasterLoadReport {
  kind: MasterKind;
  label: string;
  source: string;
  size: number;
  duplicates: number;
}

/** Where a form-tab message belongs; each place shows its current message only. */
export type PanePlace = "form" | "fix" | "masters" | "highlights";

export interface PaneMessage {
  id: number;
  place: PanePlace;
  intent: "error" | "warning" | "success" | "info";
  text: string;
  /** The message of the last fix: it offers 元に戻す. */
  undo?: boolean;
}

/**
 * The confirmation of a one-click fix, shown in the findings list where the user pressed the fix (before the
 * finding `near` names, "C15 phone.normalized"; at the top of the list when that finding is not shown).
 */
export interface FixNote {
  id: number;
  intent: "success" | "warning";
  text: string;
  /** The fix can still be undone (元に戻す). */
  undo: boolean;
  near?: string;
}

export interface BusyState {
  label: string;
  done?: number;
  total?: number;
}

export interface CheckState {
  sheet: string;
  headerRow: number;
  result: CheckResult;
  /** Increases with every check the pane shows (full or incremental): a DOM signal for tests and the benchmark. */
  version: number;
  notices: Problem[];
  /** Rows the last update re-checked (all rows after a full check). */
  changedRows: number[];
  /** How the last check ran. */
  mode: "full" | "incremental";
  /** The sheet's own columns when they are not where the profile says (found by their headings); absent otherwise. */
  profile?: FormProfile;
}

export type PaneView = "findings" | "row" | "masters";

/**
 * The pane's state: slices by feature. A new feature adds its own slice (and its own controller methods);
 * components read slices with useStore and never mutate them.
 */
export interface PaneState {
  profile: FormProfile;
  phase: Phase;
  capabilities?: HostCapabilities;
  sheets: SheetInfo[];
  check?: CheckState;
  masters: MasterSet;
  masterOrigins: Partial<Record<MasterKind, MasterOrigin>>;
  /** The last master load, for "what was loaded" (rows, duplicates). */
  lastMasterLoad?: MasterLoadReport[];
  selectedRow?: number;
  rowDetail?: RowDetail;
  view: PaneView;
  severity: SeverityFilter;
  page: number;
  busy?: BusyState;
  messages: PaneMessage[];
  fixNote?: FixNote;
  /** The row view was opened from the pane (a row link): its heading takes the focus once shown. */
  focusRowDetail?: boolean;
  /** Office work queued or running (a DOM signal for tests and the benchmark: the pane has settled when false). */
  working: boolean;
  /** Changes seen on the watched sheets and not yet read (the watch's debounce and read): the pane has not settled. */
  watchBusy: boolean;
  /** When the last 再チェック finished (ms since the epoch), for the note beside the button. */
  recheckedAt?: number;
  /** Whether the pane colours the sheet (off after ハイライトを消す until the user turns it back on). */
  highlights: boolean;
  /** The review tab's slice (作業②③④), present once the review tab has been opened. */
  review?: ReviewState;
}

export function initialPaneState(profile: FormProfile): PaneState {
  return {
    profile,
    phase: "starting",
    sheets: [],
    masters: {},
    masterOrigins: {},
    view: "findings",
    severity: "all",
    page: 0,
    messages: [],
    highlights: true,
    working: false,
    watchBusy: false,
  };
}
