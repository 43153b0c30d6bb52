// The rows of each watched form as last handed to the pane, so a change event whose rows read back the same
// (the echo of the add-in's own write, a paste of identical values, a format-only change) reports nothing:
// no re-check, no re-colouring, no loop.
import type { FormRow } from "../domain";

export class RowCache {
  private sheets = new Map<string, Map<number, string>>();

  reset(sheetId: string, rows: readonly FormRow[]): void {
    const m = new Map<number, string>();
    for (const r of rows) m.set(r.row, JSON.stringify(r.cells));
    this.sheets.set(sheetId, m);
  }

  clear(sheetId: string): void {
    this.sheets.delete(sheetId);
  }

  remember(sheetId: string, rows: readonly FormRow[]): void {
    let m = this.sheets.get(sheetId);
    if (!m) this.sheets.set(sheetId, (m = new Map()));
    for (const r of rows) m.set(r.row, JSON.stringify(r.cells));
  }

  /** The rows that differ from what was last seen (all of them when the sheet was never read); remembers them. */
  changed(sheetId: string, rows: readonly FormRow[]): FormRow[] {
    const m = this.sheets.get(sheetId);
    const out: FormRow[] = [];
    for (const r of rows) {
      const text = JSON.stringify(r.cells);
      if (m?.get(r.row) === text) continue;
      // A row never seen that is empty now was empty before too (rows below the data area).
      if (m && !m.has(r.row) && r.cells.every((c) => c === null)) continue;
      out.push(r);
    }
    this.remember(sheetId, out);
    return out;
  }
}
