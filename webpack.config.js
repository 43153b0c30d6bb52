// Task pane build: `npm run build` (production), `npm run build:dev`, `npm run dev-server` / `npm start` (https://localhost:3000).
//
// dist/ after a build:
//   taskpane.html            the pane (CSP meta, compatibility check, office.js, module scripts)
//   *.[contenthash].js       entry chunks + one chunk per dynamic import()
//   office-js/               @microsoft/office-js/dist, served from our own origin (no Microsoft CDN on LGWAN)
//   assets/icon-*.png        manifest icons
//   help.html                SupportUrl / LearnMoreUrl page
//   manifest.xml             URLs rewritten to ADDIN_ORIGIN when it is set (default https://localhost:3000)
// dist/node/ belongs to the CLI build (tsc -p tsconfig.cli.json) and is kept.
//
// Reuse from another webpack config (e.g. webpack.demo.config.js):
//   const { scriptRules, resolve, ContentSecurityPolicyPlugin, officeJsCopyPattern } = require("./webpack.config");
//   module: { rules: scriptRules() }, resolve, plugins: [new HtmlWebpackPlugin(...), new ContentSecurityPolicyPlugin()]
"use strict";
const { createHash } = require("crypto");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const root = __dirname;

/** Module rules for our TypeScript/TSX: ts-loader, transpile only (type checking is `npm run typecheck`). */
function scriptRules() {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") },
      },
    },
  ];
}

/** Resolve settings matching tsconfig.json (extensionless relative imports). */
const resolve = {
  extensions: [".tsx", ".ts", ".js"],
};

/** Copies the whole office.js distribution next to our files: office.js loads host- and locale-specific scripts
 *  (excel-win32-16.01.js, ja-jp/office_strings.js, telemetry/…) from the folder it was loaded from. */
const officeJsCopyPattern = {
  from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
  to: "office-js",
  globOptions: { ignore: ["**/*.d.ts", "**/*vsdoc.js"] },
  // Copied byte for byte: without this Terser would re-minify 50 MB of Microsoft's scripts on every production build.
  info: { minimized: true },
};

/**
 * The origin (optionally with a path) the add-in is served from, for the manifest's URLs.
 * ADDIN_ORIGIN=https://addin.example.lg.jp/nesid → every https://localhost:3000 in manifest.xml becomes that.
 */
function addinOrigin(value) {
  if (!value) return DEV_ORIGIN;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_ORIGIN が URL ではありません / ADDIN_ORIGIN is not a URL: ${value}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_ORIGIN は https:// で始めてください（Office は https のアドインしか読み込みません）/ ADDIN_ORIGIN must be https: ${value}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_ORIGIN にクエリ・フラグメント・認証情報は書けません / ADDIN_ORIGIN must be a plain origin or base path: ${value}`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/** manifest.xml for the server at `origin`: its URLs moved there, and its comments (about the dev server) dropped. */
function manifestFor(xml, origin) {
  if (origin === DEV_ORIGIN) return xml;
  return xml.replace(/<!--[\s\S]*?-->\s*/g, "").split(DEV_ORIGIN).join(origin);
}

/**
 * Fills the Content-Security-Policy meta of each emitted HTML page with the sha256 of its inline <script> and
 * <style> elements, so the policy needs no 'unsafe-inline' for them. The template writes the tokens
 * 'inline-script-hashes' and 'inline-style-hashes' where the hashes go.
 * Runs after every minimizer (webpack's minimizer also rewrites inline scripts, and re-runs on assets added late,
 * like the HTML), so the hashes are those of the bytes the browser gets.
 */
class ContentSecurityPolicyPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ContentSecurityPolicyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER - 1 },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => n.endsWith(".html"))) {
            const html = assets[name].source().toString();
            if (!html.includes("'inline-script-hashes'") && !html.includes("'inline-style-hashes'")) continue;
            compilation.updateAsset(name, new sources.RawSource(withInlineHashes(html)));
          }
        },
      );
    });
  }
}

/** Replaces the CSP tokens in one HTML document by the hashes of its inline scripts and styles. */
function withInlineHashes(html) {
  const code = html.replace(/<!--[\s\S]*?-->/g, ""); // comments may mention <script> without being one
  const hashes = (re) =>
    [...new Set([...code.matchAll(re)].map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`))].join(" ");
  const scripts = hashes(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g);
  const styles = hashes(/<style[^>]*>([\s\S]*?)<\/style>/g);
  // Only inside the CSP meta's content (the tokens may also appear in comments that explain them).
  return html.replace(/(<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>)/i, (meta) =>
    meta.replace("'inline-script-hashes'", scripts).replace("'inline-style-hashes'", styles),
  );
}

async function devServerTransport() {
  const httpFallback = (reason) => {
    console.warn(
      [
        "",
        "⚠ HTTPS の開発用証明書を用意できなかったため、http://localhost:3000 で起動します。",
        "  Office は https のアドインしか読み込まないので、このままではサイドロードできません（ブラウザーでの画面確認だけできます）。",
        "  証明書を作るには: npx office-addin-dev-certs install → もう一度 npm start",
        "⚠ Could not get the HTTPS development certificate; serving on http://localhost:3000.",
        "  Office only loads https add-ins, so sideloading will not work (the pane can still be viewed in a browser).",
        "  To create the certificate: npx office-addin-dev-certs install, then npm start again.",
        `  (${reason})`,
        "",
      ].join("\n"),
    );
    return "http";
  };
  if (process.env.ADDIN_DEV_HTTP === "1") return httpFallback("ADDIN_DEV_HTTP=1");
  if (process.env.CI) return httpFallback("CI");
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    const { ca, key, cert } = await getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (e) {
    return httpFallback(e && e.message ? e.message.split("\n")[0] : String(e));
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const origin = addinOrigin(process.env.ADDIN_ORIGIN);
  return {
    mode: dev ? "development" : "production",
    context: root,
    // Plain source maps: eval-based devtools would need 'unsafe-eval' in the CSP.
    devtool: "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.join(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Relative URLs: the pane works from any base path (ADDIN_ORIGIN with a path) and the runtime does not
      // guess its location from <script> tags (which would find office.js).
      publicPath: "",
      clean: { keep: /^node[\\/]/ },
    },
    resolve,
    module: { rules: scriptRules() },
    optimization: { splitChunks: { chunks: "all" } },
    // Size is judged on gzip by scripts/bundle-size.js, not by webpack's uncompressed hints.
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        inject: "head",
        // IE11 (Trident) ignores module scripts, so it never parses the bundle; the inline check explains instead.
        scriptLoading: "module",
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", inject: false }),
      new ContentSecurityPolicyPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          officeJsCopyPattern,
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString("utf8"), origin),
          },
        ],
      }),
    ],
    devServer: {
      // Only this PC: Excel (desktop or in the browser) loads the pane from localhost.
      host: "localhost",
      port: DEV_PORT,
      server: env.WEBPACK_SERVE ? await devServerTransport() : "http",
      static: false,
      hot: false,
      liveReload: true,
      // The error overlay injects inline styles, which the pane's CSP refuses; errors still go to the console.
      client: { overlay: false, logging: "warn" },
    },
  };
};

Object.assign(module.exports, { scriptRules, resolve, officeJsCopyPattern, addinOrigin, manifestFor, ContentSecurityPolicyPlugin, withInlineHashes, DEV_ORIGIN });
