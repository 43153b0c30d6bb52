/**
 * Code → its position in a master's code column, as an open-addressing hash table held in one Int32Array. A Map of
 * 180,000 codes takes about 100 ms to fill, and the pane would have to fill it again on its main thread after the
 * worker sent the index; this table is filled in a fraction of that and crosses to the pane as one transferable
 * buffer, ready to use. Each slot holds a position in `codes`, or -1 (empty).
 */
export class CodeTable {
  private readonly mask: number;

  /** `slots`: a table made by `CodeTable.sized` and filled with `add`, over these `codes`. */
  constructor(
    readonly slots: Int32Array,
    private readonly codes: readonly string[],
  ) {
    this.mask = slots.length - 1;
  }

  /** An empty table with room for `count` codes (at most half its slots are ever used). */
  static sized(count: number, codes: readonly string[]): CodeTable {
    let size = 16;
    while (size < count * 2) size *= 2;
    return new CodeTable(new Int32Array(size).fill(-1), codes);
  }

  /** A table of every code of `codes` (each at its position; the codes are all different). */
  static of(codes: readonly string[]): CodeTable {
    const table = CodeTable.sized(codes.length, codes);
    codes.forEach((code, i) => table.add(code, i));
    return table;
  }

  /** The position of `code` in `codes`, or -1. */
  find(code: string): number {
    for (let slot = hash(code) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot];
      if (at < 0) return -1;
      if (this.codes[at] === code) return at;
    }
  }

  /** Records that `codes[position]` is `code` (not in the table yet). */
  add(code: string, position: number): void {
    let slot = hash(code) & this.mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = position;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
