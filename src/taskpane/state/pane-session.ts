import type { FormProfile } from "../../domain";
import type { ExcelGateway, Progress } from "../../excel/gateway-types";
import { failureSentence } from "./office-errors";
import { initialPaneState, type FixNote, type PaneMessage, type PanePlace, type PaneState } from "./pane-state";
import { createStore, type Store } from "./store";
import { TaskQueue } from "./task-queue";

/** How often a long step's progress is shown at most (ms). */
const PROGRESS_EVERY = 150;

/**
 * What every part of the form tab shares: the store the components render, the Excel gateway, the one queue of Office
 * calls (a change event never races a read or a fix), the messages (one current message per place) and the progress
 * of a long step. Every failure of a queued task becomes a Japanese message in the pane.
 */
export class PaneSession {
  readonly store: Store<PaneState>;
  private messageId = 0;
  /** The progress last shown: its label and when (see showProgress). */
  private shownProgress: { label: string; at: number } | undefined;

  constructor(
    readonly gateway: ExcelGateway,
    profile: FormProfile,
    readonly queue: TaskQueue = new TaskQueue(),
    /** Milliseconds, for spacing progress updates (tests give a clock of their own). */
    private readonly now: () => number = Date.now,
  ) {
    this.store = createStore(initialPaneState(profile));
  }

  /** The time now (ms since the epoch; tests give a clock of their own). */
  clock(): number {
    return this.now();
  }

  get state(): PaneState {
    return this.store.get();
  }

  get profile(): FormProfile {
    return this.state.profile;
  }

  /**
   * The current message of a place (the form, fixes, masters, highlights): a new one replaces the one before it, so
   * messages never pile up or contradict each other. Newest first; only the newest fix offers 元に戻す.
   */
  say(place: PanePlace, intent: PaneMessage["intent"], text: string, undo = false): void {
    const id = ++this.messageId;
    // A bulk fix's confirmation replaces the last one-click fix's (only the newest fix offers 元に戻す).
    if (undo && this.state.fixNote) this.store.set({ fixNote: undefined });
    this.store.set((s) => ({
      messages: [{ id, place, intent, text, undo: undo || undefined }, ...s.messages.filter((m) => m.place !== place).map((m) => (m.undo ? { ...m, undo: undefined } : m))],
    }));
  }

  /** The confirmation of a one-click fix, in the list; the message bar no longer offers 元に戻す. */
  note(note: Omit<FixNote, "id">): void {
    const id = ++this.messageId;
    this.store.set((s) => ({ fixNote: { id, ...note }, messages: s.messages.map((m) => (m.undo ? { ...m, undo: undefined } : m)) }));
  }

  /** Queues an Office operation; a failure becomes its sentence (from PANE_FAILURES) and why, in the pane. */
  task(place: PanePlace, failed: string, body: () => Promise<void>): Promise<void> {
    if (!this.state.working) this.store.set({ working: true });
    return this.queue.run(async () => {
      const before = this.messageId;
      try {
        await body();
        // Done this time: an earlier failure of this place is no longer the current status.
        this.store.set((s) => ({ messages: s.messages.filter((m) => !(m.place === place && m.intent === "error" && m.id <= before)) }));
      } catch (e) {
        this.say(place, "error", failureSentence(failed, e));
      } finally {
        if (this.state.busy) this.store.set({ busy: undefined });
        if (this.state.phase === "loading") this.store.set({ phase: this.state.check ? "ready" : "no-form" });
        if (this.queue.size <= 1) this.store.set({ working: false });
      }
    });
  }

  /**
   * Progress of a long step, shown at most every PROGRESS_EVERY ms, except a step's first report (a new label) and its
   * last: each update lays out and repaints the pane, and a read that reports 50 times a second takes CPU from the
   * worker doing the read.
   */
  showProgress(label: string, p: Progress): void {
    const now = this.now();
    const shown = this.shownProgress;
    const last = p.total > 0 && p.done >= p.total;
    if (!last && shown?.label === label && now - shown.at < PROGRESS_EVERY) return;
    this.shownProgress = { label, at: now };
    this.store.set({ busy: { label, done: p.done, total: p.total } });
  }
}
