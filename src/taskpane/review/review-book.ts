import {
  EMPTY_REVIEW_RECORD,
  previousVersions,
  reviewCheck,
  serializeReviewRecord,
  type CheckedSubmission,
  type MasterSet,
  type ReviewDecision,
  type ReviewRecord,
  type ReviewSubmission,
} from "../../domain";
import type { ReviewSession } from "./review-session";
import type { ColumnsView } from "./review-state";
import { submissionViews } from "./submission-views";

/**
 * The submissions under review, shared by every step: the record kept in the workbook (decisions, settings), the
 * submissions' rows and masters, their check together, and what this session knows besides (how each sheet came in,
 * the submitted files' bytes for the marked-up copy; neither is kept in the workbook).
 */
export class ReviewBook {
  record: ReviewRecord = EMPTY_REVIEW_RECORD;
  submissions: ReviewSubmission[] = [];
  workbookMasters: MasterSet = {};
  checked: CheckedSubmission[] = [];
  readonly fileMasters = new Map<string, MasterSet>();
  readonly how = new Map<string, "inserted" | "copied">();
  readonly submittedBytes = new Map<string, Uint8Array>();
  /** Submissions imported in this session (the others came from the record: only those are 「前回」). */
  readonly importedNow = new Set<string>();
  /** The last thing said about each submission's columns (this session). */
  readonly columnMessages = new Map<string, NonNullable<ColumnsView["message"]>>();

  constructor(private readonly session: ReviewSession) {}

  decisions(): Map<string, ReviewDecision> {
    return new Map(this.record.submissions.map((s) => [s.id, s.decision]));
  }

  /** The masters a submission is checked with: those in its own file, then this workbook's (which win). */
  mastersOf = (s: ReviewSubmission): MasterSet => ({ ...(this.fileMasters.get(s.id) ?? {}), ...this.workbookMasters });

  checkedOf(id: string): CheckedSubmission | undefined {
    return this.checked.find((c) => c.submission.id === id);
  }

  approved(): CheckedSubmission[] {
    const decisions = this.decisions();
    return this.checked.filter((c) => decisions.get(c.submission.id)?.status === "承認");
  }

  /** The submissions decided 差戻し (not compared with the others in the check). */
  sentBack(): Set<string> {
    return new Set(this.record.submissions.filter((s) => s.decision.status === "差戻し").map((s) => s.id));
  }

  /** Checks all submissions together and publishes the list. */
  recheck(): void {
    this.checked = reviewCheck(this.submissions, this.session.profile, this.mastersOf, this.sentBack());
    this.publish();
  }

  publish(): void {
    this.session.store.set({
      submissions: submissionViews({
        checked: this.checked,
        decisions: this.decisions(),
        profile: this.session.profile,
        how: this.how,
        withFile: new Set(this.submittedBytes.keys()),
        previous: previousVersions(this.submissions),
        importedNow: this.importedNow,
        columnMessages: this.columnMessages,
      }),
    });
  }

  /** Keeps the record in the workbook's settings, where the host has them (otherwise it lasts as long as the pane). */
  async save(): Promise<void> {
    const review = this.session.deps.review;
    if (!review.capabilities().settings) return;
    await review.writeRecord(serializeReviewRecord(this.record));
  }
}
