import { generateMasters, mastersWorkbook } from "../test/support/generate";
import { readXlsx } from "../src/domain";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
(async () => {
  const f = "/tmp/m180k.xlsx";
  if (!existsSync(f)) writeFileSync(f, await mastersWorkbook(generateMasters({ zensuRows: 180000, teitenRows: 5000 })));
  const buf = new Uint8Array(readFileSync(f));
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const r = readXlsx(buf, "m.xlsx");
    console.log("read", (performance.now() - t).toFixed(0), r.ok);
  }
})();
