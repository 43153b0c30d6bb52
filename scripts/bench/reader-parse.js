// The product's workbook reader alone on the given .xlsx files, as the built CLI runs it (its readWorkbook: the
// domain's reader with Node's native zlib for inflate).
"use strict";
const { readWorkbook } = require("../../dist/node/cli/read-workbook.js");

(async () => {
  for (const path of process.argv.slice(2)) await readWorkbook(path);
})().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
