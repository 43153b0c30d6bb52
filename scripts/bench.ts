// `npm run bench`: prints the product's performance figures (median of several runs) against their targets, and exits
// with code 1 when any figure misses its target (`--no-fail` prints the same and exits 0). `--domain`: the engine
// only; `--cli`: the engine and the CLI end to end.
import { runCliBench } from "./bench/cli-bench";
import { runDomainBench, type Figure } from "./bench/domain-bench";
import { runPaneBench } from "./bench/pane-bench";

const missed: string[] = [];

function print(figures: Figure[]): void {
  for (const f of figures) {
    if (f.medianMs > f.targetMs) missed.push(`${f.name}: ${f.medianMs.toFixed(2)} ms（目標 < ${f.targetMs} ms）`);
    const ok = f.medianMs <= f.targetMs ? "OK" : "目標超過";
    const note = f.note ? `  (${f.note})` : "";
    console.log(`  ${f.name.padEnd(26, "　")} ${(f.medianMs < 1 ? f.medianMs.toFixed(3) : f.medianMs.toFixed(2)).padStart(9)} ms  目標 < ${f.targetMs} ms  [${ok}]  n=${f.runs}${note}`);
  }
}

async function main(): Promise<void> {
  const log = (s: string) => process.stderr.write(s + "\n");
  const onlyDomain = process.argv.includes("--domain");
  console.log(`nesid-account bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log("■ ドメイン（チェックエンジン）");
  print(runDomainBench(log));
  if (!onlyDomain) await cliFigures(log);
  if (!onlyDomain && !process.argv.includes("--cli")) await paneFigures(log);
  if (missed.length > 0) {
    console.log(`目標を超えた項目: ${missed.length}件`);
    for (const m of missed) console.log(`  ${m}`);
    if (!process.argv.includes("--no-fail")) process.exitCode = 1;
  } else {
    console.log("すべての項目が目標内です。");
  }
}

async function cliFigures(log: (s: string) => void): Promise<void> {
  console.log("■ CLI（.xlsx の読み込みから結果まで、子プロセス）");
  const cli = await runCliBench(log);
  for (const f of cli.figures) {
    console.log(`  ${f.name.padEnd(20, "　")} ${f.medianMs.toFixed(0).padStart(7)} ms（CPU ${f.medianCpuMs.toFixed(0).padStart(6)} ms）  ピーク RSS ${f.maxRssMB.toFixed(0).padStart(5)} MB  n=${f.runs}`);
  }
  for (const line of cli.lines) console.log(`  ${line}`);
  missed.push(...cli.missed);
}

async function paneFigures(log: (s: string) => void): Promise<void> {
  console.log("■ 作業ウィンドウ（Chromium + スタンドインExcel）");
  const pane = await runPaneBench(log);
  print(pane.figures);
  console.log("■ 作業ウィンドウのバンドル（gzip）");
  for (const line of pane.lines) console.log(`  ${line}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
