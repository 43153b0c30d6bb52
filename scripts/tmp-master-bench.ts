import { startHarness } from "../test/e2e/harness/server";
import { launchBrowser } from "../test/e2e/support/browser";
import { masterFileFigures } from "./bench/pane-bench";
(async () => {
  const server = await startHarness();
  const session = await launchBrowser();
  try {
    session.page.on("worker", (w) => w.on("console", (m) => console.log("W", m.text())));
    session.page.on("console", (m) => { if (/WORKER|CTRL|FROMDATA/.test(m.text())) console.log("PAGE", m.text()); });
    await session.page.addInitScript({ content: "window.__name = (f) => f;" });
    const f = await masterFileFigures(session.page, server.url, (s) => console.error(s));
    for (const x of f) console.log(x.name, x.medianMs, x.note ?? "");
    if (session.errors.length) console.log(session.errors);
  } finally { await session.close(); await server.close(); }
})();
