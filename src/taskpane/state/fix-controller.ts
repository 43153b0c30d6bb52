import { type CellProblem, isAbsentColumn, type ProblemCode, type MasterRecord } from "../../domain";
import type { CheckedForm } from "./checked-form";
import { editsFor } from "./fix-kinds";
import { PANE_FAILURES } from "./pane-failures";
import type { PaneSession } from "./pane-session";

export type Edit = { address: string; value: string };

/** Where a picker's confirmation is shown (FixNote's `near`): in that picker, not in the list. */
export const PICKER_NOTE = { healthCenter: "picker:healthCenter", institution: "picker:institution" } as const;

const rowOf = (address: string): number => Number(/\d+$/.exec(address)![0]);
const rowsOf = (edits: Edit[]): number[] => [...new Set(edits.map((e) => rowOf(e.address)))];

/**
 * What the pane writes into the form, only when the user asks: one finding's fix, every fix of one kind, a 保健所 or
 * institution picked from a master, and 元に戻す of the last of these. A fix is written only if its cell still holds
 * what the finding was about, and the rows are read back as Excel stored them.
 */
export class FixController {
  private lastFix?: { sheet: string; before: Edit[]; after: Edit[] };

  constructor(
    private readonly session: PaneSession,
    private readonly form: CheckedForm,
  ) {}

  /**
   * Applies one finding's suggested value, if the cell still holds what the finding was about. The confirmation is
   * shown in the findings list before the finding `near` (see findingKey), where the user is.
   */
  applyFix(target: CellProblem, near?: string): Promise<void> {
    return this.session.task("fix", PANE_FAILURES.fix(), async () => {
      const { sheet } = this.form.require();
      await this.form.reread(sheet, [target.place.row]);
      const current = this.form
        .require()
        .checker.rowFindings(target.place.row)
        .find((f) => f.code === target.code && f.place.column === target.place.column && f.fix === target.fix);
      if (!current || current.fix === undefined) {
        this.session.say("fix", "warning", `${target.place.column}${target.place.row} はすでに変更されています。最新のチェック結果を確認してください。`);
        this.form.showChanged([target.place.row]);
        return;
      }
      await this.write(sheet, [{ address: `${current.place.column}${current.place.row}`, value: current.fix }], "修正", near ?? "");
    });
  }

  /** How many cells a bulk fix of this kind would change now (for the confirmation dialog). */
  pendingFixes(code: ProblemCode): Edit[] {
    const findings = this.session.state.check?.result.findings.filter((f) => f.code === code) ?? [];
    return editsFor(findings);
  }

  /** The same edits with what each cell holds now, so a confirmation can show 前 → 後. */
  pendingFixPreview(code: ProblemCode): (Edit & { before: string })[] {
    return this.pendingFixes(code).map((e) => ({ ...e, before: this.form.cellText(e.address) }));
  }

  /** Applies every suggested fix of one kind (after the user confirmed the count). */
  applyFixes(code: ProblemCode): Promise<void> {
    return this.session.task("fix", PANE_FAILURES.bulkFix(), async () => {
      const { sheet } = this.form.require();
      const rows = rowsOf(this.pendingFixes(code));
      if (rows.length === 0) return;
      await this.form.reread(sheet, rows);
      const { checker } = this.form.require();
      const edits = editsFor(rows.flatMap((r) => checker.rowFindings(r).filter((f) => f.code === code)));
      if (edits.length === 0) {
        this.session.say("fix", "warning", "修正できるセルはもうありません（すでに変更されています）。");
        this.form.showChanged(rows);
        return;
      }
      await this.write(sheet, edits, "まとめて修正");
    });
  }

  /**
   * Fills 中核市コード (I) and 保健所コード (K) from a 保健所マスタ record. The confirmation (with 元に戻す) is shown in
   * the picker (PICKER_NOTE), beside the control the user pressed.
   */
  pickHealthCenter(row: number, record: MasterRecord): Promise<void> {
    return this.session.task("fix", PANE_FAILURES.healthCenter(), async () => {
      const { sheet } = this.form.require();
      const edits = this.healthCenterEdits(row, record);
      await this.write(sheet, edits, "保健所の設定", PICKER_NOTE.healthCenter, `${edits.map((e) => `${e.address} に ${e.value}`).join("、")}（${record.name ?? record.code}）を設定しました。`);
    });
  }

