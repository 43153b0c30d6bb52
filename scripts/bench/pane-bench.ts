// Pane figures for `npm run bench`: the built pane in Debian's Chromium against the stand-in Excel host with a
// 10,000-row form (test/e2e/harness, the host in test/support/stand-in), and the gzip size of what the pane loads at first paint.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { startHarness } from "../../test/e2e/harness/server";
import { CHROMIUM, launchBrowser } from "../../test/e2e/support/browser";
import type { Page } from "playwright-core";
import { generateMasters } from "../../test/support/generate-masters";
import { mastersWorkbook } from "../../test/support/generate-workbooks";
import { paneFrame, paneLocator } from "../../test/e2e/pane-support";
import type { Figure } from "./domain-bench";

const ROOT = path.join(__dirname, "..", "..");

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds (production, minified) so that the figures are of the code as shipped. dist/ is reused when newer than the
 * sources; dist-demo/ is always rebuilt, since the e2e tests leave an unminified build there.
 */
async function build(configFile: string, outDir: string, log: (s: string) => void, always = false): Promise<void> {
  const built = path.join(outDir, "taskpane.html");
  const sources = Math.max(newest(path.join(ROOT, "src")), newest(path.join(ROOT, "test", "e2e", "harness")), statSync(path.join(ROOT, configFile)).mtimeMs);
  if (!always && existsSync(built) && statSync(built).mtimeMs > sources) return;
  log(`${path.basename(outDir)}/ をビルドしています…`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require(path.join(ROOT, configFile));
  const config = typeof make === "function" ? await make({}, { mode: "production" }) : make;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve())),
  );
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface Harness {
  waitForSync(match?: (s: { writes: number }) => boolean, timeoutMs?: number): Promise<unknown>;
  timeEdit(sheet: string, address: string, value: string, timeoutMs?: number): Promise<number>;
  setCell(sheet: string, address: string, value: unknown): void;
  paneWindow(): Window | null;
}

/** Edit → pane: typing a value in the stand-in grid until the pane's summary shows the re-checked result. */
export async function runPaneBench(log: (s: string) => void): Promise<{ figures: Figure[]; lines: string[] }> {
  if (!existsSync(CHROMIUM)) {
    return { figures: [], lines: [`Chromium が見つからないため、ペインの計測を省略しました（${CHROMIUM}）。apt-get install -y chromium`] };
  }
  await build("webpack.demo.config.js", path.join(ROOT, "dist-demo"), log, true);
  await build("webpack.config.js", path.join(ROOT, "dist"), log);
  const server = await startHarness();
  const session = await launchBrowser();
  const figures: Figure[] = [];
  try {
    const { page } = session;
    // tsx (esbuild) wraps named functions in __name(); the callbacks below run in the page, which needs it too.
    await page.addInitScript({ content: "window.__name = (f) => f;" });
    log("10,000行の申請様式をハーネスで開いています…");
    const opened = Date.now();
    await page.goto(`${server.url}?rows=10000`);
    await page.waitForFunction(() => (window as unknown as { harness?: unknown }).harness !== undefined);
    await page.evaluate(() => (window as unknown as { harness: Harness }).harness.waitForSync((s) => s.writes > 0, 120000));
    const firstColour = Date.now() - opened;

    // Each round: clear a phone (the pane's summary must change: timed), then type it back (the row is re-coloured: timed).
    const paneUpdate: number[] = [];
    const recolour: number[] = [];
    for (let i = 0; i < 11; i++) {
      const value = "";
      const ms = await page.evaluate(async (v) => {
        const h = (window as unknown as { harness: Harness }).harness;
        const pane = h.paneWindow()!.document;
        const summary = () => pane.querySelector("[data-testid=summary]");
        const before = summary()?.getAttribute("data-check-version");
        const start = performance.now();
        h.setCell("申請様式", "C104", v);
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("pane did not update within 10 s")), 10000);
          const poll = () => {
            if (summary()?.getAttribute("data-check-version") !== before) {
              clearTimeout(timer);
              resolve();
            } else setTimeout(poll, 2);
          };
          poll();
        });
        return performance.now() - start;
      }, value);
      if (i > 0) paneUpdate.push(ms);
      await page.waitForTimeout(300);
      const back = "03-5555-0101";
      recolour.push(await page.evaluate((v) => (window as unknown as { harness: Harness }).harness.timeEdit("申請様式", "C104", v), back));
      await page.waitForTimeout(300);
    }
    figures.push({ name: "編集→ペイン更新（10,000行、ハーネス）", medianMs: median(paneUpdate), targetMs: 1000, runs: paneUpdate.length, note: "デバウンス150msを含む" });
    figures.push({ name: "編集→セルの色の更新（同）", medianMs: median(recolour), targetMs: 1000, runs: recolour.length });
    figures.push({ name: "10,000行を開いてから色付け完了まで", medianMs: firstColour, targetMs: 15000, runs: 1, note: "読み込み・全件チェック・書式" });
    figures.push(...(await masterFileFigures(page, server.url, log)));
    if (session.errors.length) log(`ペインのコンソールエラー: ${session.errors.join(" / ")}`);
  } finally {
    await session.close();
    await server.close();
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { measureBundle, formatReport } = require(path.join(ROOT, "scripts", "bundle-size.js"));
  const bundle = measureBundle(path.join(ROOT, "dist"));
  return { figures, lines: (formatReport(bundle) as string).split("\n") };
}

