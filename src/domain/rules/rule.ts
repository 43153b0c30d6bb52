import type { RowState } from "../check/row-state";
import type { Finding } from "../findings";

/** One independent check of one row. Rules run in list order; later ones may read what earlier ones accepted. */
export interface Rule {
  id: string;
  run(row: RowState): Finding[];
}
