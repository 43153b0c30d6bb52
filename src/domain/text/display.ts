/** Line breaks of any kind (CRLF, CR, LF, NEL, LS, PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** C0/C1 controls, zero-width and bidi/format characters: invisible, or they change how the text around them is shown. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A value from a file as one line of plain text for a terminal or a note: line breaks shown as ↵, other control and
 * format characters (escape sequences, bidi overrides, zero-width) as ?. A name holding "\r\nBcc: x" prints as
 * "name↵Bcc: x" on the same line, never as a header-like line of its own.
 */
export function displayText(value: string): string {
  return value.replace(LINE_BREAKS, "↵").replace(INVISIBLE, "?");
}
