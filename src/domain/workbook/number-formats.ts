import type { ZipEntry } from "./zip";
import { attribute } from "./xml-scanner";
import { scanPart } from "./package";

/** The number formats of a workbook's styles that mark a cell as a date, and the date serial arithmetic. */

/** Excel's built-in date and time formats (ids 14–22, 27–36 and 50–58 in Japanese, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The same test exceljs applies to a format code: date/time letters outside quotes and [..]. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (cellXfs), whether its number format shows a date. Nothing else of styles is read. */
export function readDateStyles(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanPart(bytes, entries, path, {
    open(name, attrs, selfClosing) {
      if (name === "numFmt") {
        const id = Number(attribute(attrs, "numFmtId"));
        custom.set(id, attribute(attrs, "formatCode") ?? "");
      } else if (name === "cellXfs") {
        inCellXfs = !selfClosing;
      } else if (name === "xf" && inCellXfs) {
        xfFormats.push(Number(attribute(attrs, "numFmtId") ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}

/** Serial date → yyyy-mm-dd, the same arithmetic as exceljs (and so the same output as before). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}
