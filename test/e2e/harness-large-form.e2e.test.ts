// The built pane on a 10,000-row form in the stand-in host emulating Office 2019 (ExcelApi 1.8: change events,
// no multi-area ranges, no triggerSource) with Excel on the web's payload limit: it reads, checks and colours the
// form, and an edit is re-checked and re-coloured without a loop.
import { launchBrowser, type BrowserSession } from "./support/browser";
import { startHarness, type HarnessServer } from "./harness/server";

let server: HarnessServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startHarness();
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Harness {
  getCell(sheet: string, address: string): { value: unknown; fill: string | null };
  waitForSync(match?: (s: { writes: number }) => boolean, timeoutMs?: number): Promise<unknown>;
  syncs(): { writes: number; error?: string; responseBytes: number }[];
  timeEdit(sheet: string, address: string, value: string, timeoutMs?: number): Promise<number>;
  eventsPending(): number;
  paneWindow(): Window | null;
}

/**
 * The host has no change event on its way to the add-in, and the pane has nothing queued and no change waiting to be read
 * (data-working: the task queue and the watch's debounce and read). From there nothing can start again by itself.
 */
const quiet = () => {
  const h = (window as unknown as { harness: Harness }).harness;
  return h.eventsPending() === 0 && h.paneWindow()?.document.querySelector("main")?.getAttribute("data-working") === "false";
};

test("10,000 rows on ExcelApi 1.8: coloured after the first check; an edit re-colours its row once", async () => {
  const { page } = session;
  await page.goto(`${server.url}?excelApi=1.8&rows=10000`);
  await page.waitForFunction(() => (window as unknown as { harness?: unknown }).harness !== undefined);
  // The first writing sync of the add-in is its colouring after the full check.
  await page.evaluate(() => (window as unknown as { harness: Harness }).harness.waitForSync((s) => s.writes > 0, 90000));
  const fill = (address: string) =>
    page.evaluate((a) => (window as unknown as { harness: Harness }).harness.getCell("申請様式", a).fill, address);
  expect(await fill("A4")).toBe("#9BC2E6"); // complete
  expect(await fill("A1003")).toBe("#FF7C80"); // generated gap row 1,000
  expect(await fill("C103")).toBe("#FFC7CE"); // generated row 100 has no phone: an error, pink
  expect(await fill("F103")).toBe("#D9D9D9"); // grey stays grey

  // Fix the phone by typing, as a person would: the row is re-read, re-checked and re-coloured.
  const ms = await page.evaluate(() => (window as unknown as { harness: Harness }).harness.timeEdit("申請様式", "C103", "03-5555-0100"));
  expect(ms).toBeGreaterThan(0);
  await page.waitForFunction(() => (window as unknown as { harness: Harness }).harness.getCell("申請様式", "C103").fill === null, undefined, { timeout: 10000 });
  expect(await fill("A103")).toBe("#9BC2E6");
  // No loop: after the re-colouring the add-in reaches a quiet state (a loop never would), and stays there.
  await page.waitForFunction(quiet, undefined, { timeout: 30000 });
  const before = await page.evaluate(() => (window as unknown as { harness: Harness }).harness.syncs().length);
  await page.evaluate(() => (window as unknown as { harness: { eventsDelivered(): Promise<void> } }).harness.eventsDelivered());
  expect(await page.evaluate(quiet)).toBe(true);
  const after = await page.evaluate(() => (window as unknown as { harness: Harness }).harness.syncs().length);
  expect(after).toBe(before);
  const syncs = await page.evaluate(() => (window as unknown as { harness: Harness }).harness.syncs());
  expect(syncs.filter((s) => s.error)).toEqual([]);
  await session.screenshot("harness-10000-rows-api-1.8");
  expect(session.errors).toEqual([]);
});
