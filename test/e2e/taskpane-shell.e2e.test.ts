// The task pane's HTML shell (src/taskpane/taskpane.html as built into dist-demo/ by the real webpack settings):
// its Content-Security-Policy, and what a user sees when the webview cannot run the pane (IE11, EdgeHTML, an old
// engine, a bundle that does not parse, a bundle that never arrives, JavaScript off).
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { launchBrowser, type BrowserSession } from "./support/browser";
import { startHarness, type HarnessServer } from "./harness/server";

let server: HarnessServer;
let session: BrowserSession;
let paneUrl: string;

beforeAll(async () => {
  server = await startHarness();
  session = await launchBrowser();
  paneUrl = server.url.replace(/harness\.html$/, "taskpane.html");
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A fresh page in its own context, so init scripts, routes and user agents do not leak between tests. */
async function freshPage(options: { userAgent?: string; javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; violations: string[]; done: () => Promise<void> }> {
  const context = await session.browser.newContext({ locale: "ja-JP", ...options });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  return { page, violations, done: () => context.close() };
}

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

test("the CSP allows only our origin and the exact inline script and style of the page", async () => {
  const html = await (await fetch(paneUrl)).text();
  const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]));
  const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));

  expect(inlineScripts).toHaveLength(1);
  expect(directives["default-src"]).toEqual(["'none'"]);
  expect(directives["script-src"]).toEqual(["'self'", ...inlineScripts]);
  // The empty-string hash admits Griffel's empty <style> elements (filled through CSSOM), nothing else.
  expect(directives["style-src"]).toEqual(["'self'", ...inlineStyles, sha("")]);
  expect(directives["connect-src"]).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
});

test("in a working webview the shell raises no CSP violation and the pane replaces the loading text", async () => {
  const { page, violations, done } = await freshPage();
  try {
    await page.goto(server.url);
    const pane = page.frameLocator("iframe").first();
    await pane.locator("#root").waitFor();
    await page.waitForFunction(() => {
      const frame = document.querySelector("iframe") as HTMLIFrameElement | null;
      const doc = frame?.contentDocument;
      return !!doc && !doc.getElementById("boot") && (doc.getElementById("root")?.childElementCount ?? 0) > 0;
    });
    expect((await pane.locator("html").getAttribute("class")) ?? "").not.toMatch(/unsupported|slow/);
    // zod probes `new Function` once (caught) unless z.config({ jitless: true }) runs first; nothing else may be refused.
    expect(violations.filter((v) => !v.startsWith("script-src eval"))).toEqual([]);
  } finally {
    await done();
  }
});

describe("a webview that cannot run the pane gets a Japanese explanation instead of a blank panel", () => {
  test("Internet Explorer 11 (Trident: volume-licensed Office 2016/2019)", async () => {
    const { page, done } = await freshPage();
    try {
      await page.addInitScript(() => Object.defineProperty(document, "documentMode", { value: 11 }));
      await page.goto(paneUrl);
      const text = await visibleText(page);
      expect(text).toContain("この Excel では作業ウィンドウを表示できません");
      expect(text).toContain("Internet Explorer 11 の部品");
      expect(text).toContain("Excel on the web");
      expect(text).not.toContain("旧版 Microsoft Edge");
      expect(await page.locator("#root").isVisible()).toBe(false);
    } finally {
      await done();
    }
  });

  test("EdgeHTML (Edge Legacy: retail Office 2016/2019 without WebView2)", async () => {
    const edge18 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
    const { page, done } = await freshPage({ userAgent: edge18 });
    try {
      await page.goto(paneUrl);
      const text = await visibleText(page);
      expect(text).toContain("旧版 Microsoft Edge（EdgeHTML）");
      expect(text).toContain("WebView2 ランタイム");
      expect(text).not.toContain("Internet Explorer 11 の部品");
    } finally {
      await done();
    }
  });

  test("an engine without the ES2022 built-ins the bundle needs", async () => {
    const { page, done } = await freshPage();
    try {
      await page.addInitScript(() => {
        delete (Object as { hasOwn?: unknown }).hasOwn;
      });
      await page.goto(paneUrl);
      expect(await visibleText(page)).toContain("この画面の表示に必要なブラウザー機能が足りません");
    } finally {
      await done();
    }
  });

  test("a bundle the engine cannot parse", async () => {
    const { page, done } = await freshPage();
    try {
      await page.route(/\/taskpane\.[0-9a-f]+\.js$|\/taskpane\.js$/, (route) =>
        route.fulfill({ contentType: "text/javascript", body: "class C { static { this.x = 1 } #y; ?? }" }),
      );
      await page.goto(paneUrl);
      await page.waitForFunction(() => document.documentElement.className.includes("unsupported"));
      expect(await visibleText(page)).toContain("この画面の表示に必要なブラウザー機能が足りません");
    } finally {
      await done();
    }
  });

  test("a bundle that never arrives: after 20 s the loading text says what to do", async () => {
    const { page, done } = await freshPage();
    try {
      await page.clock.install();
      await page.route(/\.js$/, (route) => (route.request().url().includes("/office-js/") ? route.continue() : route.abort()));
      await page.goto(paneUrl);
      expect(await visibleText(page)).toContain("読み込んでいます");
      expect(await visibleText(page)).not.toContain("読み込みに時間がかかっています");
      await page.clock.fastForward(21_000);
      expect(await visibleText(page)).toContain("読み込みに時間がかかっています");
    } finally {
      await done();
    }
  });

  test("JavaScript turned off", async () => {
    const { page, done } = await freshPage({ javaScriptEnabled: false });
    try {
      await page.goto(paneUrl);
      expect(await visibleText(page)).toContain("JavaScript が無効になっています");
    } finally {
      await done();
    }
  });
});
