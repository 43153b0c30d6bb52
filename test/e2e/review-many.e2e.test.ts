// Step ① with 50 submissions at 350 px: the overview stays a list of compact cards (no finding open, the 判定 box in
// each card's first lines) and the filter by decision or errors narrows it. Screenshot: test-output/screenshots/review-many-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FrameLocator } from "playwright-core";
import { keepRows, otherInstitution, removeSheet, setCell, type Edit } from "../domain/review/submitted-files";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";
import { startHarness, type HarnessServer } from "./harness/server";
import { paneScreenshot, setPaneWidth } from "./pane-support";
import { launchBrowser, type BrowserSession } from "./support/browser";

const COUNT = 50;
const MASTER_SHEETS = ["保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"];
const dir = mkdtempSync(path.join(tmpdir(), "review-many-"));
let server: HarnessServer;
let session: BrowserSession;
let files: string[];

beforeAll(async () => {
  // Fifty different files (the same file twice is not imported again): two institutions' forms, each with its own
  // contact address in row 4. The files carry no master sheets (the reviewer's workbook has them: samples/masters.xlsx),
  // so that writing fifty of them stays cheap: the sample is read once per institution, each file only written.
  const institutions = await Promise.all([[], [otherInstitution, keepRows(4, 7)]].map(async (edits: Edit[]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE_FORM) as unknown as ArrayBuffer);
    for (const e of [...edits, ...MASTER_SHEETS.map((name) => removeSheet(name))]) e(wb);
    return wb;
  }));
  files = [];
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(dir, `申請${String(i + 1).padStart(2, "0")}.xlsx`);
    const wb = institutions[i % 2];
    setCell("D4", `person${i}@example-hosp.jp`)(wb);
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  server = await startHarness({ workbook: SAMPLE_MASTERS });
  session = await launchBrowser();
  await session.page.goto(server.url);
  await setPaneWidth(session.page, 350);
  await pane().getByRole("tab", { name: "審査（自治体）" }).click();
  await pane().getByRole("button", { name: "申請様式を取り込む" }).waitFor();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pane = (): FrameLocator => session.page.frameLocator("#pane");

test("50 submissions: compact cards, findings folded, 判定 near each card's top, and the filter narrows the list", async () => {
  const p = pane();
  await p.getByTestId("review-file-input").setInputFiles(files);
  await p.locator(`[data-testid="submission"][data-id="S0${COUNT}"]`).waitFor({ timeout: 240_000 });
  expect(await p.getByTestId("review-finding").count()).toBe(0);
  const measure = () =>
    p.getByTestId("submission-list").evaluate((list) => {
      const cards = [...list.querySelectorAll<HTMLElement>('[data-testid="submission"]')];
      const heights = cards.map((c) => c.getBoundingClientRect().height);
      const decision = cards.map((c) => c.querySelector("select")!.getBoundingClientRect().top - c.getBoundingClientRect().top);
      return { cards: cards.length, list: Math.round(list.getBoundingClientRect().height), maxCard: Math.round(Math.max(...heights)), maxDecision: Math.round(Math.max(...decision)) };
    });
  const all = await measure();
  console.log(`350 px, ${COUNT} submissions: list ${all.list} px, tallest card ${all.maxCard} px, 判定 at most ${all.maxDecision} px below a card's top`);
  expect(all.cards).toBe(COUNT);
  expect(all.maxCard).toBeLessThan(600);
  expect(all.maxDecision).toBeLessThan(220);
  await paneScreenshot(session.page, "review-many-01-overview-350");

  const filter = p.getByTestId("submission-filter");
  const label = async (name: string) => (await filter.locator(".fui-Radio").filter({ hasText: name }).textContent()) ?? "";
  expect(await label("すべて")).toBe(`すべて（${COUNT}）`);
  const errors = Number(/（(\d+)）/.exec(await label("エラーあり"))![1]);
  expect(errors).toBeGreaterThan(0);
  await filter.getByRole("radio", { name: /^エラーあり/ }).check();
  await p.locator('[data-testid="submission"]').nth(errors).waitFor({ state: "detached" });
  expect(await p.locator('[data-testid="submission"]').count()).toBe(errors);
  // One line per filter label: 「すべて（50）」 never wraps inside.
  const wrapped = await filter.locator(".fui-Radio label").evaluateAll((labels) =>
    labels
      .filter((l) => {
        const range = document.createRange();
        range.selectNodeContents(l);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((l) => l.textContent),
  );
  expect(wrapped).toEqual([]);
  const filtered = await measure();
  console.log(`  filtered to エラーあり: ${filtered.cards} cards, list ${filtered.list} px`);
  await paneScreenshot(session.page, "review-many-02-errors-350");
}, 300_000);
