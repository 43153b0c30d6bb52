// A bare exceljs parse of the given .xlsx files (what the product did before its own reader): load, nothing else.
"use strict";
const ExcelJS = require("exceljs");

(async () => {
  for (const path of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
  }
})();
