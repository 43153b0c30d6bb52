/**
 * Waiting for "nothing more is coming" instead of sleeping. The tests' sources of work each say whether they are
 * busy and give a promise of their next quiet moment: a task queue (the pane's, the review's) and a host's event
 * delivery (the stand-in Excel host's model, the pane tests' fake gateway). `settled` waits on each in turn until a
 * whole round finds them all quiet: a delivered change event queues a task, and a task's write emits an event.
 *
 * A host's `eventsDelivered()` resolves a macrotask after the delivery, so the handlers' promise chains have run by
 * then too: give `settled` an event source whenever work starts from a promise that nothing in the list awaits.
 * In the pane's tests, call it inside React's act (`act(() => settled(...))`) so that what it lets happen renders.
 */
export interface WorkSource {
  /** Resolves when the work started so far is done. */
  idle(): Promise<unknown>;
  /** Whether there is work under way (still, or again). */
  busy(): boolean;
}

/** Resolves once every source is idle and none started anything more meanwhile; fails after `maxRounds` rounds. */
export async function settled(sources: readonly WorkSource[], maxRounds = 100): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    for (const source of sources) await source.idle();
    if (!sources.some((s) => s.busy())) return;
  }
  throw new Error(`settled(): still busy after ${maxRounds} rounds`);
}

/** A task queue (TaskQueue): idle once its tasks are done, busy while any is queued or running. */
export function queueSource(queue: { idle(): Promise<unknown>; readonly size: number }): WorkSource {
  return { idle: () => queue.idle(), busy: () => queue.size > 0 };
}

/** A host's change and selection events: idle once every event emitted so far has reached the add-in's handlers. */
export function eventSource(host: { eventsDelivered(): Promise<void>; readonly eventsPending: number }): WorkSource {
  return { idle: () => host.eventsDelivered(), busy: () => host.eventsPending > 0 };
}
