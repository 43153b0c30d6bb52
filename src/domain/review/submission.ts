import type { Cell } from "../cell";
import type { FormRow } from "../check/row-state";
import type { ColumnMapping } from "../form/column-mapping";
import type { FormProfile } from "../profile/schema";
import type { SubmissionColumns } from "./submission-columns";

/** Which institution a submission is for, as shown to the reviewer. */
export interface InstitutionLabel {
  /** The most common AJ code of its rows, when any row has one. */
  code?: string;
  /** The master's name for that code (or for the 保健所 when no row has AJ). */
  name?: string;
  /** What the label was taken from. */
  basis: "AJ" | "K" | "none";
  /** One line for lists: 「滋賀中央病院（2513100103）」. */
  text: string;
}

/**
 * One submitted form: a form sheet of a file an institution sent, as brought into the review workbook.
 * `rows` keep the cells exactly as the file had them (text stays text, numbers stay numbers).
 */
export interface ReviewSubmission {
  /** Stable id in this review workbook: S001, S002, … */
  id: string;
  fileName: string;
  /** The form sheet's name in the submitted file. */
  sourceSheet: string;
  /** The sheet of the review workbook that holds its rows. */
  sheetName: string;
  institution: InstitutionLabel;
  headerRow: number;
  headerCells: readonly Cell[];
  rows: FormRow[];
  /** ISO time of the import. */
  importedAt?: string;
  /** The 項目N row above the header (when there is one): the column mapping reads it. */
  itemNumberCells?: readonly Cell[];
  /**
   * When the sheet's columns are not where the profile says: the profile with its own columns (check, export,
   * highlight and select its cells with it), where each item was found, and the reviewer's corrections.
   */
  profile?: FormProfile;
  mapping?: ColumnMapping;
  columns?: SubmissionColumns;
}

/** How findings across submissions name this one (the CLI names files the same way: file:sheet). */
export function submissionSource(s: Pick<ReviewSubmission, "fileName" | "sourceSheet">): string {
  return `${s.fileName}:${s.sourceSheet}`;
}

const ID = /^S(\d{3,})$/;

/** The next free id after the given ones (S001 first). */
export function nextSubmissionId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = ID.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `S${String(max + 1).padStart(3, "0")}`;
}

const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * The review workbook's sheet for a submission: 「S001_病院A申請」 from the id and the file name, within Excel's
 * rules (31 characters, none of \ / ? * [ ] :, no apostrophe at either end), unique among `taken` (case-insensitive).
 */
export function reviewSheetName(id: string, fileName: string, taken: readonly string[]): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "");
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = `${id}_${base}`.slice(0, SHEET_NAME_MAX).replace(/'+$/, "");
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = `${id}_${base}`.slice(0, SHEET_NAME_MAX - suffix.length).replace(/'+$/, "") + suffix;
  }
  return name;
}
