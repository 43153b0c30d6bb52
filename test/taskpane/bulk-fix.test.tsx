import "./support/jsdom-gaps";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { count, group, SHEET, until } from "./support/queries";
import { renderPane, type RenderedPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** The confirmation dialog (its code is loaded on first use). */
async function dialog(settle: () => Promise<void>): Promise<HTMLElement> {
  await until(() => expect(screen.getByRole("dialog")).toBeTruthy(), settle);
  return screen.getByRole("dialog");
}

/** The sample with full-width digits typed in two rows and a numeric 9 in E of a third. */
async function paneWithFixes(): Promise<RenderedPane> {
  const p = await renderPane(await sampleFormWorkbook());
  await act(() => p.gateway.edit(SHEET, { C5: "０３－５５５５－１００１", C6: "０３－５５５５－１００２", E7: 9 }));
  await p.settle();
  return p;
}

function openKind(code: string): void {
  fireEvent.click(within(document.querySelector(`[data-fix-kind="${code}"]`) as HTMLElement).getByRole("button"));
}

describe("fix all of one kind", () => {
  it("confirms with the number of cells; cancel changes nothing, confirm writes them all", async () => {
    const { gateway, settle } = await paneWithFixes();
    const kind = document.querySelector('[data-fix-kind="phone.normalized"]') as HTMLElement;
    expect(kind.textContent).toContain("2件");
    openKind("phone.normalized");
    const box = await dialog(settle);
    expect(within(box).getByTestId("bulk-fix-count").textContent).toBe("2個のセルを変更します。よろしいですか？");
    expect(box.textContent).toContain("C5：０３－５５５５－１００１ → 03-5555-1001");
    expect(box.textContent).toContain("C6：０３－５５５５－１００２ → 03-5555-1002");
    fireEvent.click(within(box).getByRole("button", { name: "キャンセル" }));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("０３－５５５５－１００１");

    openKind("phone.normalized");
    await settle();
    fireEvent.click(await within(await dialog(settle)).findByRole("button", { name: "2セルを変更する" }));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("03-5555-1001");
    expect(gateway.text(SHEET, "C6")).toBe("03-5555-1002");
    // The other kind was left alone.
    expect(gateway.cell(SHEET, "E7")).toBe(9);
    expect(group(5)).toBeNull();
    expect(document.querySelector('[data-fix-kind="phone.normalized"]')).toBeNull();
    expect(document.querySelector('[data-fix-kind="orgType.normalized"]')!.textContent).toContain("1件");
  });

  it("元に戻す puts back what the cells held before the last bulk fix, and leaves a cell changed since alone", async () => {
    const { gateway, settle } = await paneWithFixes();
    openKind("phone.normalized");
    await settle();
    fireEvent.click(await within(await dialog(settle)).findByRole("button", { name: "2セルを変更する" }));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("03-5555-1001");
    await act(() => gateway.edit(SHEET, { C6: "03-9999-0000" }));
    await settle();
    fireEvent.click(screen.getByTestId("undo-fix"));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("０３－５５５５－１００１");
    expect(gateway.text(SHEET, "C6")).toBe("03-9999-0000");
    expect(screen.getAllByTestId("pane-message")[0].textContent).toContain("1セルを修正前の値に戻しました。C6 は修正の後に変更されているため、そのままにしました。");
    expect(screen.queryByTestId("undo-fix")).toBeNull();
    // The focus is on the sentence naming what was undone, not on the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId("pane-message")[0]));
    expect(document.querySelector('[data-fix-kind="phone.normalized"]')!.textContent).toContain("1件");
  });

  it("a numeric 9 in E becomes the text 09", async () => {
    const { gateway, settle } = await paneWithFixes();
    openKind("orgType.normalized");
    await settle();
    fireEvent.click(await within(await dialog(settle)).findByRole("button", { name: "1セルを変更する" }));
    await settle();
    expect(gateway.cell(SHEET, "E7")).toBe("09");
    expect(count("warnings")).toBe("3"); // 2 × phone.normalized + the blank AJ of row 13
  });
});
