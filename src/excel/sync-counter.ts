// Counts context.sync() round trips, so reads can report (and tests can assert) how many they took. The code
// calls context.sync() itself (as the office-addins lint rules expect); attach() makes those calls counted.
const ATTACHED = Symbol("syncCounter");

export class SyncCounter {
  count = 0;
  private stopped = false;

  /** Stops counting: Excel.run's own closing sync (with nothing queued by us) is not one of ours. */
  stop(): void {
    this.stopped = true;
  }

  /** Counts every later context.sync() of this context (once per context; later attach calls are no-ops). */
  attach(context: Excel.RequestContext): this {
    const ctx = context as Excel.RequestContext & { [ATTACHED]?: SyncCounter };
    if (ctx[ATTACHED]) return this;
    const sync = context.sync.bind(context);
    ctx[ATTACHED] = this;
    context.sync = (<T>(passThroughValue?: T) => {
      if (!this.stopped) this.count++;
      return sync(passThroughValue);
    }) as typeof context.sync;
    return this;
  }
}
