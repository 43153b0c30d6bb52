/**
 * A growable list of int32s. A plain array pushed a million times costs several times more (V8 re-allocates
 * and copies large element stores on the old-space heap); the reader keeps millions of positions in these.
 */
export class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Room for `count` values in all, made at once (no growing by doubling while they are pushed). */
  reserve(count: number): void {
    if (count <= this.data.length) return;
    const grown = new Int32Array(count);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  pop(): void {
    if (this.length > 0) this.length--;
  }

  /** The values, as a view of the list's own memory (valid until the next push). */
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
