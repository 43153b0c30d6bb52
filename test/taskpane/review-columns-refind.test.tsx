import "./support/jsdom-gaps";
// 列の対応 corrected on a list whose phone column has a heading the mapping does not know (jsdom, ReviewController on
// the stand-in Excel host): once the reviewer puts 連絡先電話番号 in that column, the import notices about columns are
// said again for the corrected mapping, and a row whose only value is in that column is found (and checked).
import { fireEvent, screen, within } from "@testing-library/react";
import { eApplicationRecords, utf8BomCsv } from "../support/e-application-list";
import { renderReview } from "./support/render-review";

let bytes: Uint8Array;
let lastRow: number;
beforeAll(async () => {
  // The phone column last (M), right of every column the mapping knows, under a heading it does not know.
  const records = (await eApplicationRecords({ 電話番号: "連絡手段" })).map((r) => [...r.slice(0, 4), ...r.slice(5), r[4]]);
  // A row with nothing but a phone number.
  records.push(records[0].map((_, i) => (i === 12 ? "03-5555-1234" : "")));
  lastRow = records.length;
  bytes = utf8BomCsv(records);
});

const notices = () => screen.getByTestId("import-notices").textContent ?? "";
const section = () => screen.getByTestId("submission-columns");

describe("a corrected column mapping", () => {
  it("says the columns notices again and finds the rows with a value only in the chosen column", async () => {
    const { controller, settle, importFiles } = await renderReview();
    await importFiles([{ name: "電話の見出しが違う.csv", bytes }]);
    expect(notices()).toContain("連絡先電話番号");
    expect(notices()).toContain("M列「連絡手段」は様式にない列です。");
    const before = controller.store.get().submissions[0];
    expect(before.summary.rows).toBeLessThan(lastRow - 1);

    expect(within(section()).getByTestId("columns-summary").textContent).toBe("電子申請などの一覧です（1行目の見出しで項目の列を見つけました。連絡先電話番号の列がありません）。確認してください。");
    fireEvent.click(within(section()).getByRole("button", { name: /列の対応/ }));
    const phone = (await within(section()).findByRole("combobox", { name: "S001の連絡先電話番号の列" })) as HTMLSelectElement;
    expect(phone.value).toBe("");
    fireEvent.change(phone, { target: { value: "M" } });
    await settle();

    // The notices say the mapping as it is now: no missing phone column, M is no extra column.
    expect(notices()).not.toContain("連絡先電話番号");
    expect(notices()).not.toContain("M列「連絡手段」");
    expect(notices()).toContain("A列「受付番号」は様式にない列です。");
    // The row with only a phone number is a row now, with its findings (no name, no address …).
    const after = controller.store.get().submissions[0];
    expect(after.summary.rows).toBe(lastRow - 1);
    const found = after.rows.find((r) => r.row === lastRow);
    expect(found?.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["required.missing"]));
    expect(after.summary.errors).toBeGreaterThan(before.summary.errors);
  });
});
