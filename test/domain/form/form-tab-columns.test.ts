import { DEFAULT_PROFILE, formTabColumnNotice, messageOf, readXlsx } from "../../../src/domain";
import { insertFurigana, xlsxBytes } from "../review/submitted-files";

const headerOf = async (...edits: Parameters<typeof xlsxBytes>) => {
  const read = readXlsx(new Uint8Array(await xlsxBytes(...edits)), "a.xlsx");
  if (!read.ok) throw new Error("unreadable");
  // What the form tab reads: the header row up to the profile's last column.
  return read.sheets.find((s) => s.name === "申請様式")!.values[2].slice(0, 40);
};

describe("the form tab's notice about the open sheet's columns", () => {
  it("says nothing for the untouched form", async () => {
    expect(formTabColumnNotice(await headerOf(), DEFAULT_PROFILE, 3)).toBeUndefined();
  });
  it("says once, with the differences, why errors appear when a column was inserted", async () => {
    const notice = formTabColumnNotice(await headerOf(insertFurigana), DEFAULT_PROFILE, 3)!;
    expect(notice.code).toBe("columns.form-tab");
    expect(notice.severity).toBe("warning");
    expect(messageOf(notice)).toBe(
      "このシートの列の位置が様式と違います（C列「フリガナ」は様式にない列、連絡先電話番号がD列、連絡先メールアドレスがE列 ほか）。この画面は様式どおりの列でチェックするため、ずれた列にエラーが出ます。列を様式どおりに戻してください（受付・審査では見出しで列を見つけます）。",
    );
  });
});
