// Helpers for the pane's browser tests and benchmark: the pane's frame, the harness API, the check-version signal
// (data-check-version on the summary increases with every check the pane shows), pane screenshots.
import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import path from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import type { HarnessApi } from "./harness/page/harness-api";
import { SCREENSHOTS } from "./support/browser";

export function paneLocator(page: Page): FrameLocator {
  return page.frameLocator("#pane");
}

export function paneFrame(page: Page): Frame {
  const frame = page.frame({ url: /taskpane\.html/ });
  if (!frame) throw new Error("the pane's frame is not loaded");
  return frame;
}

/** Runs `fn` in the harness page with window.harness (serialisable arguments and results only). */
export function harness<T, A = undefined>(page: Page, fn: (h: HarnessApi, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const f = new Function(`return (${source})`)() as (h: unknown, arg: unknown) => T;
      return f((window as unknown as { harness: unknown }).harness, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}

/** The summary's data-check-version (0 before the first check). */
export async function checkVersion(page: Page): Promise<number> {
  const v = await paneLocator(page).getByTestId("summary").getAttribute("data-check-version").catch(() => null);
  return Number(v ?? 0);
}

export async function waitForVersionAbove(page: Page, version: number, timeout = 30_000): Promise<void> {
  await paneFrame(page).waitForFunction(
    (v) => Number(document.querySelector("[data-testid=summary]")?.getAttribute("data-check-version") ?? 0) > v,
    version,
    { timeout },
  );
}

/** A screenshot of the pane's frame only, in test-output/screenshots/. */
export async function paneScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.locator("#pane").screenshot({ path: file });
  return file;
}

/** The pane's frame made `px` wide (the harness page's #pane), once its document has taken the width. */
export async function setPaneWidth(page: Page, px: number): Promise<void> {
  await page.evaluate((w) => {
    (document.querySelector("#pane") as HTMLElement).style.width = `${w}px`;
  }, px);
  // The frame of the #pane element itself: right after page.goto the pane's document may not be loaded yet.
  const frame = await (await page.locator("#pane").elementHandle())?.contentFrame();
  await frame?.waitForFunction((w) => document.documentElement.clientWidth <= w, px);
}

/** The reviewer's own workbook as the review tests open it: one empty sheet 「審査」, written in `dir`; its path. */
export async function blankReviewWorkbook(dir: string): Promise<string> {
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet("審査");
  const file = path.join(dir, "審査用.xlsx");
  await blank.xlsx.writeFile(file);
  return file;
}
