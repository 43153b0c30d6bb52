import type { RowState } from "../check/row-state";
import { type CellProblem } from "../problems/problem";

/** One independent check of one row. Rules run in list order; later ones may read what earlier ones accepted. */
export interface Rule {
  id: string;
  run(row: RowState): CellProblem[];
}
