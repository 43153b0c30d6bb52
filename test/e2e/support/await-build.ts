// Every e2e file waits, before its first test, for the background build of dist-demo/ started by the global setup.
import { existsSync, readFileSync } from "node:fs";

export const BUILD_STATUS_ENV = "NESID_E2E_BUILD_STATUS";

/** Resolves once dist-demo/ is built; throws the build's errors. Outside a jest e2e run (no status file named): at once. */
export async function demoBuilt(timeoutMs = 280_000): Promise<void> {
  const status = process.env[BUILD_STATUS_ENV];
  if (!status) return;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(status)) {
    if (Date.now() > deadline) throw new Error(`dist-demo のビルドが ${timeoutMs / 1000} 秒で終わりませんでした / the demo build did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const outcome = JSON.parse(readFileSync(status, "utf8")) as { ok: boolean; error?: string };
  if (!outcome.ok) throw new Error(`dist-demo のビルドに失敗しました / demo build failed:\n${outcome.error}`);
}
