import { problem, type Problem } from "../problems/problem";

export type CheckedUrl = { ok: true; url: string } | { ok: false; problem: Problem };

/**
 * The system URL as entered by the reviewer (it is not public, so it is never part of the code): one https URL
 * without spaces, line breaks or embedded credentials (http:// is refused: the mail sends people to a login page).
 */
export function checkSystemUrl(text: string): CheckedUrl {
  const url = text.trim();
  if (url === "") return { ok: false, problem: problem("url.empty") };
  // Bidi controls (U+202E …), zero-width and other format characters change how the URL is shown, not where it goes:
  // a mail would display one address and open another. Refused, never silently removed.
  const hidden = /[\p{Cf}\x80-\x9f]/u.exec(url);
  if (hidden) {
    const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return { ok: false, problem: problem("url.invisible-character", { code }) };
  }
  if (/[\s\x00-\x1f\x7f\u3000]/.test(url)) return { ok: false, problem: problem("url.whitespace") };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: problem("url.malformed", { value: url }) };
  }
  if (parsed.protocol !== "https:") return { ok: false, problem: problem("url.scheme") };
  if (parsed.hostname === "") return { ok: false, problem: problem("url.no-host") };
  if (parsed.username !== "" || parsed.password !== "") return { ok: false, problem: problem("url.credentials") };
  return { ok: true, url };
}
