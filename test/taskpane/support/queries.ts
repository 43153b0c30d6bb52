import { screen } from "@testing-library/react";

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

/** Clicks a tab of the pane and lets its indicator animation finish inside act. */
export async function openTab(name: string, settle: () => Promise<void>): Promise<void> {
  const { act, fireEvent } = await import("@testing-library/react");
  fireEvent.click(screen.getByRole("tab", { name }));
  // The selected-tab indicator animates over a few animation frames.
  await act(() => new Promise((r) => setTimeout(r, 100)));
  await settle();
}

/** Lets the pane work (each step inside act) until `check` passes; parsing a master file takes a while. */
export async function until(check: () => void, settle: () => Promise<void>, timeoutMs = 20000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await settle();
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
  }
}
