// ESLint flat config: `npm run lint`.
// TypeScript: typescript-eslint recommended; Office.js usage: eslint-plugin-office-addins (its rules only — the
// plugin's own presets also switch on Prettier formatting, which this project does not use); React hooks rules.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "coverage/**", "test-output/**", "node_modules/**", "src/domain/text/jisx0208-table.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Japanese text legitimately contains U+3000 (全角スペース); only whitespace in the code itself is an error.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true, skipComments: true }],
      // Finding control characters in cells, CSV and mail headers is what the checks are for.
      "no-control-regex": "off",
    },
  },
  {
    // Office.js callers. Only here: elsewhere (domain, CLI, tests) `row.value`-style reads are exceljs objects,
    // which these heuristics would mistake for Office proxies.
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      // A proxy object's properties are only readable after load() and context.sync().
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // One sync per loop iteration multiplies round trips; chunked reads that must sync per chunk say so inline.
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
    },
  },
  // Layering: cli / taskpane → excel → domain, one direction. Each layer's imports and globals are restricted here,
  // so a violation fails `npm run lint` (test/lint/layering.test.ts plants one of each and expects the error).
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/excel", "**/excel/**", "**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**"], message: "src/domain は純粋な TypeScript です: excel / taskpane / cli を import しません。" },
            { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "react", "react-dom", "react-dom/*", "@fluentui/*"], message: "src/domain は Node・DOM・React に依存しません（ブラウザーの Worker と Node の両方で動きます）。" },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({ name, message: "Office.js を呼ぶのは src/excel だけです。" })),
        ...["window", "document", "navigator", "localStorage", "sessionStorage", "location", "Blob", "File", "FileReader", "HTMLElement", "process", "Buffer", "require"].map((name) => ({
          name,
          message: "src/domain は DOM や Node のグローバルを使いません。必要なものは引数で受け取ります。",
        })),
      ],
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**", "react", "react-dom", "react-dom/*", "@fluentui/*"], message: "src/excel は domain だけを使います（taskpane / cli / React は上の層）。" }] },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", ...["Office", "Excel", "OfficeExtension"].map((name) => ({ name, message: "Office.js を呼ぶのは src/excel だけです（ゲートウェイ経由で使います）。" }))],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/cli", "**/cli/**", "node:*"], message: "作業ウィンドウは CLI や Node のモジュールを使いません。" }] }],
      // Fluent's default layout="auto" renders one unwrapped line and wraps only when a ResizeObserver notices the
      // overflow — which it never does when the text of a mounted bar grows: the 320 px pane then scrolls sideways.
      "no-restricted-syntax": [
        "error",
        { selector: "JSXOpeningElement[name.name='MessageBar']:not(:has(JSXAttribute[name.name='layout']))", message: 'MessageBar には layout="multiline" を付けます（既定の auto は幅の狭いペインで横にはみ出します）。' },
      ],
    },
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/excel", "**/excel/**", "**/taskpane", "**/taskpane/**"], message: "CLI はドメインだけを使います（Excel も作業ウィンドウも使いません）。" }] }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // Node scripts and configs (CommonJS).
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Code that Playwright serialises into the browser page.
    files: ["scripts/check-pane-offline.js", "scripts/render-icons.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
