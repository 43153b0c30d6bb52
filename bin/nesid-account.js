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
/**
 * Writes to stdout / stderr that end quietly when the reader goes away (`nesid-account check … | head`): the pipe's
 * EPIPE stops the writing to that stream, not the CLI, which finishes and exits with the code its report has.
 */
function quietWhenClosed(stream) {
  let closed = false;
  stream.on("error", (e) => {
    if (e && (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED")) {
      closed = true;
      return;
    }
    throw e;
  });
  return (s) => {
    if (!closed && !stream.destroyed) stream.write(s);
  };
}
const io = { out: quietWhenClosed(process.stdout), err: quietWhenClosed(process.stderr) };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    io.err(`nesid-account: 予期しないエラー: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
