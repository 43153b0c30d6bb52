// Preloaded into a benchmark child process (node -r): at exit, prints its wall time since start, its CPU time
// (user + system: steadier than wall time on a shared machine) and its peak RSS.
"use strict";
process.on("exit", () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  const cpuMs = (userCPUTime + systemCPUTime) / 1000;
  process.stderr.write(`\nBENCH-RESULT ${JSON.stringify({ ms: performance.now(), cpuMs, maxRssKB: maxRSS })}\n`);
});
