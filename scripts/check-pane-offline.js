#!/usr/bin/env node
// Loads the built task pane (dist/taskpane.html) in headless Chromium from a local HTTP server and fails if the page
// requests anything from another origin, breaks its Content-Security-Policy, or logs a console error.
// By default the URL carries the _host_Info Excel on Windows passes, so office.js takes the path it takes in Excel:
// it loads excel-win32-16.01.js and ja-jp/office_strings.js from office-js/ (it then waits for Excel, which is absent).
// --page=taskpane.html opens it as a plain browser would: office.js then runs its Office 2013 fallback, whose telemetry
// iframe (telemetryservice.firstpartyapps.oaspapps.com) the CSP refuses — reported, never requested.
//   node scripts/check-pane-offline.js [dist] [--page=…] [--wait=ms] [--click=selector]
"use strict";
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".map": "application/json", ".txt": "text/plain; charset=utf-8" };

/** Serves a directory on 127.0.0.1 (random port). Resolves to { url, close }. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

/**
 * Opens `page` (default taskpane.html) of `dist` and reports what happened.
 * @returns {Promise<{requests: string[], foreign: string[], failed: string[], consoleErrors: string[], cspViolations: string[], bodyText: string}>}
 */
const EXCEL_WIN32_PAGE = "taskpane.html?_host_Info=Excel$Win32$16.01$ja-JP$$$$0";

async function checkPane(dist, { page: pageName = EXCEL_WIN32_PAGE, waitMs = 3000, click, chromium: executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium" } = {}) {
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-check-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const report = { requests: [], foreign: [], failed: [], consoleErrors: [], cspViolations: [], bodyText: "" };
  try {
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    page.on("request", (r) => {
      report.requests.push(r.url());
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) report.foreign.push(r.url());
    });
    page.on("requestfailed", (r) => report.failed.push(`${r.url()} (${r.failure() && r.failure().errorText})`));
    page.on("response", (r) => r.status() >= 400 && report.failed.push(`${r.url()} (HTTP ${r.status()})`));
    page.on("console", (m) => m.type() === "error" && report.consoleErrors.push(m.text()));
    page.on("pageerror", (e) => report.consoleErrors.push(String(e && e.stack ? e.stack : e)));
    await page.exposeFunction("__reportCsp", (v) => report.cspViolations.push(v));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber})`),
      ),
    );
    await page.goto(server.url + pageName, { waitUntil: "load" });
    await page.waitForTimeout(waitMs);
    if (click) {
      await page.click(click);
      await page.waitForTimeout(waitMs);
    }
    report.bodyText = await page.evaluate(() => document.body.innerText);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return report;
}

module.exports = { checkPane, serve, EXCEL_WIN32_PAGE };

if (require.main === module) {
  const args = process.argv.slice(2);
  const dist = path.resolve(args.find((a) => !a.startsWith("--")) || path.join(__dirname, "..", "dist"));
  const opt = (name) => (args.find((a) => a.startsWith(`--${name}=`)) || "").split("=").slice(1).join("=") || undefined;
  checkPane(dist, { waitMs: Number(opt("wait") || 3000), click: opt("click"), page: opt("page") }).then(
    (r) => {
      console.log(`requests: ${r.requests.length} (all from the local server: ${r.foreign.length === 0 ? "yes" : "NO"})`);
      for (const [label, list] of [["foreign requests", r.foreign], ["failed requests", r.failed], ["CSP violations", r.cspViolations], ["console errors", r.consoleErrors]]) {
        if (list.length) console.log(`${label}:\n  ${list.join("\n  ")}`);
      }
      const bad = r.foreign.length + r.failed.length + r.cspViolations.length + r.consoleErrors.length;
      process.exitCode = bad ? 1 : 0;
    },
    (e) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
