import { fireEvent, screen, waitFor } from "@testing-library/react";

export const SHEET = "申請様式";

/** A number of the summary ("complete", "errors", …) as shown. */
export function count(key: string): string {
  return document.querySelector(`[data-count="${key}"] dd`)!.textContent!;
}

/** The findings group of a sheet row in the list, if shown. */
export function group(row: number): HTMLElement | null {
  return document.querySelector(`[data-testid="finding-groups"] [data-row="${row}"]`);
}

export function shownRows(): string[] {
  return [...document.querySelectorAll("[data-testid=finding-groups] section")].map((s) => s.getAttribute("data-row")!);
}

export function messages(): string[] {
  return screen.queryAllByTestId("pane-message").map((m) => m.textContent!);
}

/** Fluent's tab indicator slides over from the previous tab and comes to rest at this scale (one animation frame later). */
const INDICATOR_SCALE = "--fui-Tab__indicator--scale";

/** Clicks a tab of the pane and waits until it is selected and its indicator has come to rest. */
export async function openTab(name: string, settle: () => Promise<void>): Promise<void> {
  const tab = screen.getByRole("tab", { name });
  fireEvent.click(tab);
  await waitFor(() => {
    if (tab.getAttribute("aria-selected") !== "true") throw new Error(`the tab ${name} is not selected`);
    const scale = tab.style.getPropertyValue(INDICATOR_SCALE);
    if (scale !== "" && scale !== "1") throw new Error(`the indicator of the tab ${name} is still moving (scale ${scale})`);
  });
  await settle();
}

/**
 * Waits until `check` passes (testing-library's waitFor: on every change of the page, and every 50 ms for what is not
 * on the page), with the pane settled before and after; parsing a master file takes a while.
 */
export async function until(check: () => void, settle: () => Promise<void>, timeoutMs = 20000): Promise<void> {
  await settle();
  await waitFor(check, { timeout: timeoutMs });
  await settle();
}
