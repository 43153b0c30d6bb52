import { problem, type Problem } from "../problems/problem";
import { isValidEmail } from "../values/email";
import { singleLine } from "./plain-text";

/** One mailbox: an RFC 5322 addr-spec (dot-atom, ASCII) and an optional display name. */
export interface MailAddress {
  address: string;
  name?: string;
}

export type ParsedMailbox = { ok: true; mailbox: MailAddress } | { ok: false; problem: Problem };

/**
 * "user@example.jp" or "表示名 <user@example.jp>" (as typed for --from or in the pane). Exactly one address;
 * anything that could smuggle a second one or a line break is refused.
 */
export function parseMailbox(text: string): ParsedMailbox {
  if (/[\r\n]/.test(text)) return { ok: false, problem: problem("mailbox.line-break") };
  const t = text.trim();
  const angled = /^(.*?)\s*<([^<>]*)>$/.exec(t);
  const address = (angled ? angled[2] : t).trim();
  const name = angled ? singleLine(angled[1].replace(/^"(.*)"$/, "$1")) : "";
  if (!isValidEmail(address)) return { ok: false, problem: problem("mailbox.invalid", { value: singleLine(t) }) };
  if (/[<>]/.test(name)) return { ok: false, problem: problem("mailbox.angle-in-name") };
  return { ok: true, mailbox: name ? { address, name } : { address } };
}
