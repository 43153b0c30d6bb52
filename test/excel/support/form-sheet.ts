// Form sheets for the Excel layer's tests: the sample's layout (title row 1, item numbers row 2, header row 3,
// data from row 4) with valid rows from test/support/form-rows.
import { DEFAULT_PROFILE, type Cell } from "../../../src/domain";
import { validCells } from "../../support/form-rows";
import type { MockCell } from "./office-mock";

export function headerRows(): Cell[][] {
  const labels: Cell[] = new Array(40).fill(null);
  labels[0] = "No.";
  for (const f of Object.values(DEFAULT_PROFILE.fields)) labels[columnOf(f.column)] = f.label;
  const title: Cell[] = new Array(40).fill(null);
  title[0] = "システム利用申請様式（医療機関等）";
  return [title, new Array(40).fill(null), labels];
}

function columnOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Header rows + `count` valid data rows (distinct names and mail addresses), as a sheet's rows. */
export function formRows(count: number): MockCell[][] {
  const rows: MockCell[][] = headerRows();
  for (let i = 0; i < count; i++) {
    const cells = validCells({ name: `佐藤　太郎${i}`, email: `user${i}@example-hosp.jp`, tfaEmail: `tfa${i}@example-hosp.jp` });
    cells[0] = i + 1;
    rows.push(cells as MockCell[]);
  }
  return rows;
}
