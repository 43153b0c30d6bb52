import { cellProblem, type CellProblem } from "../problems/problem";
import { inspectNameCharacters } from "../text/jis";
import { trimSpaces } from "../text/normalize";
import type { Rule } from "./rule";

/** 利用者名: required; JIS X 0208 + printable ASCII only; half-width katakana is a warning; trimmed. */
export const userName: Rule = {
  id: "name",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("name", row.ctx.required.has("name"), out)) return out;
    const original = row.text("name");
    const text = trimSpaces(original);
    const col = row.column("name");
    const report = inspectNameCharacters(text);
    if (report.invalid.length > 0) {
      const chars = report.invalid.map((c) => `「${c}」`).join("");
      out.push(cellProblem(row.row, col, "name.non-jis", { chars }, report.suggestion));
      return out;
    }
    if (report.hasHalfwidthKatakana) out.push(cellProblem(row.row, col, "name.halfwidth-kana", {}, report.suggestion));
    if (text !== original) out.push(cellProblem(row.row, col, "text.surrounding-space", {}, text));
    row.accept("name", text);
    return out;
  },
};
