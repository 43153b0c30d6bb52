import { cellProblem, type CellProblem } from "../problems/problem";
import { MASTER_KINDS } from "../profile/schema";
import { codeText } from "../values/code";
import type { Rule } from "./rule";

/**
 * 所属医療機関/動物診療施設コード (AJ): looked up in the master E points to (09 全数, 16 定点, 11 動物 when loaded).
 * Blank is allowed while applying (warning with what to collect); not checked when E was not accepted.
 */
export const institutionCode: Rule = {
  id: "institution-code",
  run(row) {
    const out: CellProblem[] = [];
    const type = row.orgType;
    const col = row.column("institutionCode");
    if (row.broken.has("institutionCode")) return out;
    if (row.isBlank("institutionCode")) {
      if (type) {
        const master = row.ctx.profile.masters[type.master].label;
        out.push(cellProblem(row.row, col, "institution.blank", { master, collect: type.collect.join("、") }));
      }
      return out;
    }
    const { text, numeric, issue } = codeText(row.cell("institutionCode"));
    if (!type) return out;
    const master = row.ctx.masters[type.master];
    // A code found in another loaded master is the wrong kind of institution, whether or not E's own master is loaded
    // (an 11 row naming a 全数 hospital): checked first when E's master is missing, after a miss otherwise.
    const otherMaster = (code: string) => MASTER_KINDS.find((k) => k !== type.master && k !== "healthCenter" && row.ctx.masters[k]?.has(code));
    if (!master) {
      const other = otherMaster(text);
      if (other) {
        out.push(cellProblem(row.row, col, "institution.wrong-master", { value: text, other: row.ctx.masters[other]!.label }));
        return out;
      }
      if (issue) row.issues("institutionCode", [issue], out);
      row.accept("institutionCode", text);
      return out;
    }
    let code = text;
    let record = master.get(text);
    if (record) {
      if (issue) row.issues("institutionCode", [issue], out);
    } else {
      const padded = master.zeroPadded(text);
      if (padded && numeric) {
        out.push(cellProblem(row.row, col, "code.zero-padded", { fix: padded }, padded));
        record = master.get(padded);
        code = padded;
      } else {
        const other = otherMaster(text);
        if (other) {
          out.push(cellProblem(row.row, col, "institution.wrong-master", { value: text, other: row.ctx.masters[other]!.label }));
        } else {
          out.push(cellProblem(row.row, col, "institution.unknown", { value: text, master: master.label }, padded));
        }
        return out;
      }
    }
    row.institution = record;
    row.accept("institutionCode", code);
    const hc = row.accepted.healthCenterCode;
    if (record?.healthCenterCode && hc !== undefined && record.healthCenterCode !== hc) {
      out.push(
        cellProblem(row.row, col, "institution.health-center-mismatch", {
          institution: record.name ? `「${record.name}」` : `コード${code}の機関`,
          masterHealthCenter: record.healthCenterCode,
          healthCenter: hc,
        }),
      );
    }
    return out;
  },
};
