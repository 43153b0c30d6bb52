import {
  buildMasterIndex,
  importSubmissions,
  isCsvName,
  isImportRefusal,
  messageOf,
  initialDecision,
  parseReviewRecord,
  previousVersions,
  provenanceColumn,
  readSubmissionSheet,
  REMARK_MAX,
  unreadableFileNotice,
  type Problem,
  type MasterSet,
  type ReviewSubmission,
  type SubmittedFile,
} from "../../domain";
import { downloadSupport } from "./file-delivery";
import { bytesToBase64, readSubmittedFile } from "./read-submitted-file";
import type { ReviewBook } from "./review-book";
import { previousLabel, REVIEW_MESSAGES } from "./review-messages";
import type { ReviewSession } from "./review-session";
import { recallSystemUrl } from "./system-url-memory";

export interface SubmittedFileInput {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/**
 * 受付 (作業②, first half): opening the review kept in the workbook, and taking submitted files in — forms and online
 * application lists, one sheet per submission, checked together; a file already in the review is not added again, a
 * newer version starts undecided with the remark of the one before.
 */
export class IntakeController {
  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  async start(): Promise<void> {
    const { session, book } = this;
    const caps = session.deps.review.capabilities();
    const url = recallSystemUrl();
    session.store.set((s) => ({
      canInsertSheets: caps.insertWorksheets,
      canStoreRecord: caps.settings,
      downloads: (session.deps.downloads ?? downloadSupport)(),
      mail: { ...s.mail, url, urlRemembered: url !== "" },
    }));
    await session.run("record", "審査の記録の読み込み", async () => {
      const parsed = parseReviewRecord(await session.deps.review.readRecord());
      if (!parsed.ok) {
        session.say("record", "error", REVIEW_MESSAGES.intake.recordUnreadable(messageOf(parsed.problem)));
        return;
      }
      book.record = parsed.record;
      session.store.set((s) => ({ settings: { ...s.settings, issueDeferred: book.record.settings.issueDeferred, header: book.record.settings.header } }));
      await this.loadWorkbookMasters();
      await this.reloadSubmissionSheets();
    });
    if (!caps.settings) session.say("host", "warning", REVIEW_MESSAGES.intake.cannotStoreRecord());
    session.store.set({ phase: "ready" });
  }

  private async loadWorkbookMasters(): Promise<void> {
    const excel = this.session.deps.excel;
    if (!excel) return;
    let masters: MasterSet = {};
    for (const s of await excel.listSheets()) {
      if (!s.masterKind) continue;
      const values = await excel.readSheetValues(s.name);
      masters = { ...masters, [s.masterKind]: buildMasterIndex(s.masterKind, s.name, values, this.session.profile) };
    }
    this.book.workbookMasters = masters;
  }

  /** A reopened review workbook: each recorded submission's rows are read back from its sheet. */
  private async reloadSubmissionSheets(): Promise<void> {
    const { session, book } = this;
    const excel = session.deps.excel;
    if (book.record.submissions.length === 0) return;
    if (!excel) {
      session.say("record", "warning", REVIEW_MESSAGES.intake.sheetsUnreadable());
      return;
    }
    const names = new Set(await session.deps.review.sheetNames());
    const loaded: ReviewSubmission[] = [];
    const missing: typeof book.record.submissions = [];
    for (const r of book.record.submissions) {
      if (!names.has(r.sheetName)) {
        missing.push(r);
        continue;
      }
      if (r.columns) {
        // Its columns are not where the profile says (or it is a list): the whole sheet is read and mapped with the reviewer's choices.
        const read = readSubmissionSheet(r.sheetName, await excel.readSheetValues(r.sheetName), session.profile, r.columns, r.headerRow);
        if (read) {
          const { headerRow, headerCells, itemNumberCells, rows, profile, mapping } = read;
          loaded.push({ id: r.id, fileName: r.fileName, sourceSheet: r.sourceSheet, sheetName: r.sheetName, institution: r.institution, importedAt: r.importedAt, headerRow, headerCells, itemNumberCells, rows, profile, mapping, columns: r.columns });
          continue;
        }
      }
      const form = await excel.readForm(r.sheetName);
      loaded.push({
        id: r.id,
        fileName: r.fileName,
        sourceSheet: r.sourceSheet,
        sheetName: r.sheetName,
        institution: r.institution,
        headerRow: form.headerRow,
        headerCells: form.headerCells,
        rows: form.rows,
        importedAt: r.importedAt,
      });
    }
    book.submissions = loaded;
    if (missing.length > 0) session.say("record", "warning", REVIEW_MESSAGES.intake.sheetsMissing(missing));
    book.recheck();
  }

