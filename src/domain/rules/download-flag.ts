import { cellProblem, type CellProblem } from "../problems/problem";
import { codeText } from "../values/code";
import type { Rule } from "./rule";

/** 個票・CSVダウンロードフラグ (AG): 0 or 1. */
export const downloadFlag: Rule = {
  id: "download-flag",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("downloadFlag", row.ctx.required.has("downloadFlag"), out)) return out;
    const { text, issue } = codeText(row.cell("downloadFlag"));
    if (!row.ctx.profile.downloadFlags.includes(text)) {
      out.push(cellProblem(row.row, row.column("downloadFlag"), "downloadFlag.invalid", { value: row.text("downloadFlag") }));
      return out;
    }
    if (issue) row.issues("downloadFlag", [issue], out);
    row.accept("downloadFlag", text);
    return out;
  },
};
