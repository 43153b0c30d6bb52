const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * A value that must stay in memory only (an initial password). It prints as 「（非表示）」 in every form a
 * program might log it — String(), template literals, JSON.stringify, console.log / util.inspect — and gives
 * its text only through `reveal()`, so leaking it takes a deliberate call.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return Secret.MASK;
  }

  toJSON(): string {
    return Secret.MASK;
  }

  [INSPECT](): string {
    return `Secret(${Secret.MASK})`;
  }

  static readonly MASK = "（非表示）";
}
