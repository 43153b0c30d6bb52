/** Imports submitted files and checks them together, as the pane does: each file with its own master sheets. */
import { DEFAULT_PROFILE, importSubmissions, reviewCheck, type CheckedSubmission, type ImportResult, type SubmittedFile } from "../../../src/domain";

export function importAndCheck(files: readonly SubmittedFile[]): { imported: ImportResult; checked: CheckedSubmission[] } {
  const imported = importSubmissions(files, { profile: DEFAULT_PROFILE });
  const checked = reviewCheck(imported.submissions, DEFAULT_PROFILE, (s) => imported.fileMasters.get(s.id) ?? {});
  return { imported, checked };
}
