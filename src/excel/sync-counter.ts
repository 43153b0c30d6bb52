// Counts context.sync() round trips, so reads can report (and tests can assert) how many they took.
export class SyncCounter {
  count = 0;

  async sync(context: Excel.RequestContext): Promise<void> {
    this.count++;
    await context.sync();
  }
}
