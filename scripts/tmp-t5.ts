import { readXlsx } from "../src/domain";
import { nativeInflaterFor } from "../src/taskpane/workers/native-inflate";
import { readFileSync } from "node:fs";
(async () => {
const buf = new Uint8Array(readFileSync("/tmp/m180k.xlsx"));
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const a = readXlsx(buf, "m.xlsx");
  const t1 = performance.now();
  const inflate = await nativeInflaterFor(buf);
  const t2 = performance.now();
  const b = readXlsx(buf, "m.xlsx", { inflate });
  const t3 = performance.now();
  console.log("fflate", (t1-t).toFixed(0), "native pre", (t2-t1).toFixed(0), "read", (t3-t2).toFixed(0), JSON.stringify(a).length === JSON.stringify(b).length);
}
})();
