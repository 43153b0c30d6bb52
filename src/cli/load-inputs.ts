import { readFile } from "node:fs/promises";
import { addMasters, checkFormSheet, type CheckView, decodeText, findForms, type FormChecker, type FormProfile, type FormSheet, hiddenSheetNotices, type LoadedMaster, masterColumnFilter, masterFromCsv, type MasterSet, mastersFromSheets, messageOf } from "../domain";
import { fileErrorText } from "./file-error-text";
import type { Progress } from "./progress";
import { readWorkbook, UnreadableFileError } from "./read-workbook";

export interface CheckedSheet {
  path: string;
  form: FormSheet;
  checker: FormChecker;
  masters: MasterSet;
}

/** Masters from --masters files: .xlsx (master sheets found by name or header) or .csv (kind from file name or header). */
export async function loadMasterFiles(paths: readonly string[], profile: FormProfile, progress: Progress): Promise<MasterSet> {
  let set: MasterSet = {};
  for (const path of paths) {
    progress.step(`マスタを読み込んでいます: ${path}`);
    let loaded: LoadedMaster[];
    if (/\.(csv|txt|tsv)$/i.test(path)) {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (e) {
        throw new UnreadableFileError(`ファイル「${path}」を開けません: ${fileErrorText(e)}`);
      }
      const m = masterFromCsv(decodeText(bytes).text, path, profile);
      loaded = m ? [m] : [];
    } else {
      loaded = mastersFromSheets(await readWorkbook(path, masterColumnFilter(profile)), profile, path);
    }
    if (loaded.length === 0) {
      throw new UnreadableFileError(
        `ファイル「${path}」にマスタが見つかりません（シート名「保健所マスタ」「医療機関マスタ（全数）」「医療機関マスタ（定点）」「動物診療施設マスタ」または見出し行で判別します）。`,
      );
    }
    set = addMasters(set, loaded);
  }
  progress.done();
  return set;
}

/** Reads a form workbook, finds its form sheets and checks each with the workbook's own master sheets plus the given masters (which win). */
export async function checkFormFile(path: string, profile: FormProfile, explicit: MasterSet, progress: Progress, view: CheckView = "reviewer"): Promise<CheckedSheet[]> {
  progress.step(`申請様式を読み込んでいます: ${path}`);
  const sheets = await readWorkbook(path);
  const { forms, hidden } = findForms(sheets, profile);
  if (forms.length === 0) {
    const notes = hiddenSheetNotices(hidden).map((n) => messageOf(n));
    throw new UnreadableFileError(
      [
        `ファイル「${path}」に申請様式のシートがありません（${profile.sheet.headerSearchRows}行目までの${profile.sheet.headerMarker.column}列に「${profile.sheet.headerMarker.label}」の見出しがあるシートを探します）。`,
        ...notes,
      ].join("\n"),
    );
  }
  forms[0].notices.unshift(...hiddenSheetNotices(hidden));
  const own = mastersFromSheets(sheets, profile, path);
  const masters = { ...addMasters({}, own), ...explicit };
  progress.step(`チェックしています: ${path}`);
  const out = forms.map((form) => ({ path, form, checker: checkFormSheet(form, profile, masters, view), masters }));
  progress.done();
  return out;
}
