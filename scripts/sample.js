#!/usr/bin/env node
// `npm run sample`: the CLI on the bundled sample form. The sample has planted problems, so the check's
// exit code 1 ("errors found") is the expected outcome here; only 2 (could not run) is a failure.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const args = ["check", path.join(root, "samples", "application-form.xlsx"), ...process.argv.slice(2)];
const run = spawnSync(process.execPath, [path.join(root, "bin", "nesid-account.js"), ...args], { stdio: "inherit" });
process.exitCode = run.status === 0 || run.status === 1 ? 0 : run.status ?? 2;
