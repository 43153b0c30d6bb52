import { checkFormSheet, DEFAULT_PROFILE, profileHeaderLabels, type Cell, type SheetData } from "../../../src/domain";
import { HEALTH_CENTER_SHEET, testMasters, validCells } from "../../support/form-rows";
import { findFormSheets } from "../../support/exceljs-sheets";

const LABELS = profileHeaderLabels(DEFAULT_PROFILE);

function formSheet(name: string, rows: Cell[][]): SheetData {
  return { name, values: [["システム利用申請様式"], [], ["No.", ...LABELS], ...rows] };
}

describe("findFormSheets", () => {
  it("finds every form sheet, preferred name (申請様式) first, and skips the others", () => {
    const sheets: SheetData[] = [
      formSheet("追加分", [validCells()]),
      { name: "保健所マスタ", values: HEALTH_CENTER_SHEET },
      formSheet("申請様式", [validCells(), [2]]),
      { name: "メモ", values: [["利用者名"]] },
    ];
    const forms = findFormSheets(sheets, DEFAULT_PROFILE);
    expect(forms.map((f) => f.sheet)).toEqual(["申請様式", "追加分"]);
    expect(forms[0]).toMatchObject({ headerRow: 3, firstDataRow: 4 });
    expect(forms[0].rows.map((r) => r.row)).toEqual([4]);
    expect([1, 2, 39].map((i) => forms[0].headerCells[i])).toEqual(["利用者名", "連絡先電話番号", "二要素認証手段コード"]);
  });

  it("checkFormSheet checks the sheet's rows against the masters", () => {
    const [form] = findFormSheets([formSheet("申請様式", [validCells(), [], validCells({ healthCenterCode: "99999", name: "鈴木　花子", tfaEmail: "s@example-hosp.jp" })])], DEFAULT_PROFILE);
    const checker = checkFormSheet(form, DEFAULT_PROFILE, testMasters());
    expect(checker.result().findings.map((f) => `${f.place.row}${f.place.column}:${f.code}`)).toEqual(["5A:row.gap", "6K:healthCenter.unknown"]);
  });
});
