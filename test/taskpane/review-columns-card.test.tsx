import "./support/jsdom-gaps";
// 列の対応 in the submission card, as the reviewer meets it (jsdom, ReviewController on the stand-in Excel host): a
// submission with a column inserted says so in one line, the folded section lists each item's column, a select
// corrects one (checked again at once, said beside it), この対応で確定 confirms and the card shows 確定済み.
import { fireEvent, screen, within } from "@testing-library/react";
import { insertFurigana, xlsxBytes } from "../domain/review/submitted-files";
import { renderReview } from "./support/render-review";

let moved: Uint8Array;
beforeAll(async () => {
  moved = new Uint8Array(await xlsxBytes(insertFurigana));
});

async function importedMoved() {
  const review = await renderReview();
  await review.importFiles([{ name: "フリガナ付き.xlsx", bytes: moved }]);
  return review;
}

const section = () => screen.getByTestId("submission-columns");

describe("列の対応 in the submission card", () => {
  it("says in one line that the columns differ, lists each item's column in a folded section, corrects one and confirms", async () => {
    const { settle } = await importedMoved();
    expect(within(section()).getByTestId("columns-summary").textContent).toBe("列の位置が様式と違います（フリガナ列の挿入など）。確認してください。");
    // Folded by default: the selects appear when the section is opened.
    expect(within(section()).queryByRole("combobox", { name: "S001の連絡先電話番号の列" })).toBeNull();
    fireEvent.click(within(section()).getByRole("button", { name: /列の対応/ }));
    const phone = (await within(section()).findByRole("combobox", { name: "S001の連絡先電話番号の列" })) as HTMLSelectElement;
    expect(phone.value).toBe("D");
    expect(within(section()).getByTestId("columns-extras").textContent).toContain("C列「フリガナ」");
    const errorsBefore = screen.getByTestId("submission-summary").textContent;

    fireEvent.change(phone, { target: { value: "" } });
    await settle();
    const message = within(section()).getByTestId("columns-message");
    expect(message.getAttribute("aria-live")).toBe("polite");
    expect(message.textContent).toMatch(/^連絡先電話番号を「なし」（この様式にない）にして、チェックし直しました（エラー \d+件・警告 \d+件）。$/);
    expect(((await within(section()).findByRole("combobox", { name: "S001の連絡先電話番号の列" })) as HTMLSelectElement).value).toBe("");
    expect(within(section()).getByTestId("columns-missing").textContent).toContain("連絡先電話番号");
    expect(screen.getByTestId("submission-summary").textContent).not.toBe(errorsBefore);

    fireEvent.change(within(section()).getByRole("combobox", { name: "S001の連絡先電話番号の列" }), { target: { value: "D" } });
    await settle();
    expect(screen.getByTestId("submission-summary").textContent).toBe(errorsBefore);

    fireEvent.click(within(section()).getByRole("button", { name: "この対応で確定" }));
    await settle();
    expect(await within(section()).findByTestId("columns-confirmed")).toBeTruthy();
    expect(within(section()).getByTestId("columns-summary").textContent).toBe("列の対応は確定済みです。");
    expect(within(section()).getByTestId("columns-message").textContent).toBe("S001の列の対応を確定しました。");
    expect(within(section()).queryByRole("button", { name: "この対応で確定" })).toBeNull();
  });
});
