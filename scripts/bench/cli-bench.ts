// CLI figures for `npm run bench`: `nesid-account check` end to end on a generated 10,000-row form against a
// 180,000-row 全数 master file, side by side with a bare exceljs parse of the same two files, each in its own
// child process (wall time from process start, peak RSS from process.resourceUsage().maxRSS). Printed, not asserted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateForm } from "../../test/support/generate-form-rows";
import { generateMasters } from "../../test/support/generate-masters";
import { formWorkbook, mastersWorkbook } from "../../test/support/generate-workbooks";

const root = path.join(__dirname, "..", "..");
const preload = path.join(__dirname, "rss-report.js");

export interface ProcessFigure {
  name: string;
  medianMs: number;
  medianCpuMs: number;
  maxRssMB: number;
  runs: number;
  exitCode: number | null;
}

function runChild(args: string[]): { ms: number; cpuMs: number; maxRssKB: number; status: number | null } {
  const r = spawnSync(process.execPath, ["-r", preload, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const line = (r.stderr ?? "").split("\n").reverse().find((l) => l.startsWith("BENCH-RESULT "));
  if (!line) throw new Error(`benchmark child failed: ${args.join(" ")}\n${r.stderr}`);
  const { ms, cpuMs, maxRssKB } = JSON.parse(line.slice("BENCH-RESULT ".length)) as { ms: number; cpuMs: number; maxRssKB: number };
  return { ms, cpuMs, maxRssKB, status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measureChild(name: string, args: string[], runs: number): ProcessFigure {
  const results = Array.from({ length: runs }, () => runChild(args));
  return { name, medianMs: median(results.map((r) => r.ms)), medianCpuMs: median(results.map((r) => r.cpuMs)), maxRssMB: Math.max(...results.map((r) => r.maxRssKB)) / 1024, runs, exitCode: results[0].status };
}

/** The CLI build is used as installed (bin/nesid-account.js → dist/node); it is rebuilt when missing. */
function ensureCliBuilt(log: (s: string) => void): void {
  if (existsSync(path.join(root, "dist", "node", "cli", "main.js"))) return;
  log("CLI をビルドしています（npm run build:cli）…");
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build:cli failed");
}

export async function runCliBench(log: (s: string) => void, runs = 3): Promise<{ figures: ProcessFigure[]; lines: string[]; missed: string[] }> {
  ensureCliBuilt(log);
  const dir = mkdtempSync(path.join(os.tmpdir(), "nesid-bench-"));
  try {
    log("ファイルを生成しています（申請様式 10,000 行、全数マスタ 180,000 行の .xlsx）…");
    const generated = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
    const form = path.join(dir, "form.xlsx");
    const masters = path.join(dir, "masters.xlsx");
    writeFileSync(form, await formWorkbook(generateForm(10000, generated)));
    writeFileSync(masters, await mastersWorkbook(generated));
    const size = (p: string) => `${(statSync(p).size / 1024 / 1024).toFixed(1)} MB`;
    log(`計測しています（各 ${runs} 回、子プロセス）…`);
    const cli = measureChild("nesid-account check（全体）", ["bin/nesid-account.js", "check", form, "--masters", masters, "--json"], runs);
    const reader = measureChild("読み込みのみ（新リーダー）", [path.join(__dirname, "reader-parse.js"), form, masters], runs);
    const exceljs = measureChild("exceljs の読み込みのみ", [path.join(__dirname, "exceljs-parse.js"), form, masters], runs);
    const ratio = cli.medianMs / exceljs.medianMs;
    const cpuRatio = cli.medianCpuMs / exceljs.medianCpuMs;
    const lines = [
      `入力: 申請様式 ${size(form)}、マスタ ${size(masters)}`,
      `check ÷ exceljs 読み込み = 経過時間 ${ratio.toFixed(2)}・CPU時間 ${cpuRatio.toFixed(2)}（目標 ≤ 0.25）[${ratio <= 0.25 ? "OK" : "目標超過"}]`,
      `check のピーク RSS ${cli.maxRssMB.toFixed(0)} MB（目標 ≤ 400 MB）[${cli.maxRssMB <= 400 ? "OK" : "目標超過"}]`,
    ];
    const missed = [
      ...(ratio <= 0.25 ? [] : [`check ÷ exceljs 読み込み: ${ratio.toFixed(2)}（目標 ≤ 0.25）`]),
      ...(cli.maxRssMB <= 400 ? [] : [`check のピーク RSS: ${cli.maxRssMB.toFixed(0)} MB（目標 ≤ 400 MB）`]),
    ];
    return { figures: [cli, reader, exceljs], lines, missed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
