import type { FormRow } from "../../domain";
import type { SheetChange } from "../../excel/gateway-types";
import type { CheckedForm } from "./checked-form";
import { failureSentence } from "./office-errors";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";

/** What the pane does about a change Excel reports beyond edited rows; each is queued by the part that owns it. */
export interface SheetReactions {
  /** The form sheet changed as a whole (not row by row): read and check it again. */
  reopen(sheet: string): void;
  /** The form sheet was renamed: find the form again. */
  restart(): void;
  /** The form sheet was deleted. */
  deleted(sheet: string): void;
  /** A master sheet the pane follows changed. */
  masterChanged(sheet: string): void;
  /** The user selected a cell of the form in Excel. */
  selected(address: { row: number; column: string }): void;
}

/**
 * Listens to the open form sheet (and the master sheets it follows) where the host can: edited rows are re-checked
 * incrementally, in one queued task however many events arrive while the queue is busy; other changes and selections
 * go to their reactions.
 */
export class WatchController {
  private unwatch: (() => Promise<void>)[] = [];
  /** The form sheet whose changes are being listened to (set before its first read completes). */
  private watchedSheet?: string;
  private pendingRows = new Map<number, FormRow>();
  private pendingScheduled = false;
  private disposed = false;

  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
    private readonly reactions: SheetReactions,
  ) {}

  /** Listens to a form sheet about to be read: rows edited while it loads are re-checked right after its check. */
  async watchForm(sheet: string): Promise<void> {
    await this.stop();
    this.pendingRows.clear();
    this.watchedSheet = sheet;
    await this.start(sheet);
  }

  /** Listens again to the open form, with the master sheets followed now (a master was loaded or saved). */
  async rewatch(): Promise<void> {
    const sheet = this.form.sheet;
    if (!sheet) return;
    await this.stop();
    await this.start(sheet);
  }

  async stop(): Promise<void> {
    const list = this.unwatch;
    this.unwatch = [];
    for (const off of list) {
      try {
        await off();
      } catch (e) {
        this.session.say("form", "warning", failureSentence(PANE_FAILURES.stopWatching(), e));
      }
    }
  }

  /** The pane is closing: no more listening, and events still on their way are ignored. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stop();
  }

  private async start(sheet: string): Promise<void> {
    const { session } = this;
    const caps = session.state.capabilities;
    if (!caps || this.disposed) return;
    if (caps.changeEvents) {
      const masterSheets = Object.values(session.state.masterOrigins).flatMap((o) => (o?.from === "sheet" ? [o.sheet] : []));
      const watch = await session.gateway.watch(
        sheet,
        masterSheets,
        (change) => this.onSheetChange(change),
        (error) => session.say("form", "error", failureSentence(PANE_FAILURES.readChanges(), error)),
        (busy) => {
          if (!this.disposed) session.store.set({ watchBusy: busy });
        },
      );
      this.unwatch.push(() => watch.stop());
    }
    if (caps.selectionEvents) {
      this.unwatch.push(
        await session.gateway.onSelection(sheet, (address) => {
          if (!this.disposed) this.reactions.selected(address);
        }),
      );
    }
  }

  private onSheetChange(change: SheetChange): void {
    if (this.disposed) return;
    if (change.kind === "rows") {
      if (change.sheet === this.watchedSheet) this.recheckLater(change.rows);
    } else if (change.kind === "master") {
      this.reactions.masterChanged(change.sheet);
    } else if (change.reason === "deleted") {
      this.reactions.deleted(change.sheet);
    } else if (change.reason === "renamed") {
      this.reactions.restart();
    } else {
      this.reactions.reopen(change.sheet);
    }
  }

  /** Rows edited: the latest of each row is re-checked in the next queued task. */
  private recheckLater(rows: FormRow[]): void {
    for (const r of rows) this.pendingRows.set(r.row, r);
    if (this.pendingScheduled) return;
    this.pendingScheduled = true;
    void this.session.task("form", PANE_FAILURES.recheckChanges(), async () => {
      this.pendingScheduled = false;
      const pending = [...this.pendingRows.values()];
      this.pendingRows.clear();
      if (pending.length > 0 && this.form.checker) await this.form.update(pending);
    });
  }
}
