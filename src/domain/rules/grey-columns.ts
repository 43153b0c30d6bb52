import { isBlankCell } from "../cell";
import { columnLetter } from "../columns";
import { cellProblem, type CellProblem } from "../problems/problem";
import type { Rule } from "./rule";

/** Grey (入力不要) columns: any value there is a warning, unless cell integrity already reported the cell as an error. */
export const greyColumns: Rule = {
  id: "grey-columns",
  run(row) {
    const out: CellProblem[] = [];
    for (const i of row.ctx.greyColumns) {
      const cell = row.cellAt(i);
      if (isBlankCell(cell) || row.brokenColumns.has(i)) continue;
      out.push(cellProblem(row.row, columnLetter(i), "grey.has-value", {}, ""));
    }
    return out;
  },
};
