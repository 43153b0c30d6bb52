import { cellProblem, type CellProblem } from "../problems/problem";
import { shareContact, type RowResult } from "../check/check-row";
import type { FormChecker } from "../check/form-checker";

/** One submitted form (a file, or a sheet of the review workbook) and its check state. */
export interface Submission {
  source: string;
  checker: FormChecker;
  /**
   * false: a submission sent back (差戻し) — its rows will not be registered, so they are not compared with the
   * others (its own resubmission would otherwise be flagged as a duplicate of it). Its own findings stay.
   */
  compared?: boolean;
}

interface Member {
  sub: number;
  result: RowResult;
}

/**
 * Checks across submissions: the same person applying twice for the same institution from two files (error on
 * each later file's first such row; rows within one file are already reported by that file's checker), and
 * one 2FA destination used by different people in different files (warning).
 * Returns findings per submission index, per row.
 */
export function crossSubmissionFindings(subs: readonly Submission[]): Map<number, Map<number, CellProblem[]>> {
  const out = new Map<number, Map<number, CellProblem[]>>();
  if (subs.length < 2) return out;
  const add = (sub: number, f: CellProblem) => {
    let rows = out.get(sub);
    if (!rows) out.set(sub, (rows = new Map()));
    const list = rows.get(f.place.row);
    if (list) list.push(f);
    else rows.set(f.place.row, [f]);
  };
  const dup = new Map<string, Member[]>();
  const tfa = new Map<string, Member[]>();
  subs.forEach((s, sub) => {
    if (s.compared === false) return;
    for (const row of s.checker.filledRows()) {
      const result = s.checker.rowResult(row)!;
      if (result.duplicateKey !== undefined) push(dup, result.duplicateKey, { sub, result });
      if (result.tfaKey !== undefined) push(tfa, result.tfaKey, { sub, result });
    }
  });
  for (const members of dup.values()) {
    const first = members[0];
    const seenSubs = new Set<number>([first.sub]);
    for (const m of members) {
      if (seenSubs.has(m.sub)) continue;
      seenSubs.add(m.sub);
      const nameColumn = subs[m.sub].checker.ctx.profile.fields.name.column;
      // One person applying twice shares a contact (D, AM or AL) with the earlier file's row; otherwise maybe two people.
      const same = members.find((o) => o.sub !== m.sub && seenBefore(o, m, members) && shareContact(o.result, m.result));
      if (same) add(m.sub, cellProblem(m.result.row, nameColumn, "name.duplicate-other-file", { source: subs[same.sub].source, rows: same.result.row }));
      else add(m.sub, cellProblem(m.result.row, nameColumn, "name.same-name-other-file", { source: subs[first.sub].source, rows: first.result.row }));
    }
  }
  for (const members of tfa.values()) {
    if (new Set(members.map((m) => m.sub)).size < 2) continue;
    for (const m of members) {
      const places = members
        .filter((o) => o.sub !== m.sub && o.result.person !== m.result.person)
        .map((o) => `「${subs[o.sub].source}」${o.result.row}行目`);
      if (places.length) add(m.sub, cellProblem(m.result.row, m.result.tfaColumn!, "tfa.shared-other-file", { places: places.join("・") }));
    }
  }
  return out;
}

/** o comes from a file before m's (members are in file order, then row order). */
function seenBefore(o: Member, m: Member, members: readonly Member[]): boolean {
  return members.indexOf(o) < members.indexOf(m) && o.sub < m.sub;
}

function push(map: Map<string, Member[]>, key: string, m: Member): void {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}