  /** Fills 所属医療機関/動物診療施設コード (AJ) from the master that E selects, and I/K from `healthCenter` when given. */
  pickInstitution(row: number, record: MasterRecord, healthCenter?: MasterRecord): Promise<void> {
    return this.session.task("fix", PANE_FAILURES.institution(), async () => {
      const { sheet } = this.form.require();
      const aj: Edit = { address: `${this.form.profile.fields.institutionCode.column}${row}`, value: record.code };
      const centers = healthCenter ? this.healthCenterEdits(row, healthCenter) : [];
      const said = `${aj.address} に ${record.code}（${record.name ?? record.code}）${centers.map((e) => `、${e.address} に ${e.value}`).join("")}を設定しました。`;
      await this.write(sheet, [...centers, aj], "医療機関の設定", PICKER_NOTE.institution, said);
    });
  }

  private healthCenterEdits(row: number, record: MasterRecord): Edit[] {
    const f = this.form.profile.fields;
    const edits: Edit[] = [{ address: `${f.healthCenterCode.column}${row}`, value: record.code }];
    if (record.cityCode !== undefined) edits.unshift({ address: `${f.cityCode.column}${row}`, value: record.cityCode });
    return edits;
  }

  /**
   * 元に戻す: the cells of the last fix (one or a bulk fix) get back what they held, when they still hold what the fix
   * wrote (a cell changed since is left alone and named).
   */
  undoLastFix(): Promise<void> {
    const { session, form } = this;
    return session.task("fix", PANE_FAILURES.undoFix(), async () => {
      const fix = this.lastFix;
      if (!fix) return;
      this.lastFix = undefined;
      const rows = rowsOf(fix.before);
      await form.reread(fix.sheet, rows);
      const changed = fix.after.filter((e) => form.cellText(e.address) !== e.value).map((e) => e.address);
      const edits = fix.before.filter((e) => !changed.includes(e.address));
      if (edits.length > 0) {
        await session.gateway.writeValues(fix.sheet, edits);
        await form.reread(fix.sheet, rows);
      }
      const intent = changed.length > 0 ? "warning" : "success";
      const text = `${edits.length}セルを修正前の値に戻しました。${changed.length > 0 ? `${changed.join("、")} は修正の後に変更されているため、そのままにしました。` : ""}`;
      const note = session.state.fixNote;
      // A one-click fix is undone where its confirmation is; a bulk fix in the message bar.
      if (note?.undo) session.note({ intent, text, undo: false, near: note.near });
      else session.say("fix", intent, text);
    });
  }

  /** Writes the user's explicit fix, reads the rows back as Excel stored them, and re-checks them. */
  private async write(sheet: string, edits: Edit[], action: string, near?: string, said?: string): Promise<void> {
    const { session, form } = this;
    const absent = edits.filter((e) => isAbsentColumn(/^[A-Z]+/.exec(e.address)![0]));
    if (absent.length > 0) {
      // The item has no column in this sheet (columns.missing / columns.absent says which): nowhere to write.
      session.say("fix", "warning", `${action}：この項目の列がシートにないため書き込めません。列を戻してから、もう一度チェックしてください。`);
      return;
    }
    // What the cells held (just re-read), so the last fix can be undone.
    const before = edits.map((e) => ({ address: e.address, value: form.cellText(e.address) }));
    session.store.set({ busy: { label: `${action}：${edits.length}セルを書き込んでいます` } });
    await session.gateway.writeValues(sheet, edits);
    await form.reread(sheet, rowsOf(edits));
    this.lastFix = { sheet, before, after: edits };
    const text = said ? `${action}：${said}` : `${action}：${edits.length}セルを変更しました（${edits.map((e) => e.address).slice(0, 5).join("、")}${edits.length > 5 ? " ほか" : ""}）。`;
    if (near === undefined) session.say("fix", "success", text, true);
    else session.note({ intent: "success", text, undo: true, near: near || undefined });
  }
}
