#!/usr/bin/env node
// npm run demo: the task pane next to a stand-in Excel host in the browser, without Excel.
//   npm run demo                      samples/application-form.xlsx, ExcelApi 1.17, http://localhost:3100
//   npm run demo -- --workbook my.xlsx --excel-api 1.8 --port 3200
// Builds dist-demo/ first when it is missing or older than the sources. Listens on 127.0.0.1 only.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function needsBuild() {
  const built = path.join(root, "dist-demo", "harness.html");
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(
    newest(path.join(root, "src")),
    newest(path.join(root, "test", "e2e", "harness")),
    newest(path.join(root, "test", "support", "stand-in")),
    fs.statSync(path.join(root, "webpack.config.js")).mtimeMs,
    fs.statSync(path.join(root, "webpack.demo.config.js")).mtimeMs,
  );
  return sources > fs.statSync(built).mtimeMs;
}

async function main() {
  const port = Number(arg("port", "3100"));
  const workbook = path.resolve(arg("workbook", path.join(root, "samples", "application-form.xlsx")));
  const excelApi = arg("excel-api", "1.17");
  if (!fs.existsSync(workbook)) {
    console.error(`ブック「${workbook}」が見つかりません / workbook not found: ${workbook}`);
    process.exit(2);
  }
  if (needsBuild()) {
    console.log("デモ用にビルドしています（1〜2分）… / building the demo (1-2 minutes)…");
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.demo.config.js", "--mode", "production"], {
      cwd: root,
      stdio: "inherit",
    });
    if (r.status !== 0) {
      console.error("ビルドに失敗しました / build failed");
      process.exit(r.status ?? 1);
    }
  }
  require("tsx/cjs/api").register();
  const { startHarness } = require("../test/e2e/harness/server.ts");
  const server = await startHarness({ port, workbook, excelApi });
  const url = server.url.replace("127.0.0.1", "localhost");
  console.log("");
  console.log(`Excel 代替ホストで作業ウィンドウを試せます: ${url}`);
  console.log(`Try the task pane with the stand-in Excel host: ${url}`);
  console.log(`  Office 2019 相当（ExcelApi 1.8）/ as Office 2019: ${url}?excelApi=1.8`);
  console.log(`  10,000 行の様式 / a 10,000-row form: ${url}?rows=10000`);
  console.log("終了するには Ctrl+C / Ctrl+C to stop");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});
