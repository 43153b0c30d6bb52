/**
 * Getting a file out of the task pane. Browsers (Excel on the web) and WebView2 (current Excel for Windows) save
 * a Blob through <a download>; Excel for Mac (WKWebView) and the older Windows webviews (EdgeHTML, IE11) ignore
 * it, so there the pane uses a fallback and says so.
 */
import { officePlatform } from "../../excel/office-host";

export type DownloadSupport = "allowed" | "blocked";

export interface HostInfo {
  /** Office.context.diagnostics.platform: "OfficeOnline" | "PC" | "Mac" | … (undefined outside Office). */
  platform?: string;
  userAgent: string;
}

export function currentHost(): HostInfo {
  return { platform: officePlatform(), userAgent: typeof navigator === "undefined" ? "" : navigator.userAgent };
}

export function downloadSupport(host: HostInfo = currentHost()): DownloadSupport {
  if (host.platform === "Mac" || host.platform === "iOS" || host.platform === "Android") return "blocked";
  if (/Trident\/|\bEdge\/\d/.test(host.userAgent)) return "blocked";
  return "allowed";
}

/** Starts a download of the bytes (the caller has checked downloadSupport). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text to the clipboard (the async API first, the selection-based copy where it is missing). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused in this webview: try the older way below.
  }
  try {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/** A file name with a local timestamp: 登録用CSV_20250401-0930.csv. */
export function stampedFileName(stem: string, ext: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${stem}_${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.${ext}`;
}
