import type { ZipEntry } from "./zip";
import { attribute } from "./xml-scanner";
import { scanPart } from "./package";

/** The number formats of a workbook's styles that mark a cell as a date, and the date serial arithmetic. */

/**
 * Excel's built-in formats that show a date (ids 14–17 and 22; in Japanese 27–31, 34–36 and 50–58). The time-only
 * and elapsed-time ones (18–21 h:mm…, 45–47 mm:ss, [h]:mm:ss; 32–33 h"時"mm"分" in Japanese) are not dates.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a format code shows a date: a year, day or month part outside quotes, [..] and escaped characters. A code
 * with only hours, minutes and seconds (h:mm, [h]:mm:ss, mm:ss) shows a time of day or an elapsed time, not a date:
 * such a cell is read as its number, like any other number (the check has no time field; a date would make up a
 * day out of a duration). "m" is a month only where the code has no hour, second or elapsed-time part ([h], [mm]).
 */
export function isDateFormat(code: string): boolean {
  const unquoted = code.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  const bare = unquoted.replace(/\[[^\]]*]/g, "").replace(/AM\/PM|A\/P/gi, "");
  if (/[yYdDb]/.test(bare)) return true;
  // [h], [mm], [ss]: an elapsed time, whose minutes are never a month.
  return /[mM]/.test(bare) && !/[hHsS]/.test(bare) && !/\[(?:h+|m+|s+)]/i.test(unquoted);
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

const DAY_MS = 86400000;

/**
 * Serial date → yyyy-mm-dd as Excel shows it. In the 1900 date system Excel counts a 29 February 1900 that never was
 * (serial 60), so serials 1–59 are a day later than the plain count from 1899-12-30 gives, 60 is shown as
 * 1900-02-29 and 0 as 1900-01-00; from 61 on the plain count is right. The 1904 system counts from 1904-01-01 = 0.
 * The time of day is left out (a serial is rounded to the millisecond, then its day taken). A negative serial, which
 * Excel cannot show as a date (#####), is not given here: the reader keeps it as its number.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (!date1904 && day < 61 && day >= 0) {
    if (day === 0) return "1900-01-00";
    if (day === 60) return "1900-02-29";
    return plainDate(day + 1 - 25569) ?? String(serial);
  }
  return plainDate(day - 25569 + (date1904 ? 1462 : 0)) ?? String(serial);
}

/** Days since 1970-01-01 → yyyy-mm-dd; undefined out of Date's range. */
function plainDate(days: number): string | undefined {
  const d = new Date(days * DAY_MS);
  return isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}
