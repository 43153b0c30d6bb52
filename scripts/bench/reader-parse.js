// The product's workbook reader alone (the built CLI's copy) on the given .xlsx files.
"use strict";
const { readFileSync } = require("fs");
const { readXlsx } = require("../../dist/node/domain/workbook/xlsx-reader.js");

for (const path of process.argv.slice(2)) {
  const r = readXlsx(readFileSync(path), path);
  if (!r.ok) throw new Error(r.problem.message);
}
