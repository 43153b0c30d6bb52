import { finding } from "../findings";
import { foldForMatch } from "../text/normalize";
import type { Rule } from "./rule";

/** 利用者ごとのアカウント: a name that is a role, a department, a test, or the institution itself → warning. */
export const genericName: Rule = {
  id: "generic-name",
  run(row) {
    const name = row.accepted.name;
    if (name === undefined) return [];
    const key = foldForMatch(name);
    const institutionName = row.institution?.name;
    const generic =
      row.ctx.genericWords.some((w) => key.includes(w)) ||
      (institutionName !== undefined && foldForMatch(institutionName) === key);
    return generic ? [finding(row.row, row.column("name"), "name.generic", { value: name })] : [];
  },
};
