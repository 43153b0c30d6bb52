import { type MasterKind, reviewerMarks, SEND_BACK_SHEET } from "../../domain";
import type { SheetInfo } from "../../excel/gateway-types";
import type { CheckedForm } from "./checked-form";
import type { MastersController } from "./masters-controller";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";
import type { WatchController } from "./watch-controller";

/**
 * The form sheet: finding it when the pane starts (with the workbook's master sheets), opening one and checking it in
 * full, and letting it go when it is deleted.
 */
export class FormController {
  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
    private readonly masters: MastersController,
    private readonly watch: WatchController,
  ) {}

  /** Detects the host, loads the master sheets of the workbook and opens the form sheet (or says there is none). */
  start(): Promise<void> {
    const { session } = this;
    return session.task("form", PANE_FAILURES.start(), async () => {
      const capabilities = session.gateway.capabilities();
      session.store.set({ capabilities, phase: "loading" });
      const sheets = await session.gateway.listSheets();
      session.store.set({ sheets });
      const found: MasterKind[] = [];
      for (const s of sheets) {
        if (s.masterKind && !session.state.masters[s.masterKind]) {
          await this.masters.readSheet(s.name, s.masterKind);
          found.push(s.masterKind);
        }
      }
      if (found.length > 0) this.masters.reportLoaded(found);
      // A marked-up workbook (差戻し): the reviewer's marks are kept where this check cannot confirm them.
      if (sheets.some((s) => s.name === SEND_BACK_SHEET)) this.form.setReviewerMarks(reviewerMarks(await session.gateway.readSheetValues(SEND_BACK_SHEET)));
      const sheet = await this.chooseFormSheet(sheets);
      if (!sheet) {
        session.store.set({ phase: "no-form" });
        return;
      }
      await this.openSheet(sheet);
    });
  }

  /** Opens (or re-opens) a sheet as the form: a full read and check. */
  open(sheet: string): Promise<void> {
    return this.session.task("form", PANE_FAILURES.open(sheet), () => this.openSheet(sheet));
  }

  /**
   * Reads the whole form again and checks every row (the 再チェック button); when it has, the time is kept for the
   * note beside the button (which replaces the one before; none while it runs or after a failure).
   */
  recheck(): Promise<void> {
    const { session } = this;
    const sheet = this.form.sheet;
    session.store.set({ recheckedAt: undefined });
    const done = () => this.form.sheet && session.store.set({ recheckedAt: session.clock() });
    if (!sheet) return this.start().then(() => void done());
    return session.task("form", PANE_FAILURES.recheck(), async () => {
      await this.openSheet(sheet);
      done();
    });
  }

  /** The form sheet changed as a whole in Excel (not row by row): read it again. */
  reload(sheet: string): Promise<void> {
    return this.session.task("form", PANE_FAILURES.reloadForm(), () => this.openSheet(sheet));
  }

  /** The form sheet was deleted: no check to show; the user chooses another form sheet. */
  deleted(sheet: string): Promise<void> {
    const { session } = this;
    return session.task("form", PANE_FAILURES.reloadForm(), async () => {
      await this.watch.stop();
      this.form.close();
      session.store.set({ check: undefined, rowDetail: undefined, selectedRow: undefined, phase: "no-form" });
      session.say("form", "warning", `シート「${sheet}」が削除されました。申請様式のシートを選んでください。`);
      session.store.set({ sheets: await session.gateway.listSheets() });
    });
  }

  private async chooseFormSheet(sheets: SheetInfo[]): Promise<string | undefined> {
    const forms = sheets.filter((s) => s.formHeaderRow !== undefined);
    if (forms.length === 0) return undefined;
    let active: string | undefined;
    try {
      active = await this.session.gateway.activeSheetName();
    } catch {
      active = undefined; // not knowing the active sheet only changes which form is preferred
    }
    return (
      forms.find((s) => s.name === active)?.name ??
      forms.find((s) => s.name === this.session.profile.sheet.preferredName)?.name ??
      forms[0].name
    );
  }

  private async openSheet(sheet: string): Promise<void> {
    const { session } = this;
    // Watch before reading: an edit made while a large form loads is queued and re-checked right after the
    // full check (re-reading a row the snapshot already has is harmless; missing an edit is not).
    await this.watch.watchForm(sheet);
    const label = `シート「${sheet}」を読み込んでいます`;
    session.store.set({ phase: "loading", busy: { label } });
    const snapshot = await session.gateway.readForm(sheet, (p) => session.showProgress(label, p));
    if (this.form.sheet !== sheet) this.form.forgetHighlights();
    this.form.check(snapshot.rows, snapshot.headerRow, snapshot, sheet);
    session.store.set({ phase: "ready" });
    await this.form.showAll(sheet);
  }
}
