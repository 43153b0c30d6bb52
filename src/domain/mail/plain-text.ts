/**
 * Characters that must not reach a header or be inserted into a mail as a value: C0/C1 controls (CR, LF, TAB,
 * NUL, ESC…), DEL, the Unicode line/paragraph separators, and bidirectional overrides (which can make text read
 * differently from what it is).
 */
export const UNSAFE_CHARS = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A value as one line of plain text: unsafe characters become a space, runs of spaces one, ends trimmed. */
export function singleLine(value: string): string {
  return value.replace(UNSAFE_CHARS, " ").replace(/ {2,}/g, " ").trim();
}

/** Line endings to CRLF (what RFC 5322 and mailto: bodies use). */
export function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}
