// bin/nesid-account.js tells apart "the CLI is not built" and "the CLI is built but a module it needs is missing".
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = path.join(__dirname, "../../bin/nesid-account.js");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the bin in a fresh folder, with `main` (if given) as its built CLI. */
function install(main?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "nesid-bin-"));
  dirs.push(root);
  mkdirSync(path.join(root, "bin"));
  copyFileSync(BIN, path.join(root, "bin", "nesid-account.js"));
  if (main !== undefined) {
    mkdirSync(path.join(root, "dist", "node", "cli"), { recursive: true });
    writeFileSync(path.join(root, "dist", "node", "cli", "main.js"), main);
  }
  return path.join(root, "bin", "nesid-account.js");
}

const run = (bin: string) => spawnSync(process.execPath, [bin, "check", "x.xlsx"], { encoding: "utf8" });

test("not built: says so and how to build", () => {
  const r = run(install());
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("CLI がビルドされていません");
});

test("built, but a dependency is missing: names the module, not 'not built'", () => {
  const r = run(install('require("papaparse-that-is-not-installed"); exports.main = async () => 0;'));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("必要なモジュール「papaparse-that-is-not-installed」が見つかりません");
  expect(r.stderr).not.toContain("ビルドされていません");
});

test("built and complete: runs main with the arguments and exits with its code", () => {
  const r = run(install('exports.main = async (argv, io) => { io.out(argv.join(" ")); return 1; };'));
  expect(r.status).toBe(1);
  expect(r.stdout).toBe("check x.xlsx");
});
