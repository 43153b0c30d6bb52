// The order of test files. Jest's own (slowest first, from the last run's timings) put the browser tests first, two at
// a time, and before them all waited for the pane's build. Here other tests run while the build goes on (started in
// the background by test/e2e/global-setup.ts), then each e2e file is followed by about as much other work, so the
// two workers rarely drive two browsers at once.
"use strict";
const Sequencer = require("@jest/test-sequencer").default;

const isE2e = (test) => /[\\/]test[\\/]e2e[\\/]/.test(test.path);
/** Other tests to run first, in ms of their last run (both workers, while the pane builds). */
const LEAD_MS = 45_000;

class PaneSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const e2e = sorted.filter(isE2e);
    const other = sorted.filter((t) => !isE2e(t));
    if (e2e.length === 0 || other.length === 0) return sorted;
    const out = [];
    const take = (ms) => {
      let sum = 0;
      while (other.length > 0 && sum < ms) {
        const t = other.shift();
        out.push(t);
        sum += t.duration ?? 3000;
      }
    };
    take(LEAD_MS);
    for (const t of e2e) {
      out.push(t);
      take(t.duration ?? 30_000);
    }
    out.push(...other);
    return out;
  }
}

module.exports = PaneSequencer;
