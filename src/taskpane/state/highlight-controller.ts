import type { CheckedForm } from "./checked-form";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";

/** ハイライトを消す and its way back: whether the pane colours the form sheet at all. */
export class HighlightController {
  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
  ) {}

  /** The data area's A column and input cells back to the template's look; values untouched. */
  clear(): Promise<void> {
    const { session } = this;
    return session.task("highlights", PANE_FAILURES.clearHighlights(), async () => {
      await this.form.clearHighlights();
      session.store.set({ highlights: false });
      session.say("highlights", "success", "ハイライトを消しました。入力値は変更していません。");
    });
  }

  show(): Promise<void> {
    return this.session.task("highlights", PANE_FAILURES.showHighlights(), async () => {
      this.session.store.set({ highlights: true });
      await this.form.highlightAll();
    });
  }
}
