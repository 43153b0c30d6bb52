import { cellText, isBlankCell, isCellError, type Cell } from "../cell";
import { columnLetter } from "../columns";
import { cellProblem, type CellProblem } from "../problems/problem";
import { hasControlCharacter, removeControlCharacters } from "../text/jis";
import { formulaLikeStart } from "../text/formula";
import { nfkc, trimSpaces } from "../text/normalize";
import type { Rule } from "./rule";

function isPhoneInternational(field: string | undefined, cell: Cell): boolean {
  return (field === "phone" || field === "tfaPhone") && typeof cell === "string" && nfkc(trimSpaces(cell)).startsWith("+");
}

/**
 * Every input, grey or exported column: Excel error values, line breaks / control characters, and values
 * a spreadsheet would run as a formula (CSV injection). A phone number starting with "+" is left to the phone rule
 * (it says "+81 form" or "foreign number", both errors); "-", "=" and "@" are formula-like there too. Full-width
 * ＝ ＋ － ＠ count as their ASCII forms (a spreadsheet may fold them), and so does a start after leading spaces.
 */
export const cellIntegrity: Rule = {
  id: "cell-integrity",
  run(row) {
    const out: CellProblem[] = [];
    const { ctx } = row;
    for (const i of ctx.integrityColumns) {
      const cell = row.cellAt(i);
      if (isBlankCell(cell)) continue;
      const field = ctx.fieldByColumn.get(i);
      const column = columnLetter(i);
      // A grey column should be empty: whatever is wrong with its value, the fix is to clear it.
      const grey = field === undefined && ctx.greyColumns.includes(i);
      if (isCellError(cell) && cell.unread) {
        // The file holds no value Excel could show (the reader said why): name the cell, never drop the row.
        const code = cell.unread === "formula-uncached" ? "cell.formula-uncached" : "cell.shared-string-missing";
        out.push(cellProblem(row.row, column, code, { cell: `${column}${row.row}` }));
      } else if (isCellError(cell)) {
        out.push(cellProblem(row.row, column, "cell.error-value", { value: cell.error }, grey ? "" : undefined));
      } else if (typeof cell === "string" && hasControlCharacter(cell)) {
        const fix = grey ? "" : trimSpaces(removeControlCharacters(cell)) || undefined;
        out.push(cellProblem(row.row, column, "cell.control-character", {}, fix));
      } else if (formulaLikeStart(cellText(cell)) !== undefined && !isPhoneInternational(field, cell)) {
        out.push(cellProblem(row.row, column, "cell.formula-like", { first: formulaLikeStart(cellText(cell)) }, grey ? "" : undefined));
      } else {
        continue;
      }
      row.brokenColumns.add(i);
      if (field) row.broken.add(field);
    }
    return out;
  },
};
