import {
  columnsChangeRows,
  correctedChoices,
  decide,
  mapSubmissionColumns,
  placed,
  provenanceColumn,
  readSubmissionSheet,
  type Cell,
  type Problem,
  type FieldKey, type MasterSet, type ReviewDecision, type ReviewRecord, type ReviewSubmission,
} from "../../domain";
import { bytesToBase64 } from "./read-submitted-file";
import type { ReviewBook } from "./review-book";
import { DECISION_LABEL, REVIEW_MESSAGES } from "./review-messages";
import type { ReviewSession } from "./review-session";
import { NOTE_AT, type ReviewPlace } from "./review-state";

/** What 元に戻す needs to put a submission back, kept for this session only. */
interface RemovedSubmission {
  at: number;
  entry: ReviewRecord["submissions"][number];
  submission: ReviewSubmission;
  values?: Cell[][];
  how?: "inserted" | "copied";
  bytes?: Uint8Array;
  masters?: MasterSet;
}

/**
 * 審査 (作業②, the desk): what the reviewer does with one submission's card — decide and remark, go to a finding's
 * cell, take it out of the review and put it back.
 */
export class DeskController {
  private removed?: RemovedSubmission;

  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  async setDecision(id: string, change: Partial<Pick<ReviewDecision, "status" | "remark">>): Promise<void> {
    const { book } = this;
    const at = book.record.submissions.findIndex((s) => s.id === id);
    if (at < 0) return;
    const before = book.record.submissions[at].decision;
    const decision = decide(before, change, this.session.now().toISOString());
    const submissions = [...book.record.submissions];
    submissions[at] = { ...submissions[at], decision };
    book.record = { ...book.record, submissions };
    // A submission sent back, or taken back, is compared with the others again (or no longer): the check changes.
    if ((before.status === "差戻し") !== (decision.status === "差戻し")) book.recheck();
    else book.publish();
    const note = NOTE_AT.decision(id);
    const saved = await this.session.run("review", "判定の保存", async () => (await book.save(), true), note);
    if (!saved) return;
    const text =
      change.status !== undefined && change.status !== before.status
        ? REVIEW_MESSAGES.desk.decided(DECISION_LABEL[decision.status]) + (change.remark !== undefined && change.remark !== before.remark ? REVIEW_MESSAGES.desk.remarkSaved() : "")
        : REVIEW_MESSAGES.desk.remarkSaved();
    this.session.say("review", "success", text, undefined, note);
  }

