// The applicant's journeys in the browser: the built task pane (webpack demo build) in Debian's Chromium against the
// stand-in Excel host, driven the way a person uses it. Assertions are on the DOM and on the stand-in's cells;
// screenshots of the pane go to test-output/screenshots/ for review.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Frame, FrameLocator } from "playwright-core";
import { buildMasterIndex, DEFAULT_PROFILE } from "../../src/domain";
import { STRINGS_APART_FROM } from "../../src/taskpane/workers/read-workbook-protocol";
import { generateMasters } from "../support/generate-masters";
import { mastersWorkbook } from "../support/generate-workbooks";
import { SAMPLE_MASTERS } from "../support/samples";
import { startHarness, type HarnessServer } from "./harness/server";
import { launchBrowser, type BrowserSession } from "./support/browser";
import { checkVersion, harness, paneFrame, paneLocator, paneScreenshot, waitForVersionAbove } from "./pane-support";

const SHEET = "申請様式";
const BLUE = "#9BC2E6";
const ORANGE = "#FFC000";
const RED = "#FF7C80";
const PINK = "#FFC7CE"; // errors (要修正), as in the send-back file

let server: HarnessServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startHarness();
  session = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

let pane: FrameLocator;

beforeEach(async () => {
  session.errors.length = 0;
  await session.page.goto(server.url);
  pane = paneLocator(session.page);
  await settled();
});

/** The pane has checked the form and set up its listeners (no Office work queued). */
async function settled(): Promise<void> {
  await pane.locator('main[data-working="false"] [data-testid=summary]').waitFor({ timeout: 30_000 });
}

afterEach(() => {
  expect(session.errors).toEqual([]);
});

async function countOf(key: string): Promise<string> {
  return (await pane.locator(`[data-count="${key}"] dd`).textContent()) ?? "";
}

function group(row: number) {
  return pane.locator(`[data-testid=finding-groups] [data-row="${row}"]`);
}

async function fill(address: string): Promise<string | null> {
  return (await harness(session.page, (h, a) => h.getCell("申請様式", a), address)).fill;
}

test("open the pane: the summary shows the sample's planted problems and the sheet is coloured", async () => {
  expect(await countOf("complete")).toBe("10");
  expect(await countOf("incomplete")).toBe("3");
  expect(await countOf("gap")).toBe("1");
  expect(await countOf("errors")).toBe("4");
  expect(await countOf("warnings")).toBe("1"); // row 12 (16 定点) is an ordinary account: no warning
  await expectText(pane.getByTestId("readiness"), "提出前に修正が必要です：エラー 4件（未完了 3行・空行 1行）");
  const rows = await pane.locator("[data-testid=finding-groups] section").evaluateAll((s) => s.map((e) => e.getAttribute("data-row")));
  // Errors lead: rows with an error first, then the warning-only row (row 12, a 16 row, is an ordinary account now).
  expect(rows).toEqual(["14", "15", "16", "17", "13"]);
  expect(await group(14).locator("[data-cell=C14]").getAttribute("data-finding")).toBe("required.missing");
  expect(await group(15).locator("[data-cell=D15]").getAttribute("data-finding")).toBe("email.fullwidth");
  expect(await group(17).locator("[data-cell=K17]").getAttribute("data-finding")).toBe("healthCenter.unknown-ask");
  expect([await fill("A4"), await fill("A16"), await fill("C14"), await fill("D15"), await fill("K17"), await fill("A14")]).toEqual([BLUE, RED, PINK, PINK, PINK, ORANGE]);
  await paneScreenshot(session.page, "pane-01-opened");
});

test("click a finding: the right cell is selected in the sheet", async () => {
  await pane.getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ }).click();
  await waitForHarness(() => window.harness.selection().address === "K17");
  expect(await harness(session.page, (h) => h.selection())).toEqual({ sheet: SHEET, address: "K17" });
});

test("apply a fix: the cell value changes and the row turns complete", async () => {
  const before = await checkVersion(session.page);
  await group(15).getByRole("button", { name: /^修正：.*（D15、/ }).click();
  await waitForVersionAbove(session.page, before);
  await group(15).waitFor({ state: "detached" });
  expect((await harness(session.page, (h) => h.getCell("申請様式", "D15"))).value).toBe("tanaka@example-hosp.jp");
  expect(await countOf("complete")).toBe("11");
  expect(await fill("A15")).toBe(BLUE);
  expect(await fill("D15")).toBeNull();
  await paneScreenshot(session.page, "pane-02-fixed-D15");
});

