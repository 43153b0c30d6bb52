import { cellText, isBlankCell, isCellError } from "../cell";
import { columnLetter } from "../columns";
import { finding, type Finding } from "../findings";
import { hasControlCharacter } from "../text/jis";
import { trimSpaces } from "../text/normalize";
import type { Rule } from "./rule";

const FORMULA_START = /^[=+\-@]/;
const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Every column that is registered or checked: Excel error values, line breaks / control characters, and values
 * a spreadsheet would run as a formula (CSV injection). Phone columns get their own stricter check for "+" and "-".
 */
export const cellIntegrity: Rule = {
  id: "cell-integrity",
  run(row) {
    const out: Finding[] = [];
    const { ctx } = row;
    for (const i of ctx.exportColumns) {
      const cell = row.cellAt(i);
      if (isBlankCell(cell)) continue;
      const field = ctx.fieldByColumn.get(i);
      const column = columnLetter(i);
      if (isCellError(cell)) {
        out.push(finding(row.row, column, "cell.error-value", { value: cell.error }));
      } else if (typeof cell === "string" && hasControlCharacter(cell)) {
        const fix = trimSpaces(cell.replace(CONTROL_RUN, ""));
        out.push(finding(row.row, column, "cell.control-character", {}, fix || undefined));
      } else if (field !== "phone" && field !== "tfaPhone" && FORMULA_START.test(trimSpaces(cellText(cell)))) {
        out.push(finding(row.row, column, "cell.formula-like", { first: trimSpaces(cellText(cell))[0] }));
      } else {
        continue;
      }
      if (field) row.broken.add(field);
    }
    return out;
  },
};
