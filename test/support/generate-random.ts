// Seeded randomness for the generators (generate-masters.ts, generate-form.ts): the same seed, the same data.

/** mulberry32: small, fast, good enough for test data; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
}

export const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A fixed-line number valid for Japan (libphonenumber-js): 03/06 area, subscriber starting 3-6. */
export function landline(d: Dice): string {
  return `${d.pick(["03", "06"])}-${3 + d.int(4)}${d.digits(3)}-${d.digits(4)}`;
}

