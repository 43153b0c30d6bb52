import { base64 } from "./base64";
import type { MailAddress } from "./mail-address";
import { singleLine } from "./plain-text";

/** RFC 5322 recommends header lines of at most 78 characters; RFC 2047 limits an encoded-word to 75. */
const LINE = 78;
const WORD = 75;
const PREFIX = "=?UTF-8?B?";
const SUFFIX = "?=";
const utf8 = new TextEncoder();

/**
 * Text as RFC 2047 "B" encoded-words (UTF-8), each within 75 characters and within the line it starts on
 * (`firstLineUsed` characters are taken on the first line). A character is never split across two words.
 */
export function encodedWords(text: string, firstLineUsed: number): string[] {
  const words: string[] = [];
  let used = firstLineUsed;
  let chunk: number[] = [];
  const budget = () => {
    const room = Math.min(WORD, LINE - used) - PREFIX.length - SUFFIX.length;
    return Math.floor(room / 4) * 3; // base64 turns 3 bytes into 4 characters
  };
  let limit = budget();
  const flush = () => {
    words.push(PREFIX + base64(Uint8Array.from(chunk)) + SUFFIX);
    chunk = [];
    used = 1; // following words start a folded line after one space
    limit = budget();
  };
  for (const ch of text) {
    const bytes = utf8.encode(ch);
    if (chunk.length + bytes.length > limit && chunk.length > 0) flush();
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) flush();
  return words;
}

const PLAIN_TEXT = /^[\x20-\x7e]*$/;
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

function assertOneHeader(line: string): string {
  // Every line break in a header is ours: CRLF followed by a space (folding). Anything else would start a new header.
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(line.replace(/\r\n /g, ""))) {
    throw new Error("header would contain a line break or control character");
  }
  return line;
}

/** An unstructured header (Subject): plain when short printable ASCII, else encoded-words folded over lines. */
export function unstructuredHeader(name: string, value: string): string {
  const text = singleLine(value);
  const head = `${name}: `;
  if (PLAIN_TEXT.test(text) && !text.includes("=?") && head.length + text.length <= LINE) return assertOneHeader(head + text);
  return assertOneHeader(head + encodedWords(text, head.length).join("\r\n "));
}

/** An address header with one mailbox: display name plain or encoded, the addr-spec validated by the caller. */
export function mailboxHeader(name: string, mailbox: MailAddress): string {
  const head = `${name}: `;
  const address = `<${mailbox.address}>`;
  const display = singleLine(mailbox.name ?? "");
  if (display === "") return assertOneHeader(head + mailbox.address);
  const plain = PLAIN_PHRASE.test(display) && !display.includes("=?") && head.length + display.length <= LINE;
  const words = plain ? [display] : encodedWords(display, head.length);
  const lastLine = (words.length === 1 ? head.length : 1) + words[words.length - 1].length;
  const tail = lastLine + 1 + address.length <= LINE ? ` ${address}` : `\r\n ${address}`;
  return assertOneHeader(head + words.join("\r\n ") + tail);
}
