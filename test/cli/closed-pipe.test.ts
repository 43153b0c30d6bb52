// `nesid-account check … | head`: the reader closing the pipe ends the CLI quietly (no EPIPE, no stack trace),
// with the exit code its report has. Runs the built CLI (bin/nesid-account.js → dist/node), built here when stale.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateForm } from "../support/generate-form-rows";
import { generateMasters } from "../support/generate-masters";
import { formWorkbook } from "../support/generate-workbooks";
import { SAMPLE_FORM } from "../support/samples";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "nesid-account.js");
const BUILT = path.join(ROOT, "dist", "node", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `nesid-account ARGS | head -1` in bash; status is the CLI's own (PIPESTATUS[0]), not head's. */
function throughHead(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" ${quoted} | head -1; exit \${PIPESTATUS[0]}`], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let large: string;
beforeAll(async () => {
  let built = 0;
  try {
    built = statSync(BUILT).mtimeMs;
  } catch {
    // not built
  }
  if (built < newestSource(path.join(ROOT, "src"))) execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT });
  dir = mkdtempSync(path.join(tmpdir(), "nesid-pipe-"));
  large = path.join(dir, "large.xlsx");
  const masters = generateMasters();
  writeFileSync(large, await formWorkbook(generateForm(10000, masters), masters));
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI's output read by `head -1`", () => {
  it("check on the sample form: first line printed, nothing on stderr, exit 1 as the report has errors", () => {
    const r = throughHead(["check", SAMPLE_FORM]);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.status).toBe(1);
  });

  it("check on a 10,000-row form (a report larger than the pipe's buffer): quiet, exit 1", () => {
    const whole = spawnSync(process.execPath, [BIN, "check", large], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(whole.status).toBe(1);
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(1 << 16);
    const r = throughHead(["check", large]);
    expect(r.stderr).toBe("");
    expect(r.stderr).not.toContain("EPIPE");
    expect(r.status).toBe(1);
  });

  it("check --json on the 10,000-row form: quiet, exit 1", () => {
    const r = throughHead(["check", large, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
  });

});
