export type CheckedUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * The system URL as entered by the reviewer (it is not public, so it is never part of the code): one http(s)
 * URL without spaces, line breaks or embedded credentials.
 */
export function checkSystemUrl(text: string): CheckedUrl {
  const url = text.trim();
  if (url === "") return { ok: false, message: "システムのURLを入力してください。" };
  // Bidi controls (U+202E …), zero-width and other format characters change how the URL is shown, not where it goes:
  // a mail would display one address and open another. Refused, never silently removed.
  const hidden = /[\p{Cf}\x80-\x9f]/u.exec(url);
  if (hidden) {
    const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return { ok: false, message: `システムのURLに、表示を変える見えない文字（${code}）が含まれています。URLを手で入力し直してください。` };
  }
  if (/[\s\x00-\x1f\x7f\u3000]/.test(url)) return { ok: false, message: "システムのURLに空白や改行が含まれています。" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `「${url}」はURLとして正しくありません（https:// から入力してください）。` };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { ok: false, message: "システムのURLは https:// または http:// で始めてください。" };
  if (parsed.hostname === "") return { ok: false, message: "システムのURLにホスト名がありません。" };
  if (parsed.username !== "" || parsed.password !== "") return { ok: false, message: "システムのURLにユーザー名やパスワードを含めないでください。" };
  return { ok: true, url };
}
