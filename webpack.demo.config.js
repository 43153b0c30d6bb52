// The demo/test build (`npm run demo`, e2e tests): the real task pane, built by webpack.config.js's settings,
// next to the stand-in Excel host (test/support/stand-in, framed by the page in test/e2e/harness). Output: dist-demo/
//   harness.html + harness.[hash].js   the grid page that frames the pane and holds the workbook model
//   taskpane.html + chunks             the pane exactly as in dist/
//   office-js/office.js                the stand-in instead of Microsoft's office.js (same path the pane loads)
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const paneConfig = require("./webpack.config");

const root = __dirname;

module.exports = async (env = {}, argv = {}) => {
  const base = await paneConfig(env, { ...argv, mode: argv.mode ?? "production" });
  const dev = base.mode === "development";
  return {
    ...base,
    entry: {
      ...base.entry,
      harness: "./test/e2e/harness/page/harness-page.ts",
      "office-standin": "./test/e2e/harness/office-entry.ts",
    },
    output: {
      ...base.output,
      path: path.join(root, "dist-demo"),
      // The stand-in must be one classic script at the path taskpane.html loads office.js from.
      filename: (data) => (data.chunk.name === "office-standin" ? "office-js/office.js" : dev ? "[name].js" : "[name].[contenthash:8].js"),
      clean: true,
    },
    optimization: {
      ...base.optimization,
      splitChunks: { chunks: (chunk) => chunk.name === "taskpane" },
    },
    plugins: [
      // The pane's pages and CSP plugin as in the real build; no office.js copy, no manifest.
      ...base.plugins.filter((p) => !(p instanceof CopyWebpackPlugin)),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true }] }),
      new HtmlWebpackPlugin({
        filename: "harness.html",
        template: "./test/e2e/harness/page/harness.html",
        chunks: ["harness"],
        inject: "body",
      }),
    ],
    devServer: undefined,
  };
};
