// What the tests of the review's step controllers share: the submitted files (made once per test file), a review
// workbook on the fake Excel boundary (FakeGateway for the form side, FakeReviewGateway for the review side, over the
// same sheets) holding the sample's masters, and the real ReviewSession and ReviewBook. Downloads and the clipboard
// are captured at the pane's edge.
import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { DEFAULT_PROFILE, readXlsx, type Cell, type ReviewStatus, type SheetData } from "../../../src/domain";
import type { ReviewCapabilities } from "../../../src/excel/review-gateway-types";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";
import { ReviewBook } from "../../../src/taskpane/review/review-book";
import { ReviewSession } from "../../../src/taskpane/review/review-session";
import { REVIEW_TASKS, type ReviewTask } from "../../../src/taskpane/review/review-tasks";
import type { ReviewIntent, ReviewPlace } from "../../../src/taskpane/review/review-state";
import { keepRows, otherInstitution, xlsxBytes } from "../../domain/review/submitted-files";
import { SAMPLE_FORM } from "../../support/samples";
import { FakeGateway, FakeReviewGateway } from "../support/fake-gateway";

export const FIXED = new Date(2025, 3, 1, 9, 30);
export const FIXED_STAMP = "20250401-0930";

/** The sample form without its master sheets (the review workbook holds them): quicker to read. */
export const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};

export interface Fixtures {
  /** The master sheets of samples/application-form.xlsx (保健所, 全数, 定点). */
  masterSheets: SheetData[];
  /** 山手10医院.xlsx: the sample form as submitted (18 data rows, 4 errors). */
  yamate: Uint8Array;
  /** 緑71診療所.xlsx: another institution's rows 4–7. */
  midori: Uint8Array;
}

let made: Promise<Fixtures> | undefined;

/** Made once per test file (jest gives each file its own module registry). */
export function fixtures(): Promise<Fixtures> {
  return (made ??= (async () => {
    const read = readXlsx(new Uint8Array(readFileSync(SAMPLE_FORM)), "application-form.xlsx");
    if (!read.ok) throw new Error("samples/application-form.xlsx unreadable");
    return {
      masterSheets: read.sheets.filter((s) => s.name !== "申請様式"),
      yamate: new Uint8Array(await xlsxBytes(formOnly)),
      midori: new Uint8Array(await xlsxBytes(formOnly, otherInstitution, keepRows(4, 7))),
    };
  })());
}

export interface DeskOptions {
  caps?: ReviewCapabilities;
  downloads?: "allowed" | "blocked";
  copyWorks?: boolean;
  /** Without the form gateway (an older pane): submission sheets cannot be read back. */
  withoutExcel?: boolean;
  /** Without the masters in the workbook. */
  withoutMasters?: boolean;
  /** A workbook already used by an earlier session (its sheets and record). */
  from?: { workbook: FakeGateway; review: FakeReviewGateway };
}

export interface Desk {
  workbook: FakeGateway;
  review: FakeReviewGateway;
  session: ReviewSession;
  book: ReviewBook;
  downloads: { fileName: string; bytes: Uint8Array; mime: string }[];
  clipboard: string[];
}

/** A review session on a fresh review workbook (Sheet1 and the masters) or on the workbook of an earlier one. */
export function reviewDesk(f: Fixtures, options: DeskOptions = {}): Desk {
  const sheets: { name: string; values: Cell[][] }[] = options.from
    ? [...options.from.workbook.sheets].map(([name, values]) => ({ name, values }))
    : [{ name: "Sheet1", values: [] }, ...(options.withoutMasters ? [] : f.masterSheets.map((s) => ({ name: s.name, values: s.values as Cell[][] })))];
  const workbook = new FakeGateway(sheets);
  const review = new FakeReviewGateway(workbook, options.caps);
  if (options.from) review.record = options.from.review.record;
  const downloads: Desk["downloads"] = [];
  const clipboard: string[] = [];
  const session = new ReviewSession({
    review,
    excel: options.withoutExcel ? undefined : workbook,
    profile: DEFAULT_PROFILE,
    now: () => FIXED,
    downloads: () => options.downloads ?? "allowed",
    download: (bytes, fileName, mime) => downloads.push({ bytes, fileName, mime }),
    copy: async (text) => (options.copyWorks === false ? false : (clipboard.push(text), true)),
  });
  return { workbook, review, session, book: new ReviewBook(session), downloads, clipboard };
}

export const picked = (...files: [name: string, bytes: Uint8Array][]) => files.map(([name, bytes]) => ({ name, bytes: async () => bytes }));

/** A desk with both files imported by the real intake; the gateways' call logs start empty afterwards. */
export async function importedDesk(f: Fixtures, options: DeskOptions = {}): Promise<Desk> {
  const desk = reviewDesk(f, options);
  const intake = new IntakeController(desk.session, desk.book);
  await intake.start();
  await intake.importFiles(picked(["山手10医院.xlsx", f.yamate], ["緑71診療所.xlsx", f.midori]));
  desk.review.calls.length = 0;
  desk.workbook.calls.length = 0;
  desk.session.store.set({ messages: [] });
  return desk;
}

/** The current message of a place, as [intent, text]. */
export function said(session: ReviewSession, place: ReviewPlace): [ReviewIntent, string] | undefined {
  const m = session.store.get().messages.find((x) => x.place === place);
  return m ? [m.intent, m.text] : undefined;
}

/** The error a failed task left at `place`: an error, opening with the task's sentence; its whole text, for the reason. */
export function failureAt(session: ReviewSession, place: ReviewPlace, task: ReviewTask): string {
  const [intent, text] = said(session, place) ?? ["none", ""];
  expect(intent).toBe("error");
  expect(text.startsWith(REVIEW_TASKS[task].failed)).toBe(true);
  return text;
}

/** Sets a decision straight in the record (what the desk does), for the steps that read decisions. */
export function decideInRecord(book: ReviewBook, id: string, status: ReviewStatus, remark = ""): void {
  book.record = {
    ...book.record,
    submissions: book.record.submissions.map((s) => (s.id === id ? { ...s, decision: { ...s.decision, status, remark } } : s)),
  };
  book.publish();
}
