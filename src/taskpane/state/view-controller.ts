import type { CellProblem } from "../../domain";
import type { CheckedForm } from "./checked-form";
import type { SeverityFilter } from "./findings-view";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";
import type { PaneView } from "./pane-state";
import { describeRow } from "./row-detail";

/**
 * What the user looks at: the tab, the findings' filter and page, the row shown, the dismissed messages, and the
 * cell selected in the sheet from the pane or in Excel by the user.
 */
export class ViewController {
  /** The cell the pane itself last selected, so that the echo of that selection does not switch tabs. */
  private lastPaneSelection?: string;

  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
  ) {}

  setView(view: PaneView): void {
    this.session.store.set({ view });
  }

  setSeverity(severity: SeverityFilter): void {
    this.session.store.set({ severity, page: 0 });
  }

  setPage(page: number): void {
    this.session.store.set({ page });
  }

  showRow(row: number): void {
    const { session } = this;
    const checker = this.form.checker;
    session.store.set({
      selectedRow: row,
      rowDetail: checker && session.state.check ? describeRow(checker, row, this.form.profile, session.state.masters) : undefined,
    });
  }

  /** A finding (or a row) clicked in the pane: select its cell in the sheet and show the row. */
  select(target: CellProblem | { row: number; column?: string }): Promise<void> {
    const cell = "place" in target ? target.place : target;
    const column = cell.column ?? this.form.profile.fields.name.column;
    const address = `${column}${cell.row}`;
    this.showRow(cell.row);
    return this.session.task("form", PANE_FAILURES.selectCell(address), async () => {
      const { sheet } = this.form.require();
      this.lastPaneSelection = address;
      await this.session.gateway.selectCell(sheet, address);
    });
  }

  /** A row link of the findings list: select the row in the sheet and show it, the focus going to the row view. */
  openRow(row: number, column?: string): Promise<void> {
    const selecting = this.select({ row, column });
    this.session.store.set({ view: "row", focusRowDetail: true });
    return selecting;
  }

  /** The row view has taken the focus it was opened with. */
  rowDetailFocused(): void {
    if (this.session.state.focusRowDetail) this.session.store.set({ focusRowDetail: undefined });
  }

  /** The user selected a cell in Excel: its row is shown, in the row view unless the pane selected it itself. */
  selectedInExcel(address: { row: number; column: string }): void {
    const checker = this.form.checker;
    if (!checker) return;
    const echo = this.lastPaneSelection === `${address.column}${address.row}`;
    this.lastPaneSelection = undefined;
    this.showRow(address.row);
    if (!echo && address.row >= checker.firstDataRow) this.session.store.set({ view: "row" });
  }

  dismissFixNote(): void {
    this.session.store.set({ fixNote: undefined });
  }

  dismissMessage(id: number): void {
    this.session.store.set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  }
}
