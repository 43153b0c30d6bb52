/**
 * The reviewer's sender block for 差戻し letters (部署名・担当・連絡先): the reviewer's own, so it is remembered in this
 * browser profile on this PC (localStorage, per origin and per Windows user), like the system URL, and never written to
 * a submitted workbook other than in the letter itself.
 */
export const SENDER_KEY = "nesid-account.send-back-sender";
export const SENDER_MAX = 500;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    // Some webviews throw on access when storage is disabled by policy.
    return undefined;
  }
}

export function recallSender(): string {
  try {
    return storage()?.getItem(SENDER_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Returns false when this PC does not allow remembering it (the sender then lives for this session only). */
export function rememberSender(sender: string): boolean {
  const s = storage();
  if (!s) return false;
  try {
    if (sender.trim() === "") s.removeItem(SENDER_KEY);
    else s.setItem(SENDER_KEY, sender);
    return true;
  } catch {
    return false;
  }
}
