// Pane figures for `npm run bench`: the built pane in Debian's Chromium against the stand-in Excel host with a
// 10,000-row form (test/e2e/harness), and the gzip size of what the pane loads at first paint.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";
import { startHarness } from "../../test/e2e/harness/server";
import { CHROMIUM, launchBrowser } from "../../test/e2e/support/browser";
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

/** Builds when the output is missing or older than the sources, so the figures are of the code as it is. */
async function build(configFile: string, outDir: string, log: (s: string) => void): Promise<void> {
  const built = path.join(outDir, "taskpane.html");
  const sources = Math.max(newest(path.join(ROOT, "src")), newest(path.join(ROOT, "test", "e2e", "harness")), statSync(path.join(ROOT, configFile)).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
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
  await build("webpack.demo.config.js", path.join(ROOT, "dist-demo"), log);
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
