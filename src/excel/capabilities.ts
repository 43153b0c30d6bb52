// What the host supports, asked once: the add-in needs ExcelApi 1.2 (declared in the manifest) and uses later
// sets only when Office.context.requirements.isSetSupported says the host has them.
import type { HostCapabilities } from "./gateway-types";

/** The ExcelApi versions the add-in cares about, highest known first (1.x with x up to this). */
const HIGHEST_KNOWN_MINOR = 20;

export const REQUIRED = {
  core: "1.2",
  nullObjects: "1.4",
  changeEvents: "1.7",
  selectionEvents: "1.7",
  multiAreaRanges: "1.9",
  insertWorksheets: "1.13",
  triggerSource: "1.14",
  nameChangedEvents: "1.17",
} as const;

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Highest "1.x" the host reports for ExcelApi ("1.1" when it reports nothing, which Office never does for Excel). */
export function highestExcelApi(req: Requirements): string {
  for (let minor = HIGHEST_KNOWN_MINOR; minor >= 1; minor--) {
    if (req.isSetSupported("ExcelApi", `1.${minor}`)) return `1.${minor}`;
  }
  return "1.1";
}

export function supports(version: string, need: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

export interface DetectedCapabilities extends HostCapabilities {
  /** …OrNullObject methods (ExcelApi 1.4): the data area is found without reading the status column's numbering. */
  nullObjects: boolean;
  /** Worksheet.onNameChanged (ExcelApi 1.17): a rename is seen as it happens. */
  nameChangedEvents: boolean;
}

export function detectCapabilities(req: Requirements = Office.context.requirements): DetectedCapabilities {
  const excelApi = highestExcelApi(req);
  return {
    excelApi,
    changeEvents: supports(excelApi, REQUIRED.changeEvents),
    selectionEvents: supports(excelApi, REQUIRED.selectionEvents),
    multiAreaRanges: supports(excelApi, REQUIRED.multiAreaRanges),
    triggerSource: supports(excelApi, REQUIRED.triggerSource),
    insertWorksheets: supports(excelApi, REQUIRED.insertWorksheets),
    nameChangedEvents: supports(excelApi, REQUIRED.nameChangedEvents),
    nullObjects: supports(excelApi, REQUIRED.nullObjects),
  };
}