  /**
   * 列の対応: the reviewer puts an item in another column of the sheet (null = the sheet has none). The submission is
   * checked again at once with its new columns; when its rows now read differently, a decision other than 受付 is not
   * kept (the reviewer decides again on what the rows now say). The correction is saved and no longer confirmed.
   */
  async setColumn(id: string, key: FieldKey, column: string | null): Promise<void> {
    const { session, book } = this;
    await session.run("review", "列の対応の保存", async () => {
      const at = book.record.submissions.findIndex((x) => x.id === id);
      const s = book.submissions.find((x) => x.id === id);
      if (at < 0 || !s?.columns) return;
      const profile = session.profile;
      const layout = s.columns.layout ?? "form";
      const auto = mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, profile, {}, layout).mapping;
      const choices = correctedChoices(auto, { ...s.columns.choices, [key]: column });
      const columns = { ...s.columns, choices, confirmed: false };
      // The rows are found again from the submission's values with the new columns (a row whose only value is in a
      // newly chosen column is a row now), and its columns.* notices are said again.
      const values = await this.valuesOf(s);
      const read = readSubmissionSheet(s.sheetName, values, profile, columns, s.headerRow);
      const mapped = read ?? { ...mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, profile, choices, layout), rows: s.rows };
      const before = s.profile ?? profile;
      book.submissions = book.submissions.map((x) => (x.id === id ? { ...x, profile: mapped.profile, mapping: mapped.mapping, rows: mapped.rows, columns } : x));
      session.store.set((st) => ({ notices: replaceColumnNotices(st.notices, s.fileName, s.sourceSheet, mapped.problems) }));
      const entry = book.record.submissions[at];
      const reset = entry.decision.status !== "受付" && (columnsChangeRows(before, mapped.profile, mapped.rows) || mapped.rows.length !== s.rows.length);
      const decision = reset ? decide(entry.decision, { status: "受付" }, session.now().toISOString()) : entry.decision;
      const submissions = [...book.record.submissions];
      submissions[at] = { ...entry, columns, decision };
      book.record = { ...book.record, submissions };
      book.recheck();
      const summary = book.checkedOf(id)?.summary;
      const label = profile.fields[key].label;
      const text =
        REVIEW_MESSAGES.desk.columnSet(label, column, summary?.errors ?? 0, summary?.warnings ?? 0) + (reset ? REVIEW_MESSAGES.desk.decisionReset(DECISION_LABEL[entry.decision.status]) : "");
      book.columnMessages.set(id, { intent: reset ? "warning" : "info", text });
      book.publish();
      await book.save();
    });
  }

  /** A submission's sheet as it is in the review workbook; its known rows when the sheet cannot be read (renamed, deleted). */
  private async valuesOf(s: ReviewSubmission): Promise<Cell[][]> {
    const excel = this.session.deps.excel;
    if (!excel) return gridOf(s);
    try {
      return await excel.readSheetValues(s.sheetName);
    } catch {
      return gridOf(s);
    }
  }

  /** この対応で確定: the submission's columns as they are now are confirmed (saved; the section is not asked again). */
  async confirmColumns(id: string): Promise<void> {
    const { session, book } = this;
    await session.run("review", "列の対応の保存", async () => {
      const at = book.record.submissions.findIndex((x) => x.id === id);
      const s = book.submissions.find((x) => x.id === id);
      if (at < 0 || !s?.columns) return;
      const columns = { ...s.columns, confirmed: true };
      book.submissions = book.submissions.map((x) => (x.id === id ? { ...x, columns } : x));
      const submissions = [...book.record.submissions];
      submissions[at] = { ...submissions[at], columns };
      book.record = { ...book.record, submissions };
      book.columnMessages.set(id, { intent: "success", text: REVIEW_MESSAGES.desk.columnsConfirmed(id) });
      book.recheck();
      await book.save();
    });
  }

  /** A finding clicked in the list: its cell on the submission's sheet is selected in Excel (a failure said at `place`). */
  async goToCell(id: string, cell: string, place: ReviewPlace = "review"): Promise<void> {
    const s = this.book.record.submissions.find((x) => x.id === id);
    const excel = this.session.deps.excel;
    if (!s || !excel) return;
    await this.session.run(place, "セルの選択", () => excel.selectCell(s.sheetName, cell), place === "review" ? NOTE_AT.findings(id) : undefined);
  }

  /**
   * 審査から外す (the pane asks first): the submission's sheet is deleted with its decision and remark, and everything
   * needed to put it back is kept for this session, so 元に戻す restores the sheet (its values as they were), the
   * decision, the remark and its place in the list.
   */
  async removeSubmission(id: string): Promise<void> {
    const note = NOTE_AT.removal;
    const { session, book } = this;
    const at = book.record.submissions.findIndex((x) => x.id === id);
    if (at < 0) return;
    const entry = book.record.submissions[at];
    await session.run("review", "申請の削除", async () => {
      const submission = book.submissions.find((x) => x.id === id);
      const values = session.deps.excel ? await session.deps.excel.readSheetValues(entry.sheetName) : undefined;
      await session.deps.review.deleteSheet(entry.sheetName);
      if (submission) this.removed = { at, entry, submission, values, how: book.how.get(id), bytes: book.submittedBytes.get(id), masters: book.fileMasters.get(id) };
      book.record = { ...book.record, submissions: book.record.submissions.filter((x) => x.id !== id) };
      book.submissions = book.submissions.filter((x) => x.id !== id);
      book.recheck();
      await book.save();
      session.say(
        "review",
        "info",
        REVIEW_MESSAGES.desk.removed(id, entry.fileName, entry.sheetName, this.removed !== undefined),
        this.removed ? { kind: "undo-removal", label: "元に戻す" } : undefined,
        note,
      );
    }, note);
  }

  /**
   * 元に戻す: the last submission taken out of the review comes back with its sheet, decision and remark. Resolves
   * with its id once it is back (the pane puts the focus on it), undefined when it could not come back.
   */
  async undoRemoval(): Promise<string | undefined> {
    const { session, book } = this;
    const r = this.removed;
    if (!r) return undefined;
    const review = session.deps.review;
    return session.run("review", "申請の復元", async () => {
      const values = r.values ?? gridOf(r.submission);
      const taken = await review.sheetNames();
      if (taken.includes(r.entry.sheetName)) throw new Error(REVIEW_MESSAGES.desk.sheetTaken(r.entry.sheetName));
      const base64 = r.how === "inserted" && r.bytes && review.capabilities().insertWorksheets ? bytesToBase64(r.bytes) : undefined;
      const result = await review.addSubmissionSheet({
        sheetName: r.entry.sheetName,
        sourceSheet: r.entry.sourceSheet,
        base64,
        values,
        headerRow: r.entry.headerRow,
        rows: r.submission.rows.map((x) => x.row),
        provenance: { fileName: r.entry.fileName, institution: r.entry.institution.text },
        provenanceColumn: provenanceColumn(r.entry.columns?.width),
      });
      this.removed = undefined;
      book.how.set(r.entry.id, result.how);
      if (r.bytes) book.submittedBytes.set(r.entry.id, r.bytes);
      if (r.masters) book.fileMasters.set(r.entry.id, r.masters);
      const submissions = [...book.record.submissions];
      submissions.splice(Math.min(r.at, submissions.length), 0, r.entry);
      book.record = { ...book.record, submissions };
      const order = new Map(submissions.map((x, i) => [x.id, i]));
      book.submissions = [...book.submissions, r.submission].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      book.recheck();
      await book.save();
      session.say("review", "success", REVIEW_MESSAGES.desk.restored(r.entry.id, r.entry.fileName, DECISION_LABEL[r.entry.decision.status]), undefined, NOTE_AT.removal);
      return r.entry.id;
    }, NOTE_AT.removal);
  }
}

/** The import notices with a submission's columns.* notices said again (after a correction of its columns). */
function replaceColumnNotices(notices: readonly Problem[], file: string, sheet: string, problems: readonly Problem[]): Problem[] {
  const others = notices.filter((n) => !(n.code.startsWith("columns.") && n.place.file === file && n.place.sheet === sheet));
  return [...others, ...problems.map((p) => placed(p, { file, sheet }))];
}

/** A submission's header and rows as a sheet grid (row 0 = sheet row 1), when its sheet could not be read. */
function gridOf(s: ReviewSubmission): Cell[][] {
  const grid: Cell[][] = Array.from({ length: Math.max(s.headerRow, ...s.rows.map((r) => r.row)) }, () => []);
  grid[s.headerRow - 1] = [...s.headerCells];
  for (const r of s.rows) grid[r.row - 1] = [...r.cells];
  return grid;
}
