import { nfkc, trimSpaces } from "../text/normalize";
import { problem, type Problem } from "../problems/problem";
import type { ValueCheck } from "./issue";

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/** RFC 5322 dot-atom addr-spec with a DNS domain that has a TLD of letters; no quoted local parts, no IP literals. */
const ADDR_SPEC = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})*\\.[A-Za-z]{2,63}$`);

export function isValidEmail(s: string): boolean {
  return s.length <= 254 && ADDR_SPEC.test(s) && s.indexOf("@") <= 64;
}

function reasonFor(s: string): string | undefined {
  const at = s.split("@").length - 1;
  if (at === 0) return "@がありません";
  if (at > 1) return "@が複数あります";
  if (/\s/.test(s)) return "空白が含まれています";
  if (/\.\.|^\.|\.@|@\./.test(s)) return "ドットの位置が正しくありません";
  if (/[,;]/.test(s)) return "カンマやセミコロンが含まれています（1つのアドレスのみ入力できます）";
  if (!/@[^@]+\.[A-Za-z]{2,}$/.test(s)) return "ドメイン（@より後ろ）が正しくありません";
  return undefined;
}

/** 連絡先メールアドレス / 二要素認証用メールアドレス (present, text). Full-width is an error whose fix is offered. */
export function checkEmail(original: string): ValueCheck {
  const trimmed = trimSpaces(original);
  const issues: Problem[] = [];
  if (/[^\x00-\x7f]/.test(trimmed)) {
    const folded = trimSpaces(nfkc(trimmed)).replace(/\s+/g, "");
    return { issues: [problem("email.fullwidth", {}, {}, isValidEmail(folded) ? folded : undefined)] };
  }
  if (!isValidEmail(trimmed)) {
    const compact = trimmed.replace(/\s+/g, "");
    return { issues: [problem("email.invalid", { reason: reasonFor(trimmed) }, {}, compact !== trimmed && isValidEmail(compact) ? compact : undefined)] };
  }
  if (trimmed !== original) issues.push(problem("text.surrounding-space", {}, {}, trimmed));
  return { issues, accepted: trimmed };
}

/** Email comparison key: the domain is case-insensitive; the local part is compared as typed. */
export function emailKey(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : email.slice(0, at) + "@" + email.slice(at + 1).toLowerCase();
}
