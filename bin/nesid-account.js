#!/usr/bin/env node
"use strict";
let main;
try {
  ({ main } = require("../dist/node/cli/main.js"));
} catch (e) {
  if (e.code !== "MODULE_NOT_FOUND") throw e;
  process.stderr.write("nesid-account: CLI がビルドされていません。リポジトリで npm install（または npm run build:cli）を実行してください。\n");
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
