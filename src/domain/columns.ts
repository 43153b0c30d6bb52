/** Column letters ↔ zero-based indexes ("A" = 0, "AN" = 39). */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`not a column letter: ${letter}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters from `first` to `last` inclusive. */
export function columnRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = columnIndex(first); i <= columnIndex(last); i++) out.push(columnLetter(i));
  return out;
}

export function cellAddress(column: string, row: number): string {
  return `${column}${row}`;
}
