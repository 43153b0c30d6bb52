#!/usr/bin/env node
// Gzip size of the built task pane (run `npm run build` first; this script builds nothing).
//   node scripts/bundle-size.js [dist] [--json]
// First paint = taskpane.html and the scripts and stylesheets it references itself (office.js excluded: it is
// Microsoft's, served from office-js/ and cached separately). Lazy chunks (dynamic import()) are listed apart.
// Exit code 1 when the first-paint total is over the budget (350 KB gzipped), 2 when dist/ is not built.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_BYTES = 350 * 1024;

const gzipBytes = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

/**
 * Measures a built dist/ folder.
 * @param {string} dist folder holding taskpane.html and the chunks
 * @returns {{ initial: {file: string, bytes: number, gzip: number}[], lazy: {file: string, bytes: number, gzip: number}[],
 *             initialGzip: number, lazyGzip: number, budget: number, withinBudget: boolean }}
 */
function measureBundle(dist) {
  const htmlPath = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlPath)) throw new Error(`${htmlPath} がありません。先に npm run build を実行してください / run npm run build first`);
  const html = fs.readFileSync(htmlPath, "utf8");
  const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")) || []).slice(1).find(Boolean);
  // Attributes may be unquoted: the production HTML is minified.
  const referenced = [...html.matchAll(/<script\b[^>]*>|<link\b[^>]*>/gi)]
    .map((m) => (m[0].startsWith("<script") ? attr(m[0], "src") : /stylesheet/i.test(attr(m[0], "rel") || "") ? attr(m[0], "href") : undefined))
    .filter(Boolean)
    .map((src) => decodeURI(src))
    .filter((src) => !/^[a-z]+:|^\/\//i.test(src) || fail(`taskpane.html loads ${src} from another origin`))
    .filter((src) => !src.startsWith("office-js/"));
  const entry = (file) => {
    const buffer = fs.readFileSync(path.join(dist, file));
    return { file, bytes: buffer.length, gzip: gzipBytes(buffer) };
  };
  const initial = ["taskpane.html", ...referenced].map(entry);
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => /\.(js|css)$/.test(f) && !referenced.includes(f))
    .sort()
    .map(entry);
  const initialGzip = initial.reduce((n, e) => n + e.gzip, 0);
  return {
    initial,
    lazy,
    initialGzip,
    lazyGzip: lazy.reduce((n, e) => n + e.gzip, 0),
    budget: BUDGET_BYTES,
    withinBudget: initialGzip <= BUDGET_BYTES,
  };
}

function fail(message) {
  throw new Error(message);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function formatReport(r) {
  const rows = (list) => list.map((e) => `  ${e.file.padEnd(40)} ${kb(e.bytes).padStart(10)} ${kb(e.gzip).padStart(10)} gz`);
  return [
    "first paint (taskpane.html, office.js excluded):",
    ...rows(r.initial),
    `  total ${kb(r.initialGzip)} gzipped — budget ${kb(r.budget)}: ${r.withinBudget ? "OK" : "OVER"}`,
    "lazy chunks:",
    ...(r.lazy.length ? rows(r.lazy) : ["  (none)"]),
    `  total ${kb(r.lazyGzip)} gzipped`,
  ].join("\n");
}

module.exports = { measureBundle, formatReport, BUDGET_BYTES };

if (require.main === module) {
  const args = process.argv.slice(2);
  const dist = path.resolve(args.find((a) => !a.startsWith("--")) || path.join(__dirname, "..", "dist"));
  let report;
  try {
    report = measureBundle(dist);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  console.log(args.includes("--json") ? JSON.stringify(report, null, 2) : formatReport(report));
  process.exitCode = report.withinBudget ? 0 : 1;
}
