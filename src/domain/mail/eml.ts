import { isValidEmail } from "../values/email";
import { base64 } from "./base64";
import { mailboxHeader, unstructuredHeader } from "./header-encoding";
import type { MailAddress } from "./mail-address";
import { crlf } from "./plain-text";

/** What one draft says. Date and Message-ID only when given, so the same input always gives the same bytes. */
export interface MailMessage {
  to: MailAddress;
  /** Without it there is no From header: Outlook fills in the account that sends the draft. */
  from?: MailAddress;
  subject: string;
  body: string;
  date?: Date;
  /** "<local@domain>" */
  messageId?: string;
}

export type EmlResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; message: string };

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** RFC 5322 date-time in UTC. */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Base64 in lines of 76 characters (RFC 2045), CRLF-terminated. */
function base64Lines(bytes: Uint8Array): string {
  const text = base64(bytes);
  let out = "";
  for (let i = 0; i < text.length; i += 76) out += text.slice(i, i + 76) + "\r\n";
  return out;
}

/**
 * An RFC 5322 draft that Outlook opens as an editable, unsent message (`X-Unsent: 1`): single text/plain part
 * in UTF-8, body base64-encoded with CRLF line endings, Subject and display names RFC 2047-encoded. Addresses
 * must be one valid addr-spec each and every header value is reduced to one line, so no value can add a header.
 */
export function buildEml(message: MailMessage): EmlResult {
  if (!isValidEmail(message.to.address)) return { ok: false, message: "宛先のメールアドレスが正しくありません。" };
  if (message.from && !isValidEmail(message.from.address)) return { ok: false, message: "差出人のメールアドレスが正しくありません。" };
  if (message.messageId !== undefined && !MESSAGE_ID.test(message.messageId)) return { ok: false, message: "Message-ID の形式が正しくありません。" };
  if (message.date !== undefined && Number.isNaN(message.date.getTime())) return { ok: false, message: "日付が正しくありません。" };

  const headers = ["X-Unsent: 1"];
  if (message.date) headers.push(`Date: ${rfc5322Date(message.date)}`);
  if (message.messageId) headers.push(`Message-ID: ${message.messageId}`);
  if (message.from) headers.push(mailboxHeader("From", message.from));
  headers.push(mailboxHeader("To", message.to));
  headers.push(unstructuredHeader("Subject", message.subject));
  headers.push("MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64");

  let body = crlf(message.body);
  if (!body.endsWith("\r\n")) body += "\r\n";
  const text = headers.join("\r\n") + "\r\n\r\n" + base64Lines(new TextEncoder().encode(body));
  // Everything above is ASCII, so the bytes are the characters.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e) throw new Error("non-ASCII character in an encoded message");
    bytes[i] = c;
  }
  return { ok: true, text, bytes };
}
