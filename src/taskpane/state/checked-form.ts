import { cellText, checkForm, checkNotices, columnIndex, effectiveProfile, FormChecker, type FormProfile, formTabColumnNotice, type FormRow, type Problem, type ReviewerMark } from "../../domain";
import type { FormSnapshot } from "../../excel/gateway-types";
import { pageCount, groupFindings } from "./findings-view";
import { fullPlanRows, highlightPlan } from "./highlight-plan";
import type { PaneSession } from "./pane-session";
import { describeRow } from "./row-detail";

/**
 * The form view is the institution's (the one filling the form): items the profile leaves to the municipality are info
 * when blank. The municipality's review (review mode) and every export use the reviewer's view.
 */
const FORM_VIEW = "institution" as const;

/**
 * The form sheet as checked: the checker over its rows, what the pane shows of it (the store's `check`) and what is
 * coloured in the sheet. Opening, new masters, edits and fixes all go through here, so the list and the sheet's
 * colours always show the same check.
 */
export class CheckedForm {
  private current?: FormChecker;
  /** The last row the sheet may be coloured down to, so that clearing or recolouring covers rows since emptied. */
  private highlightedUpTo = 0;
  /** The open sheet's own profile when its columns are not where the profile says (found by their headings). */
  private sheetProfile?: FormProfile;
  /** How the open sheet's columns were found (columns.*), said once beside the check; none for the untouched form. */
  private columnNotices: Problem[] = [];
  /** The reviewer's 要修正 marks when the workbook is a marked-up one (its letter sheet lists them). */
  private marks: readonly ReviewerMark[] = [];

  constructor(private readonly session: PaneSession) {}

  /** A marked-up workbook: its reviewer's 要修正 marks stand where this check cannot confirm them (FormChecker.setCarried). */
  setReviewerMarks(marks: readonly ReviewerMark[]): void {
    this.marks = marks.filter((m) => m.severity === "error");
  }

  get checker(): FormChecker | undefined {
    return this.current;
  }

  /**
   * The profile the open sheet is checked, coloured and fixed by: its own columns (what the gateway read it by), the
   * pane's profile itself when every item is where it says.
   */
  get profile(): FormProfile {
    return this.sheetProfile ?? this.session.profile;
  }

  /** The form sheet the pane shows the check of. */
  get sheet(): string | undefined {
    return this.session.state.check?.sheet;
  }

  /** The open form, for a step that needs one (its failure says that none is open). */
  require(): { sheet: string; checker: FormChecker } {
    const sheet = this.sheet;
    if (!sheet || !this.current) throw new Error("申請様式のシートが開かれていません。");
    return { sheet, checker: this.current };
  }

  /**
   * Checks these rows from scratch (a form just read, or the same rows with new masters); shown by showAll. With the
   * snapshot (a form just read), the sheet's own columns as the gateway mapped them replace the previous sheet's.
   */
  check(rows: readonly FormRow[], headerRow: number, snapshot?: Pick<FormSnapshot, "mapping" | "columnNotices">, sheet = this.sheet): void {
    const { state } = this.session;
    if (snapshot) {
      const base = this.session.profile;
      // The sheet's columns as the gateway found them, on the pane's profile (its required items, its view).
      this.sheetProfile = snapshot.mapping && !snapshot.mapping.unchanged ? effectiveProfile(base, snapshot.mapping) : undefined;
      const moved = snapshot.mapping && formTabColumnNotice(snapshot.mapping, base);
      this.columnNotices = [...(moved ? [moved] : []), ...(snapshot.columnNotices ?? [])];
    }
    const checker = checkForm(rows, headerRow, this.profile, state.masters, FORM_VIEW);
    const marks = this.marks.filter((m) => m.sheet === sheet);
    if (marks.length > 0) checker.setCarried(marks);
    this.current = checker;
  }

  /** The rows of the current check, as read (to check them again with new masters). */
  rows(): FormRow[] {
    const checker = this.current;
    return checker ? checker.filledRows().map((r) => checker.rowInput(r)!) : [];
  }

  /** Shows a full check in the pane and colours every row of it (and rows coloured before, now emptied). */
  async showAll(sheet: string): Promise<void> {
    const rows = fullPlanRows(this.current!, this.highlightedUpTo);
    this.publish("full", rows, sheet);
    if (this.session.state.highlights) await this.highlight(rows);
  }

  /** Re-checks rows incrementally and recolours only the rows whose outcome may have changed. */
  async update(rows: FormRow[]): Promise<void> {
    const changed = [...this.current!.update(rows)].sort((a, b) => a - b);
    this.publish("incremental", changed);
    if (this.session.state.highlights && changed.length > 0) await this.highlight(changed);
  }

  /** Shows these rows as the ones just re-checked (the fix the user pressed is no longer there to write). */
  showChanged(rows: number[]): void {
    this.publish("incremental", rows);
  }

  /** Reads rows again as Excel holds them and re-checks them (before and after a fix). */
  async reread(sheet: string, rows: number[]): Promise<void> {
    const fresh = await this.session.gateway.readRows(sheet, rows);
    await this.update(fresh);
  }

  /** The check is of another sheet: what was coloured before belongs to the previous one. */
  forgetHighlights(): void {
    this.highlightedUpTo = 0;
  }

  /** The form sheet is gone: no check, nothing coloured. */
  close(): void {
    this.current = undefined;
    this.sheetProfile = undefined;
    this.columnNotices = [];
    this.highlightedUpTo = 0;
  }

  async highlight(rows: number[]): Promise<void> {
    const sheet = this.sheet;
    if (!sheet || !this.current || rows.length === 0) return;
    const plan = highlightPlan(this.current, rows, this.profile.sheet.statusColumn);
    await this.session.gateway.applyHighlights(sheet, plan);
    this.highlightedUpTo = Math.max(this.highlightedUpTo, this.current.lastRow);
  }

  /** Colours every row again (after the user turned highlights back on). */
  highlightAll(): Promise<void> {
    return this.highlight(fullPlanRows(this.require().checker, this.highlightedUpTo));
  }

  /** The data area's A column and input cells back to the template's look; values untouched. */
  async clearHighlights(): Promise<void> {
    const { sheet, checker } = this.require();
    const first = checker.firstDataRow;
    const last = Math.max(checker.lastRow, this.highlightedUpTo, first);
    await this.session.gateway.clearHighlights(sheet, first, last);
    this.highlightedUpTo = 0;
  }

  /** What a cell of the form holds now, as text (for labels such as 「9」を「09」に直す and for undo). */
  cellText(address: string): string {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return cellText(this.current?.rowInput(Number(row))?.cells[columnIndex(column)] ?? null);
  }

  private publish(mode: "full" | "incremental", changedRows: number[], sheet = this.sheet): void {
    const { session } = this;
    const checker = this.current!;
    const result = checker.result();
    const pages = pageCount(groupFindings(result, session.state.severity).groups.length);
    const selectedRow = session.state.selectedRow;
    session.store.set((s) => ({
      check: {
        sheet: sheet!,
        headerRow: checker.headerRow,
        result,
        version: (s.check?.version ?? 0) + 1,
        notices: [...this.columnNotices, ...checkNotices(checker, this.profile, s.masters)],
        ...(this.sheetProfile ? { profile: this.sheetProfile } : {}),
        changedRows,
        mode,
      },
      page: Math.min(s.page, pages - 1),
      rowDetail: selectedRow !== undefined ? describeRow(checker, selectedRow, this.profile, s.masters) : undefined,
    }));
  }
}