test("fix all of a kind, twice in a row: each dialog says how many cells change, then they change", async () => {
  await harness(session.page, (h) => {
    h.setCell("申請様式", "C5", "０３－５５５５－１００１");
    h.setCell("申請様式", "C6", "０３－５５５５－１００２");
    h.setCell("申請様式", "E7", "9");
  });
  const phone = pane.locator('[data-fix-kind="phone.normalized"]');
  await phone.filter({ hasText: "2件" }).waitFor();
  await phone.getByRole("button").click();
  const dialog = pane.getByRole("dialog");
  await expectText(dialog.getByTestId("bulk-fix-count"), "2個のセルを変更します。");
  await paneScreenshot(session.page, "pane-06-bulk-fix-dialog");
  await dialog.getByRole("button", { name: "2セルを変更する" }).click();
  await dialog.waitFor({ state: "detached" });
  await phone.waitFor({ state: "detached" });
  expect((await harness(session.page, (h) => [h.getCell("申請様式", "C5").value, h.getCell("申請様式", "C6").value]))).toEqual(["03-5555-1001", "03-5555-1002"]);
  await pane.locator('[data-fix-kind="orgType.normalized"]').getByRole("button").click();
  await dialog.getByRole("button", { name: "1セルを変更する" }).click();
  await waitForHarness(() => window.harness.getCell("申請様式", "E7").value === "09");
  expect((await harness(session.page, (h) => h.getCell("申請様式", "E7"))).valueType).toBe("String");
});

test("edit a cell in the stand-in: the pane updates (only that row is re-checked)", async () => {
  const before = await checkVersion(session.page);
  await harness(session.page, (h) => h.setCell("申請様式", "C14", "03-1234-5678"));
  await waitForVersionAbove(session.page, before);
  await group(14).waitFor({ state: "detached" });
  expect(await countOf("complete")).toBe("11");
  expect(await pane.getByTestId("summary").getAttribute("data-check-mode")).toBe("incremental");
  await waitForHarness(() => window.harness.getCell("申請様式", "A14").fill === "#9BC2E6");
  expect(await fill("C14")).toBeNull();
});

test("select a cell in Excel: the pane shows that row, with the 保健所 picker that fixes it", async () => {
  await harness(session.page, (h) => h.select("申請様式", "E17"));
  const detail = pane.getByTestId("row-detail");
  await detail.waitFor();
  expect(await detail.getAttribute("data-row")).toBe("17");
  expect(await detail.locator("[data-cell=K17]").getAttribute("data-finding")).toBe("healthCenter.unknown-ask");
  const picker = pane.getByTestId("health-center-picker");
  await picker.getByRole("combobox").click();
  // The sample master has no reading column: the readings of its words (中央 = ちゅうおう) find a 保健所.
  await picker.getByRole("combobox").fill("ちゅうおう");
  await pane.getByRole("option", { name: /^02011 青森県中央保健所/ }).waitFor();
  await picker.getByRole("combobox").fill("");
  await picker.getByRole("combobox").pressSequentially("25654");
  await pane.getByRole("option", { name: /^25654 / }).click();
  await paneScreenshot(session.page, "pane-03-row-17-picker");
  const before = await checkVersion(session.page);
  await picker.getByRole("button", { name: "I列・K列に設定" }).click();
  await waitForVersionAbove(session.page, before);
  await waitForHarness(() => window.harness.getCell("申請様式", "K17").value === "25654");
  expect((await harness(session.page, (h) => h.getCell("申請様式", "I17"))).value).toBe("253658");
  await expectAttribute(detail, "data-status", "complete");
});

