import { formWorkbook, generateForm, generateMasters, mastersWorkbook } from "../test/support/generate";
import { writeFileSync, existsSync } from "node:fs";
(async () => {
  const g = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
  if (!existsSync("/tmp/form10k.xlsx")) writeFileSync("/tmp/form10k.xlsx", await formWorkbook(generateForm(10000, g)));
  writeFileSync("/tmp/m180k.xlsx", await mastersWorkbook(g));
})();
