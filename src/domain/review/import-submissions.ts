import type { ProblemParams } from "../problems/entry";
import type { ProblemCode } from "../problems/catalogue";
import { placed, problem, type Problem } from "../problems/problem";
import { cellAddress, columnIndex } from "../columns";
import { detectMasterKind, type MasterSet } from "../masters/master-set";
import type { FormProfile, FieldKey } from "../profile/schema";
import { findForms, hiddenSheetNotices, type FormSheet } from "../form/find-forms";
import { listForms } from "../form/list-form";
import { addMasters, mastersFromSheets } from "../masters/masters-from-sheets";
import type { SheetData } from "../workbook/sheet-data";
import { institutionLabel } from "./institution-label";
import { sameContentAs, type SubmissionContent } from "./same-content";
import { nextSubmissionId, reviewSheetName, type ReviewSubmission } from "./submission";

/** A submitted .xlsx as plain values: every sheet, in workbook order (a .csv: one sheet, read by list-form.ts). */
export interface SubmittedFile {
  fileName: string;
  sheets: readonly SheetData[];
}

/** An import problem placed on the file (and sheet). */
function importNotice(code: ProblemCode, fileName: string, params: ProblemParams = {}, sheet?: string): Problem {
  return problem(code, params, sheet === undefined ? { file: fileName } : { file: fileName, sheet });
}

export interface ImportOptions {
  profile: FormProfile;
  /** Ids already in the review workbook (new ones continue after them). */
  existingIds?: readonly string[];
  /** Sheet names already in the review workbook. */
  takenSheetNames?: readonly string[];
  /** File names already imported (a second file of the same name is imported too, with a warning). */
  importedFileNames?: readonly string[];
  /** Masters of the review workbook: names for the institution label; the file's own master sheets fill in. */
  masters?: MasterSet;
  /** ISO time recorded as importedAt. */
  now?: string;
  /**
   * The submissions already in the review, oldest first: a form with the same content as one of them (or as one
   * imported before it from the same files) is not imported again (import.same-content names it), and a file of the
   * same name as one of them is said to be a newer version of it (import.same-file-name).
   */
  existing?: readonly (SubmissionContent & Pick<ReviewSubmission, "id" | "fileName">)[];
}

export interface ImportResult {
  submissions: ReviewSubmission[];
  notices: Problem[];
  /** Masters found in each submission's file (by submission id): the CLI checks a file with its own master sheets too. */
  fileMasters: Map<string, MasterSet>;
}

/** Fields whose leading zeros a number loses (codes and phone numbers). */
const ZERO_SENSITIVE: readonly FieldKey[] = ["phone", "orgType", "cityCode", "healthCenterCode", "institutionCode", "tfaPhone"];
const LISTED_CELLS = 8;

/** The notice for a file that could not be opened as .xlsx (the reader's reason in brackets). */
export function unreadableFileNotice(fileName: string, reason: string): Problem {
  return importNotice("import.unreadable", fileName, { reason });
}

/**
 * 作業②の受付: finds the form sheets of each submitted file (or, without one, its lists: list-form.ts) and makes each
 * one a submission, keeping every cell as the file had it. A form with the same content as a submission already in
 * the review is not imported again. Files without a form sheet, empty forms, renamed or several form sheets, sheets that
 * are neither form nor master, and codes typed as numbers are reported (nothing is dropped without a notice).
 */
