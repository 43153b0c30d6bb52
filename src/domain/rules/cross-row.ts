import { cellProblem, type CellProblem } from "../problems/problem";
import { shareContact, type RowResult } from "../check/check-row";

/**
 * A rule across rows: rows with the same key form a group, and the group decides its members' findings.
 * The incremental checker re-judges only the groups an edit touched.
 */
export interface GroupRule {
  id: string;
  key(result: RowResult): string | undefined;
  /** Members are in ascending row order. */
  judge(members: readonly RowResult[], nameColumn: string): CellProblem[];
}

/**
 * 重複申請: same name + E + (AJ, or K when AJ is blank). With a contact in common (D, AM or AL) with an earlier row it
 * is one person applying twice → error on the later row, column B. With no contact in common it may be two people of
 * one name (a big hospital can have two 佐藤　翔) → a warning on the later row, for the reviewer to confirm.
 */
export const duplicateApplication: GroupRule = {
  id: "duplicate-application",
  key: (r) => r.duplicateKey,
  judge(members, nameColumn) {
    if (members.length < 2) return [];
    return members.slice(1).map((m, i) => {
      const earlier = members.slice(0, i + 1);
      const same = earlier.find((e) => shareContact(e, m));
      return same
        ? cellProblem(m.row, nameColumn, "name.duplicate", { rows: same.row })
        : cellProblem(m.row, nameColumn, "name.same-name", { rows: earlier.map((e) => e.row).join("・") });
    });
  },
};

/** 2FA must be personal: the same 2FA mail/phone used by different people → warning on each of them. */
export const sharedTwoFactor: GroupRule = {
  id: "shared-two-factor",
  key: (r) => r.tfaKey,
  judge(members) {
    if (members.length < 2) return [];
    const out: CellProblem[] = [];
    for (const m of members) {
      const others = members.filter((o) => o.person !== m.person).map((o) => o.row);
      if (others.length > 0) out.push(cellProblem(m.row, m.tfaColumn!, "tfa.shared", { rows: others.join("・") }));
    }
    return out;
  },
};

export const GROUP_RULES: readonly GroupRule[] = [duplicateApplication, sharedTwoFactor];
