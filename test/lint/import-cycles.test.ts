// Import cycles are refused by `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs), type-only imports
// included: each planted pair of modules below is cruised with the project's own config and must fail; a one-way
// import must pass.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");
const DEPCRUISE = path.join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planted-cycle-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const r = spawnSync(process.execPath, [DEPCRUISE, dir, "--config", ".dependency-cruiser.cjs", "--output-type", "err"], { cwd: ROOT, encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it("npm run lint cruises src/ for cycles after eslint", () => {
  const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  expect(scripts.lint).toMatch(/depcruise src --config \.dependency-cruiser\.cjs/);
});

it.each([
  ["two modules importing each other's values", 'import { b } from "./b";\nexport const a = () => b;\n', 'import { a } from "./a";\nexport const b = () => a;\n'],
  ["two modules importing each other's types only", 'import type { B } from "./b";\nexport interface A { b?: B }\n', 'import type { A } from "./a";\nexport interface B { a?: A }\n'],
])("%s: lint fails with no-circular", (_name, a, b) => {
  const r = cruise({ "a.ts": a, "b.ts": b, "c.ts": 'import { a } from "./a";\nexport const c = a;\n' });
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(/no-circular: .*a\.ts/);
});

it("an import in one direction passes", () => {
  const r = cruise({ "a.ts": 'import type { B } from "./b";\nexport interface A { b?: B }\n', "b.ts": "export interface B { n: number }\n" });
  expect(r.output).toMatch(/no dependency violations/);
  expect(r.status).toBe(0);
});
