/**
 * Runs async tasks one at a time in the order they were queued: a change event that arrives while the
 * form is being read waits for the read instead of racing it.
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const next = this.tail.then(task);
    this.tail = next.then(
      () => this.pending--,
      () => this.pending--,
    );
    return next;
  }

  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** Tasks queued or running, the current one included. */
  get size(): number {
    return this.pending;
  }
}
