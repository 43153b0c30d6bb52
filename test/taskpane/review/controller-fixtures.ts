// What the tests of the review's step controllers share: the submitted files (made once per test file), a review
// workbook on the stand-in Excel host holding the sample's masters, the real Excel layer on it (the form gateway and
// the review gateway, each with a call log), and the real ReviewSession and ReviewBook. Downloads and the clipboard
// are captured at the pane's edge.
import type ExcelJS from "exceljs";
import { DEFAULT_PROFILE, type ReviewStatus } from "../../../src/domain";
import { createExcelGateway } from "../../../src/excel/gateway";
import type { ExcelGateway } from "../../../src/excel/gateway-types";
import { REVIEW_RECORD_SETTING, type ReviewCapabilities, type ReviewGateway } from "../../../src/excel/review-gateway-types";
import { createReviewGateway } from "../../../src/excel/review-workbook";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";
import { ReviewBook } from "../../../src/taskpane/review/review-book";
import { ReviewSession } from "../../../src/taskpane/review/review-session";
import { REVIEW_TASKS, type ReviewTask } from "../../../src/taskpane/review/review-tasks";
import type { ReviewIntent, ReviewPlace } from "../../../src/taskpane/review/review-state";
import { keepRows, otherInstitution, xlsxBytes } from "../../domain/review/submitted-files";
import { recorded, type Recorded } from "../../support/recorded-gateway";
import { formatArea, parseArea } from "../../support/stand-in/model/address";
import { displayText, type ModelValue } from "../../support/stand-in/model/values";
import type { SheetJson } from "../../support/stand-in/model/workbook-json";
import { WorkbookModel } from "../../support/stand-in/model/workbook-model";
import { installStandIn } from "../../support/stand-in/office/install";
import { xlsxToWorkbookJson } from "../../support/stand-in/xlsx-to-model";

export const FIXED = new Date(2025, 3, 1, 9, 30);
export const FIXED_STAMP = "20250401-0930";

/** The sample form without its master sheets (the review workbook holds them): quicker to read. */
export const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};

export interface Fixtures {
  /** The master sheets of samples/application-form.xlsx (保健所, 全数, 定点) as the stand-in holds them. */
  masterSheets: SheetJson[];
  /** 山手10医院.xlsx: the sample form as submitted (18 data rows, 4 errors). */
  yamate: Uint8Array;
  /** 緑71診療所.xlsx: another institution's rows 4–7. */
  midori: Uint8Array;
}

let made: Promise<Fixtures> | undefined;

/** Made once per test file (jest gives each file its own module registry). */
export function fixtures(): Promise<Fixtures> {
  return (made ??= (async () => {
    const sample = await xlsxToWorkbookJson();
    return {
      masterSheets: sample.sheets.filter((s) => s.name !== "申請様式"),
      yamate: new Uint8Array(await xlsxBytes(formOnly)),
      midori: new Uint8Array(await xlsxBytes(formOnly, otherInstitution, keepRows(4, 7))),
    };
  })());
}

export interface DeskOptions {
  /** What the review gateway says the host can do (createReviewGateway's own parameter); default: the host's. */
  caps?: ReviewCapabilities;
  downloads?: "allowed" | "blocked";
  copyWorks?: boolean;
  /** Without the form gateway (an older pane): submission sheets cannot be read back. */
  withoutExcel?: boolean;
  /** Without the masters in the workbook. */
  withoutMasters?: boolean;
  /** The workbook of an earlier session (its sheets and record), opened again. */
  from?: Desk;
}

export interface Desk {
  /** The stand-in Excel host's workbook. */
  host: WorkbookModel;
  /** The form gateway the session reads submission and master sheets with. */
  workbook: Recorded<ExcelGateway>;
  review: Recorded<ReviewGateway>;
  session: ReviewSession;
  book: ReviewBook;
  downloads: { fileName: string; bytes: Uint8Array; mime: string }[];
  clipboard: string[];
}

/** A review session on a fresh review workbook (Sheet1 and the masters) or on the workbook of an earlier one. */
export function reviewDesk(f: Fixtures, options: DeskOptions = {}): Desk {
  const host =
    options.from?.host ??
    new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }, ...(options.withoutMasters ? [] : JSON.parse(JSON.stringify(f.masterSheets)) as SheetJson[])] });
  installStandIn(globalThis as unknown as Record<string, unknown>, host);
  const workbook = recorded(createExcelGateway());
  const review = recorded(createReviewGateway(options.caps));
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
  return { host, workbook, review, session, book: new ReviewBook(session), downloads, clipboard };
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

// --- the workbook, as Excel holds it ---

/** The review record kept in the workbook's settings (null: none). */
export function storedRecordText(d: Desk): string | null {
  const v = d.host.settings[REVIEW_RECORD_SETTING];
  return v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v);
}

/** Puts a record text in the workbook's settings, as an earlier session (or a damaged file) left it. */
export function putRecordText(d: Desk, json: string): void {
  d.host.settings[REVIEW_RECORD_SETTING] = json;
}

export function hasSheet(d: Desk, name: string): boolean {
  return d.host.sheetByName(name) !== undefined;
}

/** A sheet's values, `width` columns from A, every row up to its last value (null: empty cell); undefined: no sheet. */
export function sheetValues(d: Desk, name: string, width = 40): ModelValue[][] | undefined {
  const sheet = d.host.sheetByName(name);
  if (!sheet) return undefined;
  return Array.from({ length: sheet.rowExtent(true) }, (_, r) => Array.from({ length: width }, (_, c) => sheet.value(r, c) ?? null));
}

/** A cell's text as Excel shows it ("" when empty). */
export function cellText(d: Desk, name: string, address: string): string {
  const sheet = d.host.sheetByName(name);
  const at = parseArea(address);
  if (!sheet || !at) throw new Error(`no cell ${name}!${address}`);
  return displayText(sheet.value(at.row, at.column));
}

export const activeSheetName = (d: Desk) => d.host.activeSheet().name;
/** The selected cell or area of the active sheet ("D5"). */
export const selectedAddress = (d: Desk) => formatArea(d.host.activeSheet().selection);

/** The user adds a sheet with these values (row 1 first) while the pane is open. */
export function userAddsSheet(d: Desk, name: string, values: ModelValue[][]): void {
  const sheet = d.host.addSheet(name, "user");
  values.forEach((row, r) => row.forEach((v, c) => sheet.setValue(r, c, v)));
}

/** The user deletes a sheet. */
export function userDeletesSheet(d: Desk, name: string): void {
  d.host.deleteSheet(d.host.sheetByName(name)!.id, "user");
}

/** The current message of a place, as [intent, text]. */
export function said(session: ReviewSession, place: ReviewPlace): [ReviewIntent, string] | undefined {
  // The last one said there: a place holds one message at its top and one beside each control (NOTE_AT).
  const m = [...session.store.get().messages].reverse().find((x) => x.place === place);
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
