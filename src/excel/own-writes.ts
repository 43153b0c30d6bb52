// Hosts without WorksheetChangedEventArgs.triggerSource (before ExcelApi 1.14) cannot say which changes the
// add-in made itself. The add-in notes each value it writes; the first change event with that exact address
// within a few seconds is taken to be the echo of that write and is not re-checked.

const ECHO_WINDOW_MS = 5000;

function normalize(address: string): string {
  const body = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return body.replace(/\$/g, "").toUpperCase();
}

export class OwnWrites {
  private expected: { sheetId: string; address: string; until: number }[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  expect(sheetId: string, addresses: readonly string[]): void {
    const until = this.now() + ECHO_WINDOW_MS;
    for (const a of addresses) this.expected.push({ sheetId, address: normalize(a), until });
  }

  /** True (and forgotten) when the event is the echo of a write the add-in made. */
  consume(sheetId: string, address: string): boolean {
    const t = this.now();
    this.expected = this.expected.filter((e) => e.until >= t);
    const key = normalize(address);
    const i = this.expected.findIndex((e) => e.sheetId === sheetId && e.address === key);
    if (i < 0) return false;
    this.expected.splice(i, 1);
    return true;
  }
}
