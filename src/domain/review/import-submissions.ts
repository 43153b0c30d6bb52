import { cellAddress, columnIndex } from "../columns";
import { detectMasterKind, type MasterSet } from "../masters/master-set";
import type { FormProfile, FieldKey } from "../profile/schema";
import { findForms, hiddenSheetNotices } from "../form/find-forms";
import { addMasters, mastersFromSheets } from "../masters/masters-from-sheets";
import type { SheetData } from "../workbook/sheet-data";
import { institutionLabel } from "./institution-label";
import { nextSubmissionId, reviewSheetName, type ReviewSubmission } from "./submission";

/** A submitted .xlsx as plain values: every sheet, in workbook order. */
export interface SubmittedFile {
  fileName: string;
  sheets: readonly SheetData[];
}

type IP = Record<string, string | number | undefined>;

/** The catalogue of import notices: stable code → severity and Japanese text, like the row findings'. */
export const IMPORT_MESSAGES = {
  "import.unreadable": { severity: "error", text: (p: IP) => `「${p.file}」はExcelブック（.xlsx）として読めないため取り込みませんでした（${p.reason}）。` },
  "import.no-form-sheet": {
    severity: "error",
    text: (p: IP) =>
      `「${p.file}」に申請様式のシートがないため取り込みませんでした（${p.rows}行目までの${p.column}列に「${p.label}」の見出しがあるシートを探します）。シート：${p.sheets}`,
  },
  "import.empty-form": { severity: "error", text: (p: IP) => `「${p.file}」のシート「${p.sheet}」には申請の行がないため取り込みませんでした（${p.firstDataRow}行目以降が空です）。` },
  "import.renamed-form-sheet": { severity: "info", text: (p: IP) => `「${p.file}」の申請様式はシート名が「${p.sheet}」に変更されています（見出し行から申請様式と判断して取り込みました）。` },
  "import.several-form-sheets": {
    severity: "warning",
    text: (p: IP) => `「${p.file}」には申請様式のシートが${p.count}枚あります（${p.sheets}）。それぞれ別の申請として取り込みました。重複していないか確認してください。`,
  },
  "import.extra-sheet": { severity: "info", text: (p: IP) => `「${p.file}」のシート「${p.sheet}」は申請様式でもマスタでもないため取り込みませんでした。` },
  "import.numeric-codes": {
    severity: "warning",
    text: (p: IP) =>
      `「${p.file}」のシート「${p.sheet}」で、コードや電話番号が数値として入力されています（${p.cells}）。先頭の0が失われている可能性があります。値はファイルのまま取り込み、チェック結果で確認できます。`,
  },
  "import.same-file-name": {
    severity: "warning",
    text: (p: IP) => `「${p.file}」と同じ名前のファイルは取り込み済みです。再提出の場合は、古い方の判定を「差戻し」にするか削除してください。`,
  },
  "import.hidden-sheet": { severity: "warning", text: (p: IP) => `「${p.file}」：${p.detail}` },
  "import.sheet-notice": { severity: "info", text: (p: IP) => `「${p.file}」：${p.detail}` },
  "import.read-findings": { severity: "warning", text: (p: IP) => `「${p.file}」のシート「${p.sheet}」：${p.detail}` },
} as const satisfies Record<string, { severity: "error" | "warning" | "info"; text: (p: IP) => string }>;

export type ImportNoticeCode = keyof typeof IMPORT_MESSAGES;

/** An import notice from the catalogue. */
function importNotice(code: ImportNoticeCode, fileName: string, params: IP = {}, sheet?: string): ImportNotice {
  const entry = IMPORT_MESSAGES[code];
  const n: ImportNotice = { fileName, code, severity: entry.severity, message: entry.text({ file: fileName, sheet, ...params }) };
  if (sheet !== undefined) n.sheet = sheet;
  return n;
}

export interface ImportNotice {
  fileName: string;
  sheet?: string;
  code: ImportNoticeCode;
  /** error: nothing of the file (or sheet) was imported; warning: imported, but look; info: for the record. */
  severity: "error" | "warning" | "info";
  message: string;
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
}

