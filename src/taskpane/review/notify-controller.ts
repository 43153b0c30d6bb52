import {
  applicationRecords,
  buildAccountDrafts,
  checkSystemUrl,
  draftsZip,
  encodingLabel,
  exportedRecords,
  exportSourceOf,
  placed,
  mailtoLink,
  matchAccounts,
  MATCH_METHOD_LABELS,
  pairManually,
  readIssuedCsv,
  submissionSource,
  type Problem,
  type AccountDraft,
  type ApplicationRecord,
  type IssuedAccount,
  type IssuedColumnMapping,
  type MailTemplates,
  type MatchResult,
} from "../../domain";
import { failureSentence } from "../state/office-errors";
import { stampedFileName } from "./file-delivery";
import type { ReviewBook } from "./review-book";
import { REVIEW_MESSAGES } from "./review-messages";
import { MIME, type ReviewSession } from "./review-session";
import { forgetSystemUrl, rememberSystemUrl } from "./system-url-memory";

/**
 * 通知メール (作業④): the issued-accounts CSV read and matched with the approved rows, and the account mails drafted.
 * Initial passwords live only in this object's private fields (accounts, drafts) and are dropped by forgetPasswords().
 */
export class NotifyController {
  private issuedBytes?: { fileName: string; bytes: Uint8Array };
  private accounts: IssuedAccount[] = [];
  private match?: MatchResult;
  private drafts: AccountDraft[] = [];

  constructor(
    private readonly session: ReviewSession,
    private readonly book: ReviewBook,
  ) {}

  loadIssued(fileName: string, bytes: Uint8Array): void {
    this.forgetPasswords(false);
    this.issuedBytes = { fileName, bytes };
    this.readIssued();
  }

  applyMapping(mapping: Partial<IssuedColumnMapping>, hasHeader: boolean): void {
    this.readIssued({ mapping, hasHeader });
  }

  private readIssued(options: { mapping?: Partial<IssuedColumnMapping>; hasHeader?: boolean } = {}): void {
    if (!this.issuedBytes) return;
    const { store } = this.session;
    const { fileName, bytes } = this.issuedBytes;
    const read = readIssuedCsv(bytes, options);
    const problems = read.problems.map((p) => placed(p, { file: fileName }));
    if (read.status === "unreadable") {
      this.issuedBytes = undefined;
      store.set({ issued: { fileName, status: "unreadable", header: [], mapping: {}, hasHeader: false, problems, accounts: 0 }, match: undefined });
      return;
    }
    if (read.status === "needs-mapping") {
      store.set({
        issued: { fileName, status: "needs-mapping", encodingLabel: encodingLabel(read.encoding), header: read.header, mapping: read.detection.mapping, hasHeader: read.detection.hasHeader, problems, accounts: 0 },
        match: undefined,
      });
      return;
    }
    this.accounts = read.accounts;
    // Unsure detection (partial labels, competing columns): show the mapping step with the guess filled in.
    const status = read.detection.confidence === "sure" || options.mapping ? "ok" : "needs-mapping";
    store.set({
      issued: { fileName, status, encodingLabel: encodingLabel(read.encoding), header: read.header, mapping: read.mapping, hasHeader: read.hasHeader, problems, accounts: read.accounts.length },
      holdsPasswords: read.accounts.length > 0,
    });
    if (status === "ok") this.runMatch();
  }

  private approvedRecords(): ApplicationRecord[] {
    return this.book.approved().flatMap((c) => applicationRecords(submissionSource(c.submission), c.checker));
  }

  /**
   * Keys of the rows the registration CSV writes with the export's settings. Accounts are matched with every approved
   * row (as `nesid-account mail` does: an account may be for a row fixed after the export), but only these rows are
   * counted as 「アカウントのない出力行」.
   */
  private exportedKeys(): Set<string> {
    const { issueDeferred, encoding } = this.session.store.get().settings;
    return new Set(exportedRecords(this.book.checked, this.book.decisions(), this.session.profile, { issueDeferred, encoding }).map((r) => r.key));
  }

  private runMatch(): void {
    const records = this.approvedRecords();
    if (records.length === 0) this.session.say("notify", "warning", REVIEW_MESSAGES.notify.noApproved());
    this.match = matchAccounts(this.accounts, records);
    this.drafts = [];
    this.publishMatch();
  }

  private publishMatch(): void {
    const m = this.match;
    if (!m) return;
    const exported = this.exportedKeys();
    const where = (r: ApplicationRecord) => {
      const sub = this.book.submissions.find((s) => submissionSource(s) === r.source);
      return `${sub ? exportSourceOf(sub) : r.source} ${r.row}行目 ${r.name || "（利用者名なし）"}`;
    };
    this.session.store.set((s) => ({
      match: {
        matched: m.matches.map((x) => ({ userId: x.account.userId, where: where(x.record), how: MATCH_METHOD_LABELS[x.method], differences: x.differences })),
        ambiguous: m.ambiguous.map((a) => ({ userId: a.account.userId, line: a.account.line, name: a.account.name, candidates: a.candidates.map((c) => ({ key: c.key, where: where(c) })) })),
        unmatchedAccounts: m.unmatchedAccounts.map((a) => ({ userId: a.userId, line: a.line, name: a.name, email: a.email })),
        unmatchedRecords: m.unmatchedRecords.map((r) => ({ key: r.key, where: where(r), exported: exported.has(r.key) })),
      },
      mail: { ...s.mail, drafts: [], preview: [], problems: [], zipName: undefined },
    }));
  }

