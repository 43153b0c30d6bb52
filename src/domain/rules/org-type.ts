import { cellProblem, type CellProblem } from "../problems/problem";
import type { FormProfile } from "../profile/schema";
import { codeForLabel, codeText } from "../values/code";
import type { Rule } from "./rule";

/** Whether this window takes applications of this account type (profile.acceptedOrgTypes; absent = every type). */
export function isAcceptedOrgType(profile: FormProfile, code: string): boolean {
  return profile.acceptedOrgTypes === undefined || profile.acceptedOrgTypes.includes(code);
}

/**
 * 所属機関分類コード (E): 09 / 16 / 11. 9 → 09 with a warning. A type this window does not accept → warning naming where
 * it is applied for; a type the profile defers → warning. Either way the type is accepted, so AJ is still checked.
 */
export const orgType: Rule = {
  id: "org-type",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("orgType", row.ctx.required.has("orgType"), out)) return out;
    const col = row.column("orgType");
    const types = row.ctx.profile.orgTypes;
    const { text, issue } = codeText(row.cell("orgType"));
    let type = types.find((t) => t.code === text);
    if (!type && /^\d+$/.test(text)) {
      type = types.find((t) => t.code.length > text.length && t.code === text.padStart(t.code.length, "0"));
      if (type) {
        out.push(cellProblem(row.row, col, "orgType.normalized", { value: row.text("orgType"), fix: type.code }, type.code));
      }
    } else if (type && issue) {
      row.issues("orgType", [issue], out);
    }
    if (!type) {
      const allowed = types.map((t) => `${t.code}（${t.label}）`).join("、");
      out.push(cellProblem(row.row, col, "orgType.invalid", { value: row.text("orgType"), allowed }, codeForLabel(row.text("orgType"), types)));
      return out;
    }
    if (!isAcceptedOrgType(row.ctx.profile, type.code)) {
      out.push(cellProblem(row.row, col, "orgType.not-accepted", { value: type.code, label: type.label, where: type.appliedAt ?? "担当の窓口" }));
    } else if (type.deferred) {
      out.push(cellProblem(row.row, col, "orgType.deferred"));
    }
    row.orgType = type;
    row.accept("orgType", type.code);
    return out;
  },
};