export interface ImportResult {
  submissions: ReviewSubmission[];
  notices: ImportNotice[];
  /** Masters found in each submission's file (by submission id): the CLI checks a file with its own master sheets too. */
  fileMasters: Map<string, MasterSet>;
}

/** Fields whose leading zeros a number loses (codes and phone numbers). */
const ZERO_SENSITIVE: readonly FieldKey[] = ["phone", "orgType", "cityCode", "healthCenterCode", "institutionCode", "tfaPhone"];
const LISTED_CELLS = 8;

/** The notice for a file that could not be opened as .xlsx (the reader's reason in brackets). */
export function unreadableFileNotice(fileName: string, reason: string): ImportNotice {
  return importNotice("import.unreadable", fileName, { reason });
}

/**
 * 作業②の受付: finds the form sheets of each submitted file and makes each one a submission, keeping every
 * cell as the file had it. Files without a form sheet, empty forms, renamed or several form sheets, sheets that
 * are neither form nor master, and codes typed as numbers are reported (nothing is dropped without a notice).
 */
export function importSubmissions(files: readonly SubmittedFile[], options: ImportOptions): ImportResult {
  const { profile } = options;
  const ids = [...(options.existingIds ?? [])];
  const taken = [...(options.takenSheetNames ?? [])];
  const seenFiles = new Set(options.importedFileNames ?? []);
  const submissions: ReviewSubmission[] = [];
  const notices: ImportNotice[] = [];
  const fileMasters = new Map<string, MasterSet>();

  for (const file of files) {
    const { fileName } = file;
    const { forms, hidden } = findForms(file.sheets, profile);
    // Hidden form sheets are not imported (Excel does not show them); the reviewer is told.
    for (const n of hiddenSheetNotices(hidden)) notices.push(importNotice("import.hidden-sheet", fileName, { detail: n.message }));
    const hiddenForms = new Set(hidden.map((h) => h.sheet));
    const own = mastersFromSheets(file.sheets, profile, fileName);
    const ownSet = addMasters({}, own);
    const masterHeaderRow = profile.masters.healthCenter.headerRow;
    const masterSheets = new Set(file.sheets.filter((s) => detectMasterKind(s.name, s.values[masterHeaderRow - 1], profile)).map((s) => s.name));
    const formSheets = new Set(forms.map((f) => f.sheet));

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
    if (seenFiles.has(fileName)) {
      notices.push(importNotice("import.same-file-name", fileName));
    }
    seenFiles.add(fileName);
    if (forms.length > 1) {
      notices.push(importNotice("import.several-form-sheets", fileName, { count: forms.length, sheets: forms.map((f) => `「${f.sheet}」`).join("") }));
    }
    for (const s of file.sheets) {
      if (formSheets.has(s.name) || masterSheets.has(s.name) || hiddenForms.has(s.name)) continue;
      notices.push(importNotice("import.extra-sheet", fileName, {}, s.name));
    }

    for (const form of forms) {
      if (form.rows.length === 0) {
        notices.push(importNotice("import.empty-form", fileName, { firstDataRow: form.firstDataRow }, form.sheet));
        continue;
      }
      if (form.sheet !== profile.sheet.preferredName) {
        notices.push(importNotice("import.renamed-form-sheet", fileName, {}, form.sheet));
      }
      for (const n of form.notices) notices.push(importNotice("import.sheet-notice", fileName, { detail: n.message }, form.sheet));
      // What the reader found that the row check does not see: merged cells in the data, values far below it.
      if (form.readFindings.length > 0) {
        const listed = form.readFindings.slice(0, LISTED_CELLS).map((f) => `${f.column}${f.row}：${f.message}`);
        notices.push(
          importNotice(
            "import.read-findings",
            fileName,
            { detail: `${listed.join(" ")}${form.readFindings.length > LISTED_CELLS ? ` ほか${form.readFindings.length - LISTED_CELLS}件` : ""}` },
            form.sheet,
          ),
        );
      }
      const numeric = numericCodeCells(form.rows, profile);
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
        institution: institutionLabel(form.rows, profile, masters),
        headerRow: form.headerRow,
        headerCells: form.headerCells,
        rows: form.rows,
      };
      if (options.now) submission.importedAt = options.now;
      submissions.push(submission);
      fileMasters.set(id, ownSet);
    }
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
