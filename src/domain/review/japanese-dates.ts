/** 2026年12月6日 (the local calendar date: the letter's date). */
export function japaneseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * A stored ISO time as a Japanese reader writes it, in the given IANA time zone: 「2026年12月6日 16:11」. The zone
 * is a parameter (the pane passes its own) so the same report reads the same in tests on any machine. Text that
 * is not a time is returned as it is.
 */
export function japaneseDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
  } catch {
    return iso;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return `${part("year")}年${part("month")}月${part("day")}日 ${part("hour") % 24}:${String(part("minute")).padStart(2, "0")}`;
}
