// Once per e2e run: checks for Debian's Chromium and builds the task pane with the stand-in host (dist-demo/),
// with webpack's Node API in production mode (not minified).
import { existsSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";
import { CHROMIUM } from "./support/browser";

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が見つかりません（${CHROMIUM}）。e2e テストには Debian の chromium が必要です: apt-get update && apt-get install -y chromium\n` +
        `Chromium not found at ${CHROMIUM}. The e2e tests need Debian's chromium: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const started = Date.now();
  process.stdout.write("\ne2e: dist-demo/ をビルドしています / building the pane with the stand-in host…\n");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(__dirname, "..", "..", "webpack.demo.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  // Production semantics (mode, content-hashed chunk names, tree shaking, the CSP hashes) without Terser and source
  // maps, which are most of the build's time and change nothing the journeys look at; \`npm run build\` minifies.
  config.optimization = { ...config.optimization, minimize: false };
  config.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(`dist-demo のビルドに失敗しました / demo build failed:\n${stats.toString({ all: false, errors: true })}`));
      resolve();
    });
  });
  process.stdout.write(`e2e: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
