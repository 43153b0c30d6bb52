import { cellProblem } from "../problems/problem";
import { foldForMatch } from "../text/normalize";
import type { Rule } from "./rule";

/** Parts of a name as people write them: split at ASCII, no-break and full-width spaces. */
const NAME_PARTS = /[\s\u3000\u00a0]+/;
/** What may follow a generic word in a part: a department suffix and/or a number (総務課, 受付2); 長 may not (医局長　太郎 is a name). */
const DEPARTMENT_SUFFIX = /^(?:課|部|係|室|科|局|センター|せんたー)?\d*$/;

/**
 * 利用者ごとのアカウント: a name that is a role, a department, a test, or the institution itself → warning.
 * A generic word must be the whole name or a whole part of it (split at spaces), optionally followed by a department
 * suffix (総務課); it is never matched inside a word: 事務田　花子 and 医局長　太郎 are people.
 */
export const genericName: Rule = {
  id: "generic-name",
  run(row) {
    const name = row.accepted.name;
    if (name === undefined) return [];
    const words = row.ctx.genericWords;
    const isGeneric = (part: string) => {
      const key = foldForMatch(part);
      return key !== "" && words.some((w) => key === w || (key.startsWith(w) && DEPARTMENT_SUFFIX.test(key.slice(w.length))));
    };
    const institutionName = row.institution?.name;
    const generic =
      isGeneric(name) ||
      name.split(NAME_PARTS).some(isGeneric) ||
      (institutionName !== undefined && foldForMatch(institutionName) === foldForMatch(name));
    return generic ? [cellProblem(row.row, row.column("name"), "name.generic", { value: name })] : [];
  },
};