  async importFiles(files: readonly SubmittedFileInput[]): Promise<void> {
    const { session, book } = this;
    const review = session.deps.review;
    await session.run("review", "申請様式の取り込み", async () => {
      const read: { file: SubmittedFile; bytes: Uint8Array }[] = [];
      const notices: Problem[] = [];
      for (const f of files) {
        session.store.set({ busy: `申請様式を読み込んでいます：${f.name}` });
        try {
          const bytes = await f.bytes();
          read.push({ file: await (session.deps.readFile ?? readSubmittedFile)(f.name, bytes), bytes });
        } catch (e) {
          notices.push(unreadableFileNotice(f.name, e instanceof Error ? e.message : String(e)));
        }
      }
      const imported = importSubmissions(
        read.map((r) => r.file),
        {
          profile: session.profile,
          existingIds: book.record.submissions.map((s) => s.id),
          takenSheetNames: await review.sheetNames(),
          importedFileNames: book.record.submissions.map((s) => s.fileName),
          masters: book.workbookMasters,
          now: session.now().toISOString(),
          existing: book.submissions,
        },
      );
      notices.push(...imported.notices);
      const added: ReviewSubmission[] = [];
      for (const s of imported.submissions) {
        session.store.set({ busy: `シートを追加しています：${s.sheetName}` });
        const source = read.find((r) => r.file.fileName === s.fileName)!;
        const sheet = source.file.sheets.find((x) => x.name === s.sourceSheet)!;
        // A CSV has no sheet to insert: its values are copied.
        const insertable = review.capabilities().insertWorksheets && !isCsvName(s.fileName);
        const result = await review.addSubmissionSheet({
          sheetName: s.sheetName,
          sourceSheet: s.sourceSheet,
          base64: insertable ? bytesToBase64(source.bytes) : undefined,
          values: sheet.values,
          headerRow: s.headerRow,
          rows: s.rows.map((r) => r.row),
          provenance: { fileName: s.fileName, institution: s.institution.text },
          provenanceColumn: provenanceColumn(s.columns?.width),
        });
        book.how.set(s.id, result.how);
        book.importedNow.add(s.id);
        book.submittedBytes.set(s.id, source.bytes);
        book.fileMasters.set(s.id, imported.fileMasters.get(s.id) ?? {});
        added.push(s);
        book.record = {
          ...book.record,
          submissions: [
            ...book.record.submissions,
            {
              id: s.id,
              fileName: s.fileName,
              sourceSheet: s.sourceSheet,
              sheetName: s.sheetName,
              institution: s.institution,
              headerRow: s.headerRow,
              importedAt: s.importedAt,
              decision: initialDecision(),
              ...(s.columns ? { columns: s.columns } : {}),
            },
          ],
        };
      }
      book.submissions = [...book.submissions, ...added];
      session.store.set((st) => ({ notices: [...notices, ...st.notices.filter((n) => !files.some((f) => f.name === n.place.file))] }));
      book.recheck();
      const carried = this.carryRemarks(added);
      if (carried.changed) book.publish();
      await book.save();
      const copied = added.filter((s) => book.how.get(s.id) === "copied");
      const refused = notices.filter(isImportRefusal).length;
      const same = notices.filter((n) => n.code === "import.same-content");
      const sentences = [
        added.length > 0 ? REVIEW_MESSAGES.intake.imported(added.map((s) => s.sheetName)) : "",
        copied.some((s) => !isCsvName(s.fileName)) ? REVIEW_MESSAGES.intake.valuesCopied() : "",
        copied.some((s) => isCsvName(s.fileName)) ? REVIEW_MESSAGES.intake.csvCopied() : "",
        ...same.map((n) => REVIEW_MESSAGES.intake.sameContent(n.place.file ?? "", String(n.params.id))),
        ...carried.sentences,
        refused > 0 ? REVIEW_MESSAGES.intake.filesRefused(refused) : "",
      ].filter((x) => x !== "");
      const intent = refused > 0 ? (added.length > 0 ? "warning" : "error") : added.length > 0 ? "success" : "info";
      if (sentences.length > 0) session.say("review", intent, sentences.join(""));
    });
  }

  /**
   * A newer version of a submission already in the review starts undecided (受付: its rows changed, or it would not have
   * been imported) with the remark of the version before it. Returns whether any remark was carried, and one sentence
   * per newer version (said with the import's own message).
   */
  private carryRemarks(added: readonly ReviewSubmission[]): { changed: boolean; sentences: string[] } {
    const { book } = this;
    const previous = previousVersions(book.submissions);
    const sentences: string[] = [];
    let changed = false;
    const submissions = book.record.submissions.map((r) => {
      if (!added.some((a) => a.id === r.id)) return r;
      const before = book.record.submissions.find((x) => x.id === previous.get(r.id));
      if (!before) return r;
      const label = previousLabel(before.id, !book.importedNow.has(before.id));
      sentences.push(REVIEW_MESSAGES.intake.resubmitted(r.id, label));
      if (before.decision.remark.trim() === "") return r;
      changed = true;
      const remark = `${label}の備考：${before.decision.remark}`.slice(0, REMARK_MAX);
      return { ...r, decision: { ...r.decision, remark } };
    });
    book.record = { ...book.record, submissions };
    return { changed, sentences };
  }
}
