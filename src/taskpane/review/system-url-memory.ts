/**
 * The registration system's URL is not public: it is never shipped in the code nor written to the workbook.
 * The reviewer types it once and it is remembered in this browser profile on this PC only (localStorage is
 * per origin and per Windows user); 「忘れる」 removes it.
 */
export const SYSTEM_URL_KEY = "nesid-account.system-url";

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    // Some webviews throw on access when storage is disabled by policy.
    return undefined;
  }
}

export function recallSystemUrl(): string {
  return storage()?.getItem(SYSTEM_URL_KEY) ?? "";
}

/** Returns false when this PC does not allow remembering it (the URL then lives for this session only). */
export function rememberSystemUrl(url: string): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(SYSTEM_URL_KEY, url);
    return true;
  } catch {
    return false;
  }
}

export function forgetSystemUrl(): void {
  storage()?.removeItem(SYSTEM_URL_KEY);
}
