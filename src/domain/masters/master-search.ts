import { foldForMatch, nfkc } from "../text/normalize";

export interface SearchOptions {
  /** At most this many records (50). */
  limit?: number;
  /**
   * 保健所コード sets, nearest first (e.g. the row's own 保健所, the form's 保健所, the 保健所 of the form's 都道府県): a
   * record whose 保健所 (its code in the 保健所マスタ, its 保健所コード in an institution master) is in an earlier set
   * comes first, whatever the match; records in none come last.
   */
  prefer?: readonly ReadonlySet<string>[];
}

/** The words of a query: split at spaces (full- or half-width, after NFKC), each folded as the search keys are. */
function queryWords(query: string): string[] {
  return nfkc(query)
    .split(/[\s\u3000]+/)
    .map(foldForMatch)
    .filter((w) => w !== "");
}

/** How well one word matches a record: 0 its code, 1 a code prefix, 2 the start of a key part, 3 anywhere; -1 not. */
function wordRank(code: string, key: string, word: string, partStart: string): number {
  if (code === word) return 0;
  if (code.startsWith(word)) return 1;
  const at = key.indexOf(word);
  if (at < 0) return -1;
  return at === 0 || key.includes(partStart) ? 2 : 3;
}

/**
 * Positions of the records that match every word of `query`, best first (see MasterIndex.search): by the first
 * `prefer` set holding the record's 保健所 (`healthCenters[i]`), then by the worst-matching word's rank, then by code.
 * One pass over the master keeping only the best `limit` (a 180,000-row master is searched as the user types).
 */
export function searchMaster(
  codes: readonly string[],
  keys: readonly string[],
  query: string,
  limit: number,
  healthCenters: readonly string[] | undefined,
  prefer: readonly ReadonlySet<string>[],
): number[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const starts = words.map((w) => "\u0000" + w);
  const farthest = prefer.length;
  // The best hits so far, best first: [tier, rank, position].
  const best: [number, number, number][] = [];
  const before = (t: number, r: number, i: number, o: readonly [number, number, number]) =>
    t !== o[0] ? t < o[0] : r !== o[1] ? r < o[1] : codes[i] !== codes[o[2]] ? codes[i] < codes[o[2]] : i < o[2];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const key = keys[i];
    let rank = 0;
    for (let w = 0; w < words.length && rank >= 0; w++) {
      const r = wordRank(code, key, words[w], starts[w]);
      rank = r < 0 ? -1 : Math.max(rank, r);
    }
    if (rank < 0) continue;
    let tier = farthest;
    if (healthCenters) {
      const hc = healthCenters[i];
      for (let t = 0; t < farthest; t++) {
        if (prefer[t].has(hc)) {
          tier = t;
          break;
        }
      }
    }
    if (best.length === limit && !before(tier, rank, i, best[limit - 1])) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(tier, rank, i, best[mid])) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, [tier, rank, i]);
    if (best.length > limit) best.pop();
  }
  return best.map((b) => b[2]);
}
