import type { MasterIndex } from "../masters/master-index";
import { nfkc, trimSpaces } from "../text/normalize";

export interface ListedHealthCenter {
  code: string;
  name: string;
  cityCode: string;
}

export interface HealthCenterSelection {
  centers: ListedHealthCenter[];
  /** Jurisdiction codes that selected no 保健所 (the CLI reports them as a usage problem). */
  unmatched: string[];
}

/**
 * The 保健所 a distributable form offers in column K.
 *
 * A jurisdiction code selects the 保健所 whose 中核市コード (保健所マスタ G, the value the form's column I carries:
 * the window that receives the application) equals it — a prefecture's own code (e.g. 130000) selects the
 * prefecture's 保健所, a 中核市's code its city 保健所 —, or, given 2 digits, every 保健所 of that 都道府県 (the first two
 * digits of the 中核市コード, which is a 全国地方公共団体コード), or a single 保健所 by its 保健所コード (B).
 * No code: every 保健所 of the master. Master order is kept; a code listed twice in the master appears once.
 */
export function selectHealthCenters(master: MasterIndex, jurisdictions: readonly string[]): HealthCenterSelection {
  const wanted = jurisdictions.map((j) => nfkc(trimSpaces(j))).filter((j) => j !== "");
  const names = master.attributes.name ?? [];
  const cities = master.attributes.cityCode ?? [];
  const all: ListedHealthCenter[] = master.codes.map((code, i) => ({ code, name: names[i] ?? "", cityCode: cities[i] ?? "" }));
  if (wanted.length === 0) return { centers: all, unmatched: [] };
  const matches = (c: ListedHealthCenter, j: string) =>
    c.cityCode === j || c.code === j || (/^\d{2}$/.test(j) && c.cityCode.startsWith(j));
  const unmatched = wanted.filter((j) => !all.some((c) => matches(c, j)));
  return { centers: all.filter((c) => wanted.some((j) => matches(c, j))), unmatched };
}