  pair(userId: string, recordKey: string): void {
    if (!this.match) return;
    try {
      this.match = pairManually(this.match, userId, recordKey);
    } catch (e) {
      this.session.say("notify", "error", failureSentence(REVIEW_MESSAGES.notify.pairFailed(), e));
      return;
    }
    this.drafts = [];
    this.publishMatch();
  }

  /**
   * The URL as entered, checked at once: its problem is shown beside the box, and a URL with a problem is never
   * remembered (what this PC remembered before stays until 記憶したURLを消去). An empty box is not an error yet.
   */
  setUrl(url: string, remember: boolean): void {
    const checked = checkSystemUrl(url);
    const urlProblem: Problem | undefined = checked.ok || url.trim() === "" ? undefined : checked.problem;
    const { urlRemembered } = this.session.store.get().mail;
    let remembered = remember ? urlRemembered : false;
    // 「このPCに記憶する」 turned off: what was remembered goes too.
    if (!remember && urlRemembered) forgetSystemUrl();
    if (remember && checked.ok) {
      remembered = rememberSystemUrl(checked.url);
      if (!remembered) this.session.say("notify", "warning", REVIEW_MESSAGES.notify.urlNotRemembered());
    }
    this.session.store.set((s) => ({ mail: { ...s.mail, url, urlRemembered: remembered, urlProblem } }));
  }

  forgetUrl(): void {
    forgetSystemUrl();
    this.session.store.set((s) => ({ mail: { ...s.mail, url: "", urlRemembered: false, urlProblem: undefined } }));
    this.session.say("notify", "info", REVIEW_MESSAGES.notify.urlForgotten());
  }

  setMailOptions(change: { split?: boolean; templates?: MailTemplates }): void {
    this.drafts = [];
    this.session.store.set((s) => ({ mail: { ...s.mail, ...change, drafts: [], preview: [], problems: [], zipName: undefined } }));
  }

  /** Builds the drafts (kept in memory) and lists them; nothing is saved until the user downloads the zip. */
  draftMails(): void {
    const { session } = this;
    if (!this.match) {
      session.say("notify", "warning", REVIEW_MESSAGES.notify.issuedFirst());
      return;
    }
    const { url, split, templates } = session.store.get().mail;
    const built = buildAccountDrafts(this.match.matches, { url, split, templates, profile: session.profile });
    this.drafts = built.drafts;
    const byUser = new Map<string, AccountDraft[]>();
    for (const d of built.drafts) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
    const drafts = built.drafts.map((d) => ({
      userId: d.userId,
      part: d.part,
      fileName: d.fileName,
      to: d.message.to.address,
      subject: d.message.subject,
      mailtoFits: byUser.get(d.userId)!.every((x) => mailtoLink({ to: x.message.to.address, subject: x.message.subject, body: x.message.body }).fits),
    }));
    // The first account's mail(s), password masked, so the reviewer reads one before saving them all.
    const first = built.drafts[0]?.userId;
    const preview = built.drafts.filter((d) => d.userId === first).map((d) => ({ part: d.part, fileName: d.fileName, to: d.message.to.address, subject: d.preview.subject, body: d.preview.body }));
    const problems = [...built.templateProblems, ...built.problems];
    session.store.set((s) => ({ mail: { ...s.mail, drafts, preview, problems, zipName: undefined } }));
    if (built.drafts.length > 0) session.say("notify", "success", REVIEW_MESSAGES.notify.drafted(byUser.size, built.drafts.length));
    else if (built.problems.length > 0) {
      const onlyUrl = built.problems.every((p) => p.code.startsWith("url."));
      session.say("notify", "error", onlyUrl ? REVIEW_MESSAGES.notify.draftsUrlInvalid() : REVIEW_MESSAGES.notify.draftsFailed());
    }
  }

  downloadDraftsZip(): void {
    const { session } = this;
    if (this.drafts.length === 0) return;
    if (!session.canDownload) {
      session.say("notify", "warning", REVIEW_MESSAGES.notify.cannotDownload());
      return;
    }
    const zipName = stampedFileName("メール下書き", "zip", session.now());
    session.download(draftsZip(this.drafts), zipName, MIME.zip);
    session.store.set((s) => ({ mail: { ...s.mail, zipName } }));
    session.say("notify", "success", REVIEW_MESSAGES.notify.zipDownloaded(zipName, this.drafts.length));
  }

  /** Opens the user's mail program with one mail (or the first of two) filled in. */
  openMailto(userId: string, part?: AccountDraft["part"]): void {
    const d = this.drafts.find((x) => x.userId === userId && (part === undefined || x.part === part));
    if (!d) return;
    const link = mailtoLink({ to: d.message.to.address, subject: d.message.subject, body: d.message.body });
    if (!link.fits) {
      this.session.say("notify", "warning", link.reason);
      return;
    }
    (this.session.deps.openLink ?? ((href: string) => window.open(href, "_self")))(link.href);
  }

  /** 忘れる: drops every password (accounts, drafts) from memory. */
  forgetPasswords(say = true): void {
    this.accounts = [];
    this.drafts = [];
    this.match = undefined;
    this.issuedBytes = undefined;
    this.session.store.set((s) => ({ holdsPasswords: false, issued: undefined, match: undefined, mail: { ...s.mail, drafts: [], preview: [], problems: [], zipName: undefined } }));
    if (say) this.session.say("notify", "info", REVIEW_MESSAGES.notify.passwordsForgotten());
  }
}