export function importSubmissions(files: readonly SubmittedFile[], options: ImportOptions): ImportResult {
  const { profile } = options;
  const ids = [...(options.existingIds ?? [])];
  const taken = [...(options.takenSheetNames ?? [])];
  const seenFiles = new Set([...(options.importedFileNames ?? []), ...(options.existing ?? []).map((e) => e.fileName)]);
  const submissions: ReviewSubmission[] = [];
  const notices: Problem[] = [];
  const fileMasters = new Map<string, MasterSet>();
  const earlier: (SubmissionContent & Pick<ReviewSubmission, "id" | "fileName">)[] = [...(options.existing ?? [])];

  for (const file of files) {
    const { fileName } = file;
    const found = findForms(file.sheets, profile, { mapColumns: true });
    // Other channels: an online application service's list (a .csv, or an .xlsx without a 別紙2 sheet).
    const lists = found.forms.length === 0 ? listForms(fileName, file.sheets, profile) : [];
    const forms: FormSheet[] = lists.length > 0 ? lists : found.forms;
    const hidden = lists.length > 0 ? [] : found.hidden;
    // Hidden form sheets are not imported (Excel does not show them); the reviewer is told.
    for (const n of hiddenSheetNotices(hidden)) notices.push(placed(n, { file: fileName }));
    const hiddenForms = new Set(hidden.map((h) => h.sheet));
    const own = mastersFromSheets(file.sheets, profile, fileName);
    const ownSet = addMasters({}, own);
    const masterHeaderRow = profile.masters.healthCenter.headerRow;
    const masterSheets = new Set(file.sheets.filter((s) => detectMasterKind(s.name, s.values[masterHeaderRow - 1], profile)).map((s) => s.name));
    const formSheets = new Set(forms.map((f) => f.sheet));
    const sheetOf = new Map(file.sheets.map((s) => [s.name, s]));

    if (forms.length === 0) {
      notices.push(
        importNotice("import.no-form-sheet", fileName, {
          rows: profile.sheet.headerSearchRows,
          column: profile.sheet.headerMarker.column,
          label: profile.sheet.headerMarker.label,
          sheets: file.sheets.map((s) => `「${s.name}」`).join("") || "なし",
        }),
      );
      continue;
    }
    let sameName = seenFiles.has(fileName);
    seenFiles.add(fileName);
    if (forms.length > 1) {
      notices.push(importNotice("import.several-form-sheets", fileName, { count: forms.length, sheets: forms.map((f) => `「${f.sheet}」`).join("") }));
    }
    for (const s of file.sheets) {
      if (formSheets.has(s.name) || masterSheets.has(s.name) || hiddenForms.has(s.name)) continue;
      notices.push(importNotice("import.extra-sheet", fileName, {}, s.name));
    }

    // Several form sheets of one file are compared with what came before the file, not with each other (the
    // import.several-form-sheets warning asks the reviewer to look).
    const fromThisFile: ReviewSubmission[] = [];
    for (const form of forms) {
      if (form.rows.length === 0) {
        notices.push(importNotice("import.empty-form", fileName, { firstDataRow: form.firstDataRow }, form.sheet));
        continue;
      }
      const formProfile = form.profile ?? profile;
      const same = sameContentAs({ rows: form.rows, profile: formProfile }, earlier, profile);
      if (same !== undefined) {
        notices.push(importNotice("import.same-content", fileName, { id: same }, form.sheet));
        continue;
      }
      if (sameName) {
        const before = [...earlier].reverse().find((e) => e.fileName === fileName);
        notices.push(importNotice("import.same-file-name", fileName, { id: before ? `（${before.id}）` : "" }));
        sameName = false;
      }
      if (lists.length === 0 && form.sheet !== profile.sheet.preferredName) {
        notices.push(importNotice("import.renamed-form-sheet", fileName, {}, form.sheet));
      }
      for (const n of form.notices) notices.push(placed(n, { file: fileName, sheet: form.sheet }));
      // What the reader found that the row check does not see: merged cells in the data, values far below it.
      for (const f of form.readFindings.slice(0, LISTED_CELLS)) notices.push(placed(f, { file: fileName, sheet: form.sheet }));
      if (form.readFindings.length > LISTED_CELLS) notices.push(importNotice("import.read-findings-more", fileName, { count: form.readFindings.length - LISTED_CELLS }, form.sheet));
      const numeric = numericCodeCells(form.rows, formProfile);
      if (numeric.length > 0) {
        const listed = numeric.slice(0, LISTED_CELLS).join("、") + (numeric.length > LISTED_CELLS ? ` ほか${numeric.length - LISTED_CELLS}セル` : "");
        notices.push(importNotice("import.numeric-codes", fileName, { cells: listed }, form.sheet));
      }
      const id = nextSubmissionId(ids);
      ids.push(id);
      const sheetName = reviewSheetName(id, fileName, taken);
      taken.push(sheetName);
      const masters = { ...ownSet, ...(options.masters ?? {}) };
      const submission: ReviewSubmission = {
        id,
        fileName,
        sourceSheet: form.sheet,
        sheetName,
        institution: institutionLabel(form.rows, formProfile, masters),
        headerRow: form.headerRow,
        headerCells: form.headerCells,
        rows: form.rows,
      };
      if (options.now) submission.importedAt = options.now;
      if (form.headerRow > 1) submission.itemNumberCells = sheetOf.get(form.sheet)?.values[form.headerRow - 2] ?? [];
      if (form.mapping && !form.mapping.unchanged) {
        const values = sheetOf.get(form.sheet)?.values ?? [];
        submission.profile = form.profile;
        submission.mapping = form.mapping;
        submission.columns = { width: values.reduce((w, r) => Math.max(w, r.length), 0), choices: {}, confirmed: false };
        if (form.mapping.layout === "list") submission.columns.layout = "list";
      }
      submissions.push(submission);
      fromThisFile.push(submission);
      fileMasters.set(id, ownSet);
    }
    earlier.push(...fromThisFile);
  }
  return { submissions, notices, fileMasters };
}

/** Addresses of code/phone cells that hold a number, in row order. */
function numericCodeCells(rows: ReviewSubmission["rows"], profile: FormProfile): string[] {
  const columns = ZERO_SENSITIVE.map((k) => profile.fields[k].column);
  const out: string[] = [];
  for (const r of rows) {
    for (const col of columns) if (typeof r.cells[columnIndex(col)] === "number") out.push(cellAddress(col, r.row));
  }
  return out;
}

/** A notice that says a file (or a form sheet of it) was not imported, as against what was found in what was. */
export function isImportRefusal(p: Problem): boolean {
  return p.code.startsWith("import.") && p.severity === "error";
}
