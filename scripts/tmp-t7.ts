import { launchBrowser } from "../test/e2e/support/browser";
import { readFileSync } from "node:fs";
import { readZipDirectory, entryData } from "../src/domain/workbook/zip";
(async () => {
  const bytes = new Uint8Array(readFileSync("/tmp/m180k.xlsx"));
  const dir = readZipDirectory(bytes); if (!dir.ok) throw 1;
  const e = dir.entries.get("xl/worksheets/sheet2.xml")!;
  const data = entryData(bytes, e)!;
  const s = await launchBrowser();
  await s.page.goto("about:blank");
  await s.page.addScriptTag({ content: readFileSync("node_modules/fflate/umd/index.js", "utf8") });
  const b64 = Buffer.from(data).toString("base64");
  const r = await s.page.evaluate(async ({ b64, size }) => {
    const bin = atob(b64); const d = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) d[i] = bin.charCodeAt(i);
    const out: Record<string, number> = {};
    let t = performance.now();
    const a = (window as any).fflate.inflateSync(d, { out: new Uint8Array(size) });
    out.fflate = performance.now() - t;
    t = performance.now();
    const st = new Blob([d]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    const buf = await new Response(st).arrayBuffer();
    out.native = performance.now() - t;
    t = performance.now();
    const reader = new Blob([d]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const res = new Uint8Array(size); let n = 0; let chunks = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; res.set(value, n); n += value.length; chunks++; }
    out.nativeReader = performance.now() - t; out.chunks = chunks;
    out.ok = a.length === buf.byteLength && n === size ? 1 : 0;
    return out;
  }, { b64, size: e.size });
  console.log(r);
  await s.close();
})();
