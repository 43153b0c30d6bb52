/**
 * Where the keyboard focus goes on the form tab's findings list, with real key presses (user-event): it stays with
 * the user after going to a cell, after closing the bulk-fix dialog, and after a one-click fix.
 */
import "./support/jsdom-gaps";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { group, SHEET, until } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** user-event with the pane's timers real: it waits for nothing but its own events. */
const keyboardUser = () => userEvent.setup({ delay: null });

/** The sample form with the fix of D15 (its e-mail address) made by keyboard: the fix focused, Enter, the value written. */
async function fixD15ByKeyboard() {
  const pane = await renderPane(await sampleFormWorkbook());
  const user = keyboardUser();
  within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ }).focus();
  await user.keyboard("{Enter}");
  await until(() => expect(pane.gateway.text(SHEET, "D15")).toBe("tanaka@example-hosp.jp"), pane.settle);
  return { ...pane, user };
}

describe("focus on the findings list", () => {
  it("Enter on a finding selects its cell and leaves the focus on that finding", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const user = keyboardUser();
    const link = within(group(17)!).getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ });
    link.focus();
    await user.keyboard("{Enter}");
    await settle();
    expect(gateway.selected).toBe("K17");
    expect(document.activeElement).toBe(within(group(17)!).getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ }));
  });

  it("Enter on a row link opens the row, and the focus goes with it to the row's heading", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const user = keyboardUser();
    within(group(15)!).getByRole("button", { name: "15行目の詳細を開く" }).focus();
    await user.keyboard("{Enter}");
    await until(() => expect(screen.getByTestId("row-detail").getAttribute("data-row")).toBe("15"), settle);
    expect(gateway.selected).toBe("D15");
    await until(() => expect(document.activeElement).toBe(within(screen.getByTestId("row-detail")).getByRole("heading", { level: 2 })), settle);
  });

  it("a fix in the row view confirms in the row view, with 元に戻す focused", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const user = keyboardUser();
    within(group(15)!).getByRole("button", { name: "15行目の詳細を開く" }).focus();
    await user.keyboard("{Enter}");
    await until(() => expect(screen.getByTestId("row-detail").getAttribute("data-row")).toBe("15"), settle);
    within(screen.getByTestId("row-detail")).getByRole("button", { name: /^修正：.*（D15、/ }).focus();
    await user.keyboard("{Enter}");
    await until(() => expect(gateway.text(SHEET, "D15")).toBe("tanaka@example-hosp.jp"), settle);
    await until(() => expect(within(screen.getByTestId("row-detail")).getByTestId("fix-note").textContent).toContain("D15"), settle);
    expect(document.activeElement).toBe(within(screen.getByTestId("row-detail")).getByRole("button", { name: "元に戻す" }));
  });

  it("Esc and キャンセル in the bulk-fix dialog give the focus back to the button that opened it", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    await act(() => gateway.edit(SHEET, { C5: "０３－５５５５－１００１", C6: "０３－５５５５－１００２" }));
    await settle();
    const user = keyboardUser();
    const opener = () => within(document.querySelector('[data-fix-kind="phone.normalized"]') as HTMLElement).getByRole("button");

    opener().focus();
    await user.keyboard("{Enter}");
    await until(() => expect(screen.getByRole("dialog")).toBeTruthy(), settle);
    await until(() => expect(screen.getByRole("dialog").contains(document.activeElement)).toBe(true), settle);
    await user.keyboard("{Escape}");
    await until(() => expect(screen.queryByRole("dialog")).toBeNull(), settle);
    expect(document.activeElement).toBe(opener());

    await user.keyboard("{Enter}");
    await until(() => expect(screen.getByRole("dialog").contains(document.activeElement)).toBe(true), settle);
    const cancel = within(screen.getByRole("dialog")).getByRole("button", { name: "キャンセル" });
    cancel.focus();
    await user.keyboard("{Enter}");
    await until(() => expect(screen.queryByRole("dialog")).toBeNull(), settle);
    expect(document.activeElement).toBe(opener());
    expect(gateway.text(SHEET, "C5")).toBe("０３－５５５５－１００１");
  });

  it("after a one-click fix the confirmation stands where the finding was, and 元に戻す there has the focus", async () => {
    const { gateway, settle, user } = await fixD15ByKeyboard();
    const note = await until(() => expect(screen.getByTestId("fix-note")).toBeTruthy(), settle).then(() => screen.getByTestId("fix-note"));
    expect(note.textContent).toContain("D15");
    // Not only at the top of the pane: in the list, just before the row that followed the fixed one (row 16).
    expect(note.closest("[data-testid=finding-groups]")).not.toBeNull();
    expect(note.nextElementSibling?.getAttribute("data-row")).toBe("16");
    expect(document.activeElement).toBe(within(note).getByRole("button", { name: "元に戻す" }));
    // Tab goes on to the next finding.
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(group(16)!).getByRole("button", { name: "16行目の詳細を開く" }));
    // Undone from the note: the note says so and keeps the focus.
    within(note).getByRole("button", { name: "元に戻す" }).focus();
    await user.keyboard("{Enter}");
    await until(() => expect(screen.getByTestId("fix-note").textContent).toContain("修正前の値に戻しました"), settle);
    expect(gateway.text(SHEET, "D15")).not.toBe("tanaka@example-hosp.jp");
    expect(document.activeElement).toBe(screen.getByTestId("fix-note"));
  });

  it("the confirmation takes the focus once: coming back to the list leaves it where the user is", async () => {
    const { settle, user } = await fixD15ByKeyboard();
    await until(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("undo-fix"), settle);
    const tabs = () => screen.getByRole("tablist", { name: "表示の切り替え" });
    await user.click(within(tabs()).getByRole("tab", { name: "マスタ" }));
    await until(() => expect(screen.queryByTestId("fix-note")).toBeNull(), settle);
    await user.click(within(tabs()).getByRole("tab", { name: "指摘一覧" }));
    await until(() => expect(screen.getByTestId("fix-note")).toBeTruthy(), settle);
    expect(document.activeElement).toBe(within(tabs()).getByRole("tab", { name: "指摘一覧" }));
  });

  it("closing the fix's confirmation passes the focus on to the next finding, not to the page", async () => {
    const { settle, user } = await fixD15ByKeyboard();
    await until(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("undo-fix"), settle);
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toBe("この確認を閉じる");
    await user.keyboard("{Enter}");
    await until(() => expect(screen.queryByTestId("fix-note")).toBeNull(), settle);
    expect(document.activeElement).toBe(within(group(16)!).getByRole("button", { name: "16行目の詳細を開く" }));
  });
});