/**
 * A 180,000-row 全数 master .xlsx chosen in the pane's マスタ tab (read in the Worker): time until the pane reports it
 * loaded, the longest main-thread task of the pane meanwhile (PerformanceObserver 'longtask' in the pane's frame),
 * the pane page's peak JS heap (CDP Performance metrics, sampled every 50 ms; the worker's own heap is not in it),
 * then the first institution search in that master (from typing the query to the first option shown).
 */
export async function masterFileFigures(page: Page, url: string, log: (s: string) => void): Promise<Figure[]> {
  log("180,000行の全数マスタ（.xlsx）をペインで読み込んでいます…");
  const generated = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
  const buffer = await mastersWorkbook(generated);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { harness?: unknown }).harness !== undefined);
  await page.evaluate(() => (window as unknown as { harness: Harness }).harness.waitForSync((s) => s.writes > 0, 120000));
  const pane = paneLocator(page);
  await pane.getByRole("tab", { name: "マスタ" }).click();
  const frame = paneFrame(page);
  // Timed in the pane's frame: from the file input's change event (the file is in the browser) to the report shown.
  await frame.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __chosen: number; __loaded: number };
    w.__longTasks = [];
    w.__chosen = 0;
    w.__loaded = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask" });
    document.addEventListener("change", () => (w.__chosen = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (!w.__loaded && document.querySelector("[data-testid=master-load-report]")?.textContent?.includes("全数マスタ.xlsx")) w.__loaded = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const heap = async () => {
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  };
  let peakHeap = await heap();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakHeap = Math.max(peakHeap, await heap().catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "nesid-pane-bench-")), "全数マスタ.xlsx");
  writeFileSync(file, buffer);
  await pane.getByTestId("master-file-input").setInputFiles(file, { timeout: 120_000 });
  await pane.getByTestId("master-load-report").filter({ hasText: "全数マスタ.xlsx" }).waitFor({ timeout: 120_000 });
  rmSync(path.dirname(file), { recursive: true, force: true });
  const loadedMs = Math.round(await frame.evaluate(() => (window as unknown as { __loaded: number; __chosen: number }).__loaded - (window as unknown as { __chosen: number }).__chosen));
  await page.waitForTimeout(500);
  sampling = false;
  await sampler;
  const longTasks = await frame.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = Math.max(0, ...longTasks);
  const figures: Figure[] = [
    { name: "全数マスタ 180,000行（.xlsx）の読み込み（ペイン、Worker）", medianMs: loadedMs, targetMs: 3000, runs: 1, note: "ファイル選択（change）から読み込み報告の表示まで" },
    { name: "同・メインスレッドの最長タスク", medianMs: longest, targetMs: 200, runs: 1, note: `longtask ${longTasks.length}件: ${longTasks.map(Math.round).join(", ")} ms` },
    { name: "同・ペインの JS ヒープのピーク（MB を ms 欄に表示）", medianMs: Math.round(peakHeap / 1024 / 1024), targetMs: 200, runs: 1, note: "CDP JSHeapUsedSize、Worker を除く" },
  ];

  // The first search: a row whose 所属機関分類 (E) is 09 shows the 全数 picker; the query is a name far down the master.
  const row = await page.evaluate(() => {
    const h = (window as unknown as { harness: { getCell(s: string, a: string): { value: unknown } } }).harness;
    for (let r = 4; r <= 60; r++) if (String(h.getCell("申請様式", `E${r}`).value ?? "") === "09") return r;
    return 0;
  });
  const name = String(generated.zensu[150000]?.[1] ?? "");
  if (row === 0 || name === "") {
    log("E列が09の行が見つからないため、初回検索の計測を省略しました。");
    return figures;
  }
  await page.evaluate((r) => (window as unknown as { harness: { select(s: string, a: string): void } }).harness.select("申請様式", `B${r}`), row);
  const picker = pane.getByTestId("institution-picker");
  const box = picker.getByRole("combobox");
  await box.waitFor({ timeout: 30_000 });
  await box.click();
  const searchStart = Date.now();
  await box.fill(name);
  await pane.getByRole("option").first().waitFor({ timeout: 30_000 });
  figures.push({ name: "同・読み込み後の初回の医療機関検索", medianMs: Date.now() - searchStart, targetMs: 200, runs: 1, note: `「${name}」入力から候補表示まで（Playwright の往復を含む）` });
  return figures;
}
