import { readFile } from "node:fs/promises";
import { addMasters, checkFormSheet, listFormSheet, listForms, sheetFromCsv, type CheckView, decodeText, findForms, type FormChecker, type FormProfile, type FormSheet, hiddenSheetNotices, type LoadedMaster, masterColumnFilter, masterFromCsv, type MasterSet, mastersFromSheets, messageOf } from "../domain";
import { fileErrorText } from "./file-error-text";
import type { Progress } from "./progress";
import { readWorkbook, UnreadableFileError } from "./read-workbook";

export interface CheckedSheet {
  path: string;
  form: FormSheet;
  checker: FormChecker;
  masters: MasterSet;
  /** The profile with this sheet's own columns (the given one when every item is where it says). */
  profile: FormProfile;
}

/** Masters from --masters files: .xlsx (master sheets found by name or header) or .csv (kind from file name or header). */
export async function loadMasterFiles(paths: readonly string[], profile: FormProfile, progress: Progress): Promise<MasterSet> {
  let set: MasterSet = {};
  for (const path of paths) {
    progress.step(`マスタを読み込んでいます：${path}`);
    let loaded: LoadedMaster[];
    if (/\.(csv|txt|tsv)$/i.test(path)) {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (e) {
        throw new UnreadableFileError(`ファイル「${path}」を開けません：${fileErrorText(e)}`);
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

/** Reads the bytes of a file, or says which file could not be opened. */
async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new UnreadableFileError(`ファイル「${path}」を開けません：${fileErrorText(e)}`);
  }
}

/**
 * Reads a form workbook, finds its form sheets and checks each with the workbook's own master sheets plus the given
 * masters (which win). Other channels are read the same way: a .csv from an online application service, or an .xlsx
 * without a 別紙2 sheet whose first row's headings map every required item (each sheet is then a list, header = row 1).
 */
export async function checkFormFile(path: string, profile: FormProfile, explicit: MasterSet, progress: Progress, view: CheckView = "reviewer"): Promise<CheckedSheet[]> {
  progress.step(`申請様式を読み込んでいます：${path}`);
  if (/\.(csv|txt)$/i.test(path)) {
    const name = path.replace(/^.*[\\/]/, "");
    const form = listFormSheet(sheetFromCsv(decodeText(await readBytes(path)).text, name), profile);
    if (!form) {
      throw new UnreadableFileError(`ファイル「${path}」の1行目に申請様式の項目の見出し（${profile.fields.name.label}・${profile.fields.email.label} など）がありません。`);
    }
    progress.step(`チェックしています：${path}`);
    const out = [{ path, form, checker: checkFormSheet(form, profile, explicit, view), masters: explicit, profile: form.profile ?? profile }];
    progress.done();
    return out;
  }
  const sheets = await readWorkbook(path);
  let { forms, hidden } = findForms(sheets, profile, { mapColumns: true });
  if (forms.length === 0) {
    // The same lists as the pane's review import takes from a workbook (list-form.ts).
    forms = listForms(path, sheets, profile);
    hidden = forms.length > 0 ? [] : hidden;
  }
  if (forms.length === 0) {
    const notes = hiddenSheetNotices(hidden).map((n) => messageOf(n));
    throw new UnreadableFileError(
      [
        `ファイル「${path}」に申請様式のシートがありません（${profile.sheet.headerSearchRows}行目までの${profile.sheet.headerMarker.column}列に「${profile.sheet.headerMarker.label}」の見出しがあるシート、または1行目の見出しが申請様式の必須の項目をすべて含む一覧を探します）。`,
        ...notes,
      ].join("\n"),
    );
  }
  forms[0].notices.unshift(...hiddenSheetNotices(hidden));
  const own = mastersFromSheets(sheets, profile, path);
  const masters = { ...addMasters({}, own), ...explicit };
  progress.step(`チェックしています：${path}`);
  const out = forms.map((form) => ({ path, form, checker: checkFormSheet(form, profile, masters, view), masters, profile: form.profile ?? profile }));
  progress.done();
  return out;
}