test("load a master from a file: the .xlsx is read in the Worker, with progress shown, and the masters are reported", async () => {
  // The workers start when the file picker is shown (the tab opens), before a file is chosen.
  const worker = session.page.waitForEvent("worker", { timeout: 60_000 });
  await pane.getByRole("tab", { name: "マスタ" }).click();
  // The pane's frame records the progress bars it shows while the file loads (their labels).
  const frame = paneFrame(session.page);
  await frame.evaluate(() => {
    const w = window as unknown as { __progress: string[] };
    w.__progress = [];
    new MutationObserver(() => {
      const label = document.querySelector("[role=progressbar]")?.getAttribute("aria-label") ?? "";
      if (label && w.__progress[w.__progress.length - 1] !== label) w.__progress.push(label);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await pane.getByTestId("master-file-input").setInputFiles(SAMPLE_MASTERS);
  // The reader runs in the Worker built from the pane's own chunk (not on the pane's main thread).
  expect((await worker).url()).toMatch(/\/[\w.-]+\.js$/);
  const report = pane.getByTestId("master-load-report").filter({ hasText: "masters.xlsx" });
  await report.waitFor({ timeout: 60_000 });
  const scripts = await frame.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  expect(scripts.some((name) => /workbook-worker-client\.[0-9a-f]+\.js$/.test(name))).toBe(true);
  expect(scripts.some((name) => /exceljs/.test(name))).toBe(false);
  // While the Worker read the file, the pane's main thread was free to show its progress.
  expect(await frame.evaluate(() => (window as unknown as { __progress: string[] }).__progress.length)).toBeGreaterThan(0);
  const text = (await report.textContent()) ?? "";
  expect(text).toContain("保健所マスタ 469件（重複 0件、masters.xlsx:保健所マスタ）");
  expect(text).toContain("医療機関マスタ（全数） 3,000件");
  expect(text).toContain("医療機関マスタ（定点） 300件");
  // A CSV master of 動物診療施設 (Shift_JIS decoded by the domain), then the summary counts it.
  await pane.getByTestId("master-file-input").setInputFiles({
    name: "動物診療施設マスタ.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("動物診療施設コード,動物診療施設名称,動物診療施設名称カナ,保健所コード\r\nA0400001,みやぎ動物病院,ミヤギドウブツビョウイン,04033\r\n"),
  });
  await expectText(pane.locator('[data-master="animal"]'), "動物診療施設マスタ: 1件");
  await paneScreenshot(session.page, "pane-04-masters");
});

test("a master file of 1 MB or more is read by two workers (one for its shared strings) and gives the same counts", async () => {
  const generated = generateMasters({ zensuRows: 24000, teitenRows: 10, seed: 11 });
  const buffer = await mastersWorkbook(generated);
  expect(buffer.length).toBeGreaterThanOrEqual(STRINGS_APART_FROM);
  const started: string[] = [];
  const onWorker = (w: { url(): string }) => started.push(w.url());
  session.page.on("worker", onWorker);
  await pane.getByRole("tab", { name: "マスタ" }).click();
  await pane.getByTestId("master-file-input").setInputFiles({ name: "大きい全数マスタ.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  const report = pane.getByTestId("master-load-report").filter({ hasText: "大きい全数マスタ.xlsx" });
  await report.waitFor({ timeout: 60_000 });
  session.page.off("worker", onWorker);
  // The reader and its helper (started when the tab opened, or for this read).
  expect(started.length).toBeGreaterThanOrEqual(2);
  const text = (await report.textContent()) ?? "";
  const size = buildMasterIndex("zensu", "x", generated.zensu, DEFAULT_PROFILE).size;
  expect(size).toBeGreaterThan(20000);
  expect(text).toContain(`医療機関マスタ（全数） ${size.toLocaleString("en-US")}件`);
});

test("an accessibility scan of the pane finds no serious or critical violations", async () => {
  const frame = paneFrame(session.page);
  const axeSource = readFileSync(path.join(require.resolve("axe-core"), "..", "axe.min.js"), "utf8");
  // evaluate() runs through the DevTools protocol, so the pane's Content-Security-Policy does not block it.
  await frame.evaluate(axeSource);
  const scan = async (label: string) => {
    // Colours are judged after Fluent's enter animations (a dialog fading in has no contrast yet).
    await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const violations = await runAxe(frame);
    await paneScreenshot(session.page, `pane-axe-${label.replace(/\s+/g, "-")}`);
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect({ label, serious }).toEqual({ label, serious: [] });
  };
  await scan("findings");
  await pane.getByRole("button", { name: /^まとめて修正…/ }).first().click();
  await pane.getByRole("dialog").waitFor();
  await scan("bulk fix dialog");
  await pane.getByRole("button", { name: "キャンセル" }).click();
  await pane.getByRole("dialog").waitFor({ state: "detached" });
  await pane.getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ }).click();
  await harness(session.page, (h) => h.select("申請様式", "B14"));
  await pane.getByTestId("row-detail").waitFor();
  await pane.getByTestId("institution-picker").waitFor();
  await scan("row detail");
  await pane.getByRole("tab", { name: "マスタ" }).click();
  await scan("masters");
});

test("keyboard: the findings can be reached and a fix applied without a mouse", async () => {
  const before = await checkVersion(session.page);
  const fix = group(15).getByRole("button", { name: /^修正：.*（D15、/ });
  // The pane's document has focus, nothing in it is focused (as when the user switches to the pane): then Tab only.
  await pane.locator("body").evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    (self as unknown as { focus(): void }).focus();
  });
  let presses = 0;
  while (!(await fix.evaluate((el) => el === document.activeElement))) {
    if (++presses > 40) throw new Error("the D15 fix was not reached with 40 Tab presses");
    await session.page.keyboard.press("Tab");
  }
  await session.page.keyboard.press("Enter");
  await waitForVersionAbove(session.page, before);
  expect((await harness(session.page, (h) => h.getCell("申請様式", "D15"))).value).toBe("tanaka@example-hosp.jp");
});

test("a host without change events (ExcelApi 1.6): the pane says so and 再チェック picks up edits", async () => {
  await session.page.goto(`${server.url}?excelApi=1.6`);
  await settled();
  await expectText(pane.getByTestId("host-limit").first(), "お使いのExcelは古い版のため、セルを変更してもアドインに伝わらず");
  expect(await pane.getByTestId("host-limit").first().textContent()).not.toContain("ExcelApi");
  const syncsBefore = await harness(session.page, (h) => h.syncs().length);
  await harness(session.page, (h) => h.setCell("申請様式", "C14", "03-1234-5678"));
  // The host has delivered the change (to no handler: there are none on 1.6) and the pane made no Office call.
  await harness(session.page, (h) => h.eventsDelivered());
  expect(await harness(session.page, (h) => h.syncs().length)).toBe(syncsBefore);
  await settled();
  expect(await countOf("complete")).toBe("10");
  const before = await checkVersion(session.page);
  await pane.getByRole("button", { name: "再チェック" }).click();
  await waitForVersionAbove(session.page, before);
  expect(await countOf("complete")).toBe("11");
  await paneScreenshot(session.page, "pane-05-excelapi-1.6");
});

test("ハイライトを消す restores the template's look and changes no value", async () => {
  const values = await harness(session.page, (h) => JSON.stringify(h.model.toJson().sheets[0].values));
  await pane.getByRole("button", { name: "ハイライトを消す" }).click();
  await waitForHarness(() => window.harness.getCell("申請様式", "A4").fill === null);
  expect([await fill("A16"), await fill("C14")]).toEqual([null, null]);
  expect(await harness(session.page, (h) => JSON.stringify(h.model.toJson().sheets[0].values))).toBe(values);
});

declare const window: { harness: import("./harness/page/harness-api").HarnessApi };

/** Waits until a condition on the stand-in host holds (it runs in the harness page). */
async function waitForHarness(condition: () => boolean): Promise<void> {
  await session.page.waitForFunction(condition, undefined, { timeout: 15_000 });
}

async function runAxe(frame: Frame): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent UI's focus management (tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around
    // toolbars, tab lists and dialogs; they only pass focus on and are hidden on purpose. Accessibility Insights
    // suppresses this known false positive the same way (microsoft/tabster#288).
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

async function expectText(locator: ReturnType<FrameLocator["locator"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** Waits for the element itself to carry the attribute value (Playwright's own wait on the DOM, not a polling loop). */
async function expectAttribute(locator: ReturnType<FrameLocator["locator"]>, name: string, value: string): Promise<void> {
  try {
    await locator.locator(`xpath=self::*[@${name}=${JSON.stringify(value)}]`).waitFor({ timeout: 10_000 });
  } catch {
    expect(await locator.getAttribute(name)).toBe(value);
  }
}
