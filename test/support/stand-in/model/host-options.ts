// The emulated host: its ExcelApi version, platform and payload limit.
export interface HostOptions {
  /** Highest ExcelApi 1.x the emulated host supports ("1.8" = Office 2019). */
  excelApi: string;
  platform: "OfficeOnline" | "PC" | "Mac";
  /** Request/response payload limit per sync in bytes (Excel on the web: 5 MB); null = none. */
  payloadLimit: number | null;
  /**
   * Also fire onChanged for fill changes. Off by default (Excel reports them with onFormatChanged); on, it plays
   * a host that reports formatting as data changes, to prove the add-in's colouring cannot feed back into itself.
   */
  fillsFireChanged?: boolean;
}

export const DEFAULT_HOST: HostOptions = { excelApi: "1.17", platform: "OfficeOnline", payloadLimit: 5 * 1024 * 1024 };

/** "1.10" > "1.9": compares ExcelApi minor versions numerically. */
export function apiAtLeast(have: string, need: string): boolean {
  const [hMaj, hMin] = have.split(".").map(Number);
  const [nMaj, nMin] = need.split(".").map(Number);
  return hMaj > nMaj || (hMaj === nMaj && hMin >= nMin);
}
