#!/usr/bin/env node
"use strict";
const path = require("node:path");

const entry = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
let main;
try {
  require.resolve(entry);
} catch {
  process.stderr.write("nesid-account: CLI がビルドされていません。リポジトリで npm install（または npm run build:cli）を実行してください。\n");
  process.exit(2);
}
try {
  ({ main } = require(entry));
} catch (e) {
  if (e.code !== "MODULE_NOT_FOUND") throw e;
  // The CLI is built, but something it needs is not installed: name it.
  const missing = /'([^']+)'/.exec(String(e.message))?.[1] ?? String(e.message).split("\n")[0];
  process.stderr.write(`nesid-account: 必要なモジュール「${missing}」が見つかりません。リポジトリで npm install を実行してください。\n`);
  process.exit(2);
}
main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`nesid-account: 予期しないエラー: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
