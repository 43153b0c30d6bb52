import { DEFAULT_PROFILE, formTabColumnNotice, locateMovedForm, mapFormHeader, messageOf, readXlsx } from "../../../src/domain";
import { insertFurigana, xlsxBytes } from "../review/submitted-files";

const mappingOf = async (...edits: Parameters<typeof xlsxBytes>) => {
  const read = readXlsx(new Uint8Array(await xlsxBytes(...edits)), "a.xlsx");
  if (!read.ok) throw new Error("unreadable");
  // What the form tab reads: the top rows, as wide as the sheet.
  const top = read.sheets.find((s) => s.name === "申請様式")!.values.slice(0, DEFAULT_PROFILE.sheet.headerSearchRows);
  return mapFormHeader(top, locateMovedForm(top, DEFAULT_PROFILE)!, DEFAULT_PROFILE).mapping;
};

describe("the form tab's notice about the open sheet's columns", () => {
  it("says nothing for the untouched form", async () => {
    expect(formTabColumnNotice(await mappingOf(), DEFAULT_PROFILE)).toBeUndefined();
  });
  it("says once which items were found in other columns and that they are checked there", async () => {
    const notice = formTabColumnNotice(await mappingOf(insertFurigana), DEFAULT_PROFILE)!;
    expect(notice.code).toBe("columns.form-tab");
    expect(notice.severity).toBe("info");
    expect(messageOf(notice)).toBe(
      "このシートは列の位置が様式と違うため、見出しで項目の列を見つけてチェックしています（連絡先電話番号→D列、連絡先メールアドレス→E列、所属機関分類コード→F列、中核市コード→J列 ほか6項目）。指摘のセルはこのシートの列で示します。",
    );
  });
});
