// Smoke test of the demo page: the stand-in host shows the sample, the task pane's frame gets Office/Excel from
// the stand-in, and an Excel.run read from the pane's frame sees the workbook through the strict API.
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

test("the demo page shows the sample form and the pane frame gets a working Office/Excel", async () => {
  const { page } = session;
  await page.goto(server.url);
  await page.waitForFunction(() => (window as unknown as { harness?: unknown }).harness !== undefined);

  // The grid shows the sample's form: header in row 3, first applicant in B4, grey F4.
  await page.locator('[data-address="B4"]').waitFor();
  expect(await page.locator('[data-address="B3"]').textContent()).toBe("利用者名");
  expect(await page.locator('[data-address="B4"]').textContent()).toBe("佐藤　太郎");
  // Cells are repainted on every change, so read the fill from the node present now.
  expect(await page.evaluate(() => (document.querySelector('[data-address="F4"]') as HTMLElement).style.backgroundColor)).toBe("rgb(217, 217, 217)");
  expect(await page.locator(".tab").allTextContents()).toEqual(["申請様式", "保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"]);

  // The pane's frame: Office and Excel come from the stand-in (office-js/office.js), and reads are strict.
  const frame = page.frame({ url: /taskpane\.html/ });
  expect(frame).not.toBeNull();
  await frame!.waitForFunction(() => typeof (window as unknown as { Excel?: unknown }).Excel === "object");
  const result = await frame!.evaluate(async () => {
    const w = window as unknown as { Office: typeof Office; Excel: typeof Excel };
    await w.Office.onReady();
    return w.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("申請様式").getRange("B3:C4");
      range.load("values, valueTypes");
      let earlyRead = "";
      try {
        void range.values;
      } catch (e) {
        earlyRead = (e as { code: string }).code;
      }
      await context.sync();
      return {
        earlyRead,
        values: range.values,
        valueTypes: range.valueTypes,
        api18: w.Office.context.requirements.isSetSupported("ExcelApi", "1.8"),
        api99: w.Office.context.requirements.isSetSupported("ExcelApi", "1.99"),
        language: w.Office.context.displayLanguage,
      };
    });
  });
  expect(result).toEqual({
    earlyRead: "PropertyNotLoaded",
    values: [["利用者名", "連絡先電話番号"], ["佐藤　太郎", "03-5555-1000"]],
    valueTypes: [["String", "String"], ["String", "String"]],
    api18: true,
    api99: false,
    language: "ja-JP",
  });

  // Typing in the grid reaches the model and fires the change event, logged by the host.
  await page.locator('[data-address="C14"]').click();
  await page.keyboard.type("03-1234-5678");
  await page.keyboard.press("Enter");
  const cell = await page.evaluate(() => (window as unknown as { harness: { getCell(s: string, a: string): unknown } }).harness.getCell("申請様式", "C14"));
  expect(cell).toMatchObject({ value: "03-1234-5678", valueType: "String" });
  const events = await page.evaluate(() =>
    (window as unknown as { harness: { events(): { event: { type: string; address?: string } }[] } }).harness.events().map((e) => e.event),
  );
  expect(events).toContainEqual(expect.objectContaining({ type: "changed", address: "C14" }));
  await session.screenshot("harness-smoke");
  expect(session.errors).toEqual([]);
});
