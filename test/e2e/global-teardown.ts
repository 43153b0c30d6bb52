// Stops the background build of dist-demo/ if the run ended before it (no e2e file ran, or the run was stopped).
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { BUILD_STATUS_ENV } from "./support/await-build";

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __nesidDemoBuild?: ChildProcess }).__nesidDemoBuild;
  if (child && child.exitCode === null) child.kill();
  const status = process.env[BUILD_STATUS_ENV];
  if (status) rmSync(status, { force: true });
}
