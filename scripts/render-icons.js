#!/usr/bin/env node
// Renders assets/icon.svg (and assets/icon-small.svg for 16 px) to the PNG icons the manifest references.
// Uses playwright-core with the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Run it after editing an SVG:
//   node scripts/render-icons.js
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const assets = path.join(__dirname, "..", "assets");
const icons = [
  { size: 16, svg: "icon-small.svg" },
  { size: 32, svg: "icon.svg" },
  { size: 64, svg: "icon.svg" },
  { size: 80, svg: "icon.svg" },
  { size: 128, svg: "icon.svg" },
];

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "render-icons-"));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    for (const { size, svg } of icons) {
      const source = fs.readFileSync(path.join(assets, svg), "utf8");
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
      );
      const out = path.join(assets, `icon-${size}.png`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`${path.relative(process.cwd(), out)} (${size}×${size})`);
    }
  } finally {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
