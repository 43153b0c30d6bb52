import { isValidEmail } from "../values/email";
import { crlf, singleLine } from "./plain-text";

/** Longest mailto: link handed to the mail program; Windows and older Outlook cut or refuse longer ones. */
export const MAILTO_LIMIT = 2000;

export type MailtoLink = { fits: true; href: string } | { fits: false; length: number; limit: number; reason: string };

/**
 * A mailto: link (RFC 6068) that opens a new mail with the address, subject and body filled in, when it stays
 * within `limit` characters; otherwise why not (use the .eml draft instead). UTF-8 percent-encoding, CRLF lines.
 */
export function mailtoLink(mail: { to: string; subject: string; body: string }, limit = MAILTO_LIMIT): MailtoLink {
  if (!isValidEmail(mail.to)) return { fits: false, length: 0, limit, reason: "宛先のメールアドレスが正しくありません。" };
  const href =
    `mailto:${encodeURIComponent(mail.to).replace(/%40/g, "@")}` +
    `?subject=${encodeURIComponent(singleLine(mail.subject))}&body=${encodeURIComponent(crlf(mail.body))}`;
  if (href.length > limit) {
    return { fits: false, length: href.length, limit, reason: `本文が長いため、メールソフトに渡せる長さ（${limit}文字）を超えます（${href.length}文字）。.eml の下書きを使ってください。` };
  }
  return { fits: true, href };
}
