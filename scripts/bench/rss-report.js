// Preloaded into a benchmark child process (node -r): at exit, prints its wall time since start and its peak RSS.
"use strict";
process.on("exit", () => {
  const { maxRSS } = process.resourceUsage();
  process.stderr.write(`\nBENCH-RESULT ${JSON.stringify({ ms: performance.now(), maxRssKB: maxRSS })}\n`);
});
