// `npm run bench`: prints the product's performance figures (median of several runs) against their targets.
import { runDomainBench, type Figure } from "./bench/domain-bench";

function print(figures: Figure[]): void {
  for (const f of figures) {
    const ok = f.medianMs <= f.targetMs ? "OK" : "目標超過";
    const note = f.note ? `  (${f.note})` : "";
    console.log(`${f.name.padEnd(28, "　")} ${f.medianMs.toFixed(2).padStart(9)} ms  目標 < ${f.targetMs} ms  [${ok}]  n=${f.runs}${note}`);
  }
}

async function main(): Promise<void> {
  const log = (s: string) => process.stderr.write(s + "\n");
  console.log(`nesid-account bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log("■ ドメイン（チェックエンジン）");
  print(runDomainBench(log));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
