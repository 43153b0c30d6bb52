// Three kinds of tests, one command (`npm test`):
//   unit — domain, CLI, excel layer (office-addin-mock), manifest: Node.
//   dom  — React components of the task pane: jsdom.
//   e2e  — the built task pane in Debian's Chromium (playwright-core) against the stand-in Excel host.
const ts = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/taskpane/"],
      transform: ts,
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts", "<rootDir>/test/taskpane/**/*.test.tsx"],
      transform: ts,
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
      transform: ts,
      // test/e2e/global-setup.ts starts building the pane + harness once per run; each e2e file waits for it.
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
      setupFilesAfterEnv: ["<rootDir>/test/e2e/support/wait-for-build.ts"],
    },
  ],
  testTimeout: 60000,
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Jest's default is one worker less than the cores: a single worker on this project's 2-core machines. Two keep both
  // cores busy (the tests are written to pass with a core taken by something else; see README).
  maxWorkers: 2,
  // A worker whose heap has grown past this after a file is replaced by a fresh one: the long-lived workers' heaps
  // (over 1 GB after the review and e2e files) made later files spend their time in the garbage collector.
  workerIdleMemoryLimit: "800MB",
};
