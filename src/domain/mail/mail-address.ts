import { isValidEmail } from "../values/email";
import { singleLine } from "./plain-text";

/** One mailbox: an RFC 5322 addr-spec (dot-atom, ASCII) and an optional display name. */
export interface MailAddress {
  address: string;
  name?: string;
}

export type ParsedMailbox = { ok: true; mailbox: MailAddress } | { ok: false; message: string };

/**
 * "user@example.jp" or "表示名 <user@example.jp>" (as typed for --from or in the pane). Exactly one address;
 * anything that could smuggle a second one or a line break is refused.
 */
export function parseMailbox(text: string): ParsedMailbox {
  if (/[\r\n]/.test(text)) return { ok: false, message: "メールアドレスに改行は使えません。" };
  const t = text.trim();
  const angled = /^(.*?)\s*<([^<>]*)>$/.exec(t);
  const address = (angled ? angled[2] : t).trim();
  const name = angled ? singleLine(angled[1].replace(/^"(.*)"$/, "$1")) : "";
  if (!isValidEmail(address)) return { ok: false, message: `「${singleLine(t)}」は1つのメールアドレス（例: kansen@city.example.lg.jp）として正しくありません。` };
  if (/[<>]/.test(name)) return { ok: false, message: "表示名に < > は使えません。" };
  return { ok: true, mailbox: name ? { address, name } : { address } };
}
