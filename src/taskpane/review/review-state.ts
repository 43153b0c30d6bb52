import { type CellProblem, type RefusedGroup, type FieldKey, type ClearedValue, type FormDiff, type IssuedColumnMapping, type MailTemplates, type Problem, type RefusedRow, type ReviewDecision, type SubmissionSummary, DEFAULT_MAIL_TEMPLATES } from "../../domain";

export type ReviewIntent = "success" | "info" | "warning" | "error";

/** Where a message is shown; each place holds one current message, replaced by the next one. */
export type ReviewPlace = "host" | "record" | "review" | "export" | "notify";

export interface ReviewMessage {
  id: number;
  place: ReviewPlace;
  intent: ReviewIntent;
  text: string;
  /** An action offered with the message (元に戻す after 審査から外す). */
  action?: { kind: "undo-removal"; label: string };
  /**
   * The control the message belongs to (NOTE_AT), shown beside it instead of at the top of the step; one current
   * message per place and control.
   */
  at?: string;
}

/** The controls of step ① whose messages are shown beside them. */
export const NOTE_AT = {
  decision: (id: string) => `decision:${id}`,
  copySendBack: (id: string) => `copy-sendback:${id}`,
  markUp: (id: string) => `markup:${id}`,
  findings: (id: string) => `findings:${id}`,
  report: "report",
  removal: "removal",
  template: "template",
  sender: "sendback-sender",
} as const;


/** One item's column in a submission whose columns are not where the profile says. */
export interface ColumnItemView {
  key: FieldKey;
  label: string;
  required: boolean;
  /** The sheet's column letter; undefined = none. */
  column?: string;
  /** The heading found in that column. */
  heading?: string;
  /** How it was found, in words (見出しで、位置どおり、項目番号で、審査者が指定). */
  how?: string;
}

/** 列の対応: where a submission's items are, what the reviewer corrected, whether it is confirmed. */
export interface ColumnsView {
  /** One line for the folded section. */
  summary: string;
  confirmed: boolean;
  items: ColumnItemView[];
  /** Columns that are no item: never checked, never exported. */
  extras: { column: string; heading: string }[];
  /** Labels of items with no column. */
  missing: string[];
  /** The sheet's columns a select offers: letter and heading. */
  options: { column: string; label: string }[];
  /** What the last correction or confirmation did, said beside the section. */
  message?: { intent: ReviewIntent; text: string };
}

/** One submission as the pane lists it. Never holds a password. */
export interface SubmissionView {
  id: string;
  fileName: string;
  sourceSheet: string;
  sheetName: string;
  institution: string;
  decision: ReviewDecision;
  summary: SubmissionSummary;
  /** How its sheet came into the workbook in this session (undefined after reopening). */
  how?: "inserted" | "copied";
  /** Rows with findings, for the detail list. */
  rows: { row: number; name: string; findings: CellProblem[] }[];
  /** When it is a newer version of a submission already in the review: the comparison with that one. */
  comparison?: {
    previousId: string;
    /** 「前回（S001）」 for a version imported in an earlier session, else 「S001（先ほど取り込み）」. */
    previousLabel: string;
    summary: FormDiff["summary"];
    text: string;
  };
  /** The submitted file is in memory (imported in this session), so a marked-up copy can be made. */
  canMarkUp?: boolean;
  /** When its columns are not where the profile says: the mapping to confirm or correct. */
  columns?: ColumnsView;
}

export type Delivery = "downloaded" | "sheet" | "clipboard";

export interface ExportOutcome {
  fileName: string;
  encodingLabel: string;
  written: number;
  refused: RefusedRow[];
  /** The refused rows grouped for the reader (groupRefusedRows): errors in approved submissions first. */
  refusedGroups: RefusedGroup[];
  /** Grey-column values of written rows that were left out of the file. */
  cleared?: ClearedValue[];
  /** Columns written without a master check (the reviewer turned on 「マスタなしで出力する」). */
  uncheckedColumns?: string[];
  deliveries: Delivery[];
  sheetName?: string;
}

export interface IssuedView {
  fileName: string;
  status: "ok" | "needs-mapping" | "unreadable";
  encodingLabel?: string;
  header: string[];
  mapping: Partial<IssuedColumnMapping>;
  hasHeader: boolean;
  problems: Problem[];
  accounts: number;
}

export interface MatchView {
  matched: { userId: string; where: string; how: string; differences: string[] }[];
  ambiguous: { userId: string; line: number; name: string; candidates: { key: string; where: string }[] }[];
  unmatchedAccounts: { userId: string; line: number; name: string; email: string }[];
  /** Approved rows no account was matched to (all offered for pairing); `exported`: the CSV writes the row. */
  unmatchedRecords: { key: string; where: string; exported: boolean }[];
}

export interface DraftView {
  userId: string;
  part: "single" | "id" | "password";
  fileName: string;
  to: string;
  subject: string;
  /** A mailto: link fits for every mail of this user (the link itself is built on click: it holds the password). */
  mailtoFits: boolean;
}

/** One mail of a draft as the preview shows it: the password is masked (PASSWORD_MASK), never in the store. */
export interface DraftPreview {
  part: "single" | "id" | "password";
  fileName: string;
  to: string;
  subject: string;
  body: string;
}

export interface ReviewState {
  phase: "starting" | "ready";
  busy?: string;
  messages: ReviewMessage[];
  canInsertSheets: boolean;
  canStoreRecord: boolean;
  submissions: SubmissionView[];
  /** What the last imports said about their files (unreadable, not a form, hidden sheets), per file. */
  notices: Problem[];
  /** allowNoMasters: export even when a master the rows need is not loaded (codes unchecked); off by default, not saved. */
  settings: { issueDeferred: boolean; header: boolean; encoding: "cp932" | "utf8bom"; allowNoMasters?: boolean };
  lastExport?: ExportOutcome;
  downloads: "allowed" | "blocked";
  issued?: IssuedView;
  match?: MatchView;
  /** Passwords are held (in the controller's memory only) while this is true. */
  holdsPasswords: boolean;
  /** The sender block that ends every 差戻し letter (sender-memory.ts); "" = none yet. */
  sendBackSender?: string;
  mail: {
    url: string;
    urlRemembered: boolean;
    split: boolean;
    templates: MailTemplates;
    drafts: DraftView[];
    /** The first account's mail(s) with the password masked, shown before the drafts are saved. */
    preview: DraftPreview[];
    /** The URL's problem, found as it is entered (it is not remembered while it has one). */
    urlProblem?: Problem;
    /** The templates' and the drafts' problems. */
    problems: Problem[];
    zipName?: string;
  };
}

export function initialReviewState(): ReviewState {
  return {
    phase: "starting",
    messages: [],
    canInsertSheets: false,
    canStoreRecord: false,
    submissions: [],
    notices: [],
    settings: { issueDeferred: false, header: true, encoding: "cp932" },
    downloads: "allowed",
    holdsPasswords: false,
    // ID・URL and the password in separate mails unless the reviewer chooses one mail (security).
    mail: { url: "", urlRemembered: false, split: true, templates: DEFAULT_MAIL_TEMPLATES, drafts: [], preview: [], problems: [] },
  };
}
