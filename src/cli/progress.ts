/** Progress for long work, on stderr only (stdout carries the report / JSON). Silent when stderr is not a terminal. */
export class Progress {
  private last = 0;
  constructor(private readonly enabled = process.stderr.isTTY === true) {}

  step(message: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\x1b[K${message}`);
  }

  done(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}
