import "./support/jsdom-gaps";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { count, group, SHEET, until } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** The confirmation dialog (its code is loaded on first use). */
async function dialog(settle: () => Promise<void>): Promise<HTMLElement> {
  await until(() => expect(screen.getByRole("dialog")).toBeTruthy(), settle);
  return screen.getByRole("dialog");
}

describe("fix all of one kind", () => {
  it("lists the kinds, confirms with the number of cells, and writes them all", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    // Full-width digits typed in two rows, and a numeric 9 in E of a third.
    await act(() => gateway.edit(SHEET, { C5: "０３－５５５５－１００１", C6: "０３－５５５５－１００２", E7: 9 }));
    await settle();
    const kind = document.querySelector('[data-fix-kind="phone.normalized"]') as HTMLElement;
    expect(kind.textContent).toContain("2件");
    fireEvent.click(within(kind).getByRole("button"));
    const box = await dialog(settle);
    expect(within(box).getByTestId("bulk-fix-count").textContent).toBe("2個のセルを変更します。よろしいですか？");
    expect(box.textContent).toContain("C5 → 03-5555-1001");
    // Cancel changes nothing.
    fireEvent.click(within(box).getByRole("button", { name: "キャンセル" }));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("０３－５５５５－１００１");

    fireEvent.click(within(document.querySelector('[data-fix-kind="phone.normalized"]') as HTMLElement).getByRole("button"));
    await settle();
    fireEvent.click(await within(await dialog(settle)).findByRole("button", { name: "2セルを変更する" }));
    await settle();
    expect(gateway.text(SHEET, "C5")).toBe("03-5555-1001");
    expect(gateway.text(SHEET, "C6")).toBe("03-5555-1002");
    // The other kind was left alone until asked.
    expect(gateway.cell(SHEET, "E7")).toBe(9);
    expect(group(5)).toBeNull();
    expect(document.querySelector('[data-fix-kind="phone.normalized"]')).toBeNull();
    fireEvent.click(within(document.querySelector('[data-fix-kind="orgType.normalized"]') as HTMLElement).getByRole("button"));
    await settle();
    fireEvent.click(await within(await dialog(settle)).findByRole("button", { name: "1セルを変更する" }));
    await settle();
    expect(gateway.cell(SHEET, "E7")).toBe("09");
    await waitFor(() => expect(count("warnings")).toBe("2"));
  });
});
