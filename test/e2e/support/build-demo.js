// Builds dist-demo/ (the pane with the stand-in Excel host) for an e2e run, in a child process started by the global
// setup, so that other tests run meanwhile; writes the outcome to the status file named on the command line:
// {"ok":true} or {"ok":false,"error":"…"}. Production semantics (mode, content-hashed chunk names, tree shaking,
// the CSP hashes) without Terser and source maps, which are most of the build's time and change nothing the journeys
// look at; `npm run build` and the benchmark minify.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");

const status = process.argv[2];
const done = (outcome) => fs.writeFileSync(status, JSON.stringify(outcome));

(async () => {
  const makeConfig = require(path.join(__dirname, "..", "..", "..", "webpack.demo.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  config.optimization = { ...config.optimization, minimize: false };
  config.devtool = false;
  const started = Date.now();
  webpack(config, (err, stats) => {
    if (err) return done({ ok: false, error: String(err.stack || err) });
    if (stats && stats.hasErrors()) return done({ ok: false, error: stats.toString({ all: false, errors: true }) });
    done({ ok: true, seconds: Math.round((Date.now() - started) / 1000) });
  });
})().catch((e) => done({ ok: false, error: String((e && e.stack) || e) }));
