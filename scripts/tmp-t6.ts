import { createCheckContext, DEFAULT_PROFILE, FormChecker, registrationExport } from "../src/domain";
import { generateForm, generateMasters, masterSetOf } from "../test/support/generate";
const profile = DEFAULT_PROFILE;
const generated = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
const masters = masterSetOf(generated, profile);
const form = generateForm(10000, generated);
const mode = process.argv[2];
let checker = new FormChecker(createCheckContext(profile, masters), form.headerRow);
checker.reset(form.rows);
const forms = [{ source: "bench.xlsx", exportSource: "bench.xlsx", checker, headerCells: form.values[form.headerRow - 1] }];
for (let k = 0; k < 8; k++) {
  const t = performance.now();
  if (mode === "check") { checker = new FormChecker(createCheckContext(profile, masters), form.headerRow); checker.reset(form.rows); checker.result(); }
  else registrationExport(forms, profile);
  console.log(mode, (performance.now() - t).toFixed(0));
}
