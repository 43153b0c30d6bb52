// Once per e2e run: checks for Debian's Chromium and starts building the task pane with the stand-in host
// (dist-demo/) in a child process. The e2e files wait for it (support/await-build.ts); the test sequencer
// (test/support/sequencer.js) runs other tests first meanwhile, so both cores stay busy.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM } from "./support/browser";
import { BUILD_STATUS_ENV } from "./support/await-build";

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が見つかりません（${CHROMIUM}）。e2e テストには Debian の chromium が必要です: apt-get update && apt-get install -y chromium\n` +
        `Chromium not found at ${CHROMIUM}. The e2e tests need Debian's chromium: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const status = path.join(os.tmpdir(), `nesid-e2e-build-${process.pid}.json`);
  rmSync(status, { force: true });
  process.stdout.write("\ne2e: dist-demo/ のビルドを始めました / building the pane with the stand-in host in the background…\n");
  const child = spawn(process.execPath, [path.join(__dirname, "support", "build-demo.js"), status], { stdio: ["ignore", "inherit", "inherit"] });
  // The workers are started after this setup and inherit the variable; the teardown stops a build still running.
  process.env[BUILD_STATUS_ENV] = status;
  (globalThis as { __nesidDemoBuild?: typeof child }).__nesidDemoBuild = child;
}
