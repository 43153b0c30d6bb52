import type { MasterIndex, MasterRecord } from "./master-index";
import { prefectureOf } from "./place-readings";

/** A 保健所's 都道府県: its 都道府県名 column, else the 都道府県 its name begins with (青森県中央保健所). */
function healthCenterPrefecture(record: MasterRecord): string | undefined {
  if (record.prefecture) return prefectureOf(record.prefecture)?.name ?? record.prefecture;
  return prefectureOf(record.name ?? "")?.name;
}

/**
 * What the pickers list first (MasterIndex.search's `prefer`): the row's own 保健所 (`nearest`: e.g. the 保健所 of
 * the institution AJ names), then the 保健所 the form names (`form`: its rows' 保健所コード), then every 保健所 of the
 * 都道府県 of those; the rest of the country after them.
 */
export function searchPreference(
  healthCenter: MasterIndex | undefined,
  nearest: readonly (string | undefined)[],
  form: readonly string[],
): ReadonlySet<string>[] {
  const first = new Set(nearest.filter((c): c is string => c !== undefined && c !== ""));
  const own = new Set(form.filter((c) => c !== "" && !first.has(c)));
  const area = new Set<string>();
  if (healthCenter) {
    const prefectures = new Set<string>();
    for (const code of [...first, ...own]) {
      for (const r of healthCenter.all(code)) {
        const p = healthCenterPrefecture(r);
        if (p) prefectures.add(p);
      }
    }
    if (prefectures.size > 0) {
      for (const code of healthCenter.codes) {
        if (first.has(code) || own.has(code)) continue;
        const p = healthCenterPrefecture(healthCenter.get(code)!);
        if (p && prefectures.has(p)) area.add(code);
      }
    }
  }
  return [first, own, area];
}
