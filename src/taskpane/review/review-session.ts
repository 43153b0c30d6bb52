import type { FormProfile, SubmittedFile } from "../../domain";
import type { ExcelGateway } from "../../excel/gateway-types";
import type { ReviewGateway } from "../../excel/review-gateway-types";
import { failureSentence } from "../state/office-errors";
import { TaskQueue } from "../state/task-queue";
import { copyText, downloadBytes, type DownloadSupport } from "./file-delivery";
import { createStore, sliceOf, type Store } from "../state/store";
import { initialReviewState, type ReviewIntent, type ReviewMessage, type ReviewPlace, type ReviewState } from "./review-state";
import { REVIEW_TASKS, type ReviewTask } from "./review-tasks";

export interface ReviewDeps {
  review: ReviewGateway;
  /** The form gateway: reads submission sheets and master sheets when a saved review workbook is reopened. */
  excel?: ExcelGateway;
  profile: FormProfile;
  /** The pane's one queue of Office calls, shared with the form tab (a review task never interleaves with a form task). */
  queue?: TaskQueue;
  /** The pane's one store: the review keeps its state there, in the slice `review` (tests: a store of its own). */
  store?: Store<{ review?: ReviewState }>;
  now?: () => Date;
  readFile?: (fileName: string, bytes: Uint8Array) => Promise<SubmittedFile>;
  downloads?: () => DownloadSupport;
  download?: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  copy?: (text: string) => Promise<boolean>;
  openLink?: (href: string) => void;
}

/**
 * What every step of the review shares: the store the components render, the messages (one per place), the queued
 * Office tasks with their spinner and failure sentence, and the pane's edges (download, clipboard, clock).
 */
export class ReviewSession {
  readonly store: Store<ReviewState>;
  readonly now: () => Date;
  private readonly queue: TaskQueue;
  private messageId = 0;

  constructor(readonly deps: ReviewDeps) {
    this.now = deps.now ?? (() => new Date());
    this.queue = deps.queue ?? new TaskQueue();
    this.store = sliceOf(deps.store ?? createStore<{ review?: ReviewState }>({}), "review", initialReviewState());
  }

  get profile(): FormProfile {
    return this.deps.profile;
  }

  /**
   * The current message of a place, or of one control of it (`at`, shown beside the control): a new one replaces the
   * one before it (they never pile up or contradict).
   */
  say(place: ReviewPlace, intent: ReviewIntent, text: string, action?: ReviewMessage["action"], at?: string): void {
    const id = ++this.messageId;
    const message: ReviewMessage = { id, place, intent, text, action, ...(at === undefined ? {} : { at }) };
    this.store.set((s) => ({ messages: [...s.messages.filter((m) => m.place !== place || m.at !== at), message] }));
  }

  dismiss(id: number): void {
    this.store.set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  }

  /**
   * Runs a task that calls Office, in the pane's queue (after whatever the form tab or another review action queued
   * before it), with its spinner; a failure becomes the task's sentence and why, shown at the place (beside the
   * control `at`, when given).
   */
  run<T>(place: ReviewPlace, label: ReviewTask, work: () => Promise<T>, at?: string): Promise<T | undefined> {
    const task = REVIEW_TASKS[label];
    return this.queue.run(async () => {
      this.store.set({ busy: task.doing });
      try {
        return await work();
      } catch (e) {
        this.say(place, "error", failureSentence(task.failed, e), undefined, at);
        return undefined;
      } finally {
        this.store.set({ busy: undefined });
      }
    });
  }

  /** The host lets the pane save files (download); when it does not, each step offers its own fallback. */
  get canDownload(): boolean {
    return this.store.get().downloads !== "blocked";
  }

  download(bytes: Uint8Array, fileName: string, mimeType: string): void {
    (this.deps.download ?? downloadBytes)(bytes, fileName, mimeType);
  }

  copy(text: string): Promise<boolean> {
    return (this.deps.copy ?? copyText)(text);
  }
}

export const MIME = {
  csv: "text/csv",
  zip: "application/zip",
  html: "text/html",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
