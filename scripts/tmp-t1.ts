import { generateMasters, mastersWorkbook } from "../test/support/generate";
import { readXlsx, mastersFromSheets } from "../src/domain";
import { loadProfile } from "../src/domain";
(async () => {
  const g = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
  const buf = new Uint8Array(await mastersWorkbook(g));
  console.log("bytes", buf.length);
  for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const r = readXlsx(buf, "m.xlsx");
  const t1 = performance.now();
  if (!r.ok) throw new Error();
  const ms = mastersFromSheets(r.sheets, (await import("../src/domain")).DEFAULT_PROFILE ?? (undefined as any), "m.xlsx");
  const t2 = performance.now();
  const data = ms.map((m) => m.index.toData());
  const t3 = performance.now();
  const c = structuredClone(data);
  const t4 = performance.now();
  console.log("read", (t1-t).toFixed(0), "index", (t2-t1).toFixed(0), "toData", (t3-t2).toFixed(0), "clone", (t4-t3).toFixed(0));
  }
})();
