import { finding, type Finding } from "../findings";
import type { RowResult } from "./check-row";

/**
 * A rule across rows: rows with the same key form a group, and the group decides its members' findings.
 * The incremental checker re-judges only the groups an edit touched.
 */
export interface GroupRule {
  id: string;
  key(result: RowResult): string | undefined;
  /** Members are in ascending row order. */
  judge(members: readonly RowResult[], nameColumn: string): Finding[];
}

/** 重複申請: same person + E + (AJ, or K when AJ is blank) → error on the 2nd and later rows, column B. */
export const duplicateApplication: GroupRule = {
  id: "duplicate-application",
  key: (r) => r.duplicateKey,
  judge(members, nameColumn) {
    if (members.length < 2) return [];
    const first = members[0].row;
    return members.slice(1).map((m) => finding(m.row, nameColumn, "name.duplicate", { rows: first }));
  },
};

/** 2FA must be personal: the same 2FA mail/phone used by different people → warning on each of them. */
export const sharedTwoFactor: GroupRule = {
  id: "shared-two-factor",
  key: (r) => r.tfaKey,
  judge(members) {
    if (members.length < 2) return [];
    const out: Finding[] = [];
    for (const m of members) {
      const others = members.filter((o) => o.person !== m.person).map((o) => o.row);
      if (others.length > 0) out.push(finding(m.row, m.tfaColumn!, "tfa.shared", { rows: others.join("・") }));
    }
    return out;
  },
};

export const GROUP_RULES: readonly GroupRule[] = [duplicateApplication, sharedTwoFactor];
