import "../support/jsdom-gaps";
// IntakeController on its own (受付, 作業② first half): opening the review kept in the workbook and taking submitted
// files in, on the stand-in Excel host with the real Excel layer, session, book and domain. Each test checks what lands in the
// workbook (sheets, the record), in the store, which Office calls were made, and the message of the step.
import { messageOf, parseReviewRecord } from "../../../src/domain";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";
import {
  cellText,
  fixtures,
  importedDesk,
  picked,
  putRecordText,
  reviewDesk,
  failureAt,
  said,
  storedRecordText,
  userDeletesSheet,
  type Fixtures,
} from "./controller-fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await fixtures();
});
beforeEach(() => localStorage.clear());

const intakeOn = (desk: ReturnType<typeof reviewDesk>) => new IntakeController(desk.session, desk.book);
const storedRecord = (json: string | null) => {
  const parsed = parseReviewRecord(json);
  if (!parsed.ok) throw new Error(messageOf(parsed.problem));
  return parsed.record;
};

describe("IntakeController.start", () => {
  it("on a new workbook: the host's abilities in the store, the record read, the workbook's masters loaded, ready", async () => {
    const desk = reviewDesk(f, { caps: { insertWorksheets: false, settings: true }, downloads: "blocked" });
    await intakeOn(desk).start();
    expect(desk.session.store.get()).toMatchObject({ phase: "ready", canInsertSheets: false, canStoreRecord: true, downloads: "blocked", submissions: [], messages: [] });
    expect(desk.review.methods()).toEqual(["readRecord"]);
    // Every master sheet of the workbook is read and indexed for the check.
    expect(desk.workbook.argsOf("readSheetValues").map((args) => args[0])).toEqual(f.masterSheets.map((s) => s.name));
    expect(Object.keys(desk.book.workbookMasters).sort()).toEqual(["healthCenter", "teiten", "zensu"]);
    expect(desk.book.workbookMasters.healthCenter?.has("25654")).toBe(true);
  });

  it("where the host keeps no settings, says that decisions last only while the pane is open", async () => {
    const desk = reviewDesk(f, { caps: { insertWorksheets: true, settings: false } });
    await intakeOn(desk).start();
    expect(desk.session.store.get().canStoreRecord).toBe(false);
    expect(said(desk.session, "host")).toEqual(["warning", REVIEW_MESSAGES.intake.cannotStoreRecord()]);
    expect(desk.session.store.get().phase).toBe("ready");
  });

  it("a damaged record: says why, starts afresh and does not overwrite it", async () => {
    const desk = reviewDesk(f);
    putRecordText(desk, "{ not json");
    await intakeOn(desk).start();
    const [intent, text] = said(desk.session, "record")!;
    expect(intent).toBe("error");
    expect(text).toContain("JSON");
    expect(text.endsWith("新しい審査として始めます（ブックの記録は上書きしません）。")).toBe(true);
    expect(desk.review.methods()).not.toContain("writeRecord");
    expect(storedRecordText(desk)).toBe("{ not json");
    expect(desk.session.store.get().phase).toBe("ready");
  });

  it("reopening a review workbook reads each recorded submission back from its sheet, with its decision", async () => {
    const earlier = await importedDesk(f);
    const record = storedRecord(storedRecordText(earlier));
    putRecordText(earlier, JSON.stringify({ ...record, submissions: record.submissions.map((s) => (s.id === "S002" ? { ...s, decision: { ...s.decision, status: "承認" } } : s)) }));

    const desk = reviewDesk(f, { from: earlier });
    await intakeOn(desk).start();
    const views = desk.session.store.get().submissions;
    expect(views.map((v) => [v.id, v.sheetName, v.decision.status, v.how])).toEqual([
      ["S001", "S001_山手10医院", "受付", undefined],
      ["S002", "S002_緑71診療所", "承認", undefined],
    ]);
    // The rows come from the sheets (the form gateway), not from the files, which are not in this session.
    expect(desk.workbook.argsOf("readForm").map((args) => args[0])).toEqual(["S001_山手10医院", "S002_緑71診療所"]);
    expect(views.map((v) => v.canMarkUp)).toEqual([false, false]);
    expect(views[0].summary).toEqual(earlier.session.store.get().submissions[0].summary);
  });

  it("a recorded submission whose sheet is gone is named; one without the form gateway asks for a new import", async () => {
    const earlier = await importedDesk(f);
    userDeletesSheet(earlier, "S002_緑71診療所");
    const desk = reviewDesk(f, { from: earlier });
    await intakeOn(desk).start();
    expect(desk.session.store.get().submissions.map((v) => v.id)).toEqual(["S001"]);
    expect(said(desk.session, "record")).toEqual(["warning", REVIEW_MESSAGES.intake.sheetsMissing([{ id: "S002", fileName: "緑71診療所.xlsx", sheetName: "S002_緑71診療所" }])]);

    const blind = reviewDesk(f, { from: earlier, withoutExcel: true });
    await intakeOn(blind).start();
    expect(blind.session.store.get().submissions).toEqual([]);
    expect(said(blind.session, "record")).toEqual(["warning", REVIEW_MESSAGES.intake.sheetsUnreadable()]);
  });

  it("a failing Office call while reading the record: the task's sentence and why, and the pane still gets ready", async () => {
    const desk = reviewDesk(f);
    desk.review.failNext("readRecord", { code: "InvalidOperationInCellEditMode", message: "" });
    await expect(intakeOn(desk).start()).resolves.toBeUndefined();
    const text = failureAt(desk.session, "record", "審査の記録の読み込み");
    expect(text).toContain("セルを編集中");
    expect(desk.session.store.get()).toMatchObject({ phase: "ready", busy: undefined });
  });
});

describe("IntakeController.importFiles", () => {
  it("adds one sheet per submission with its rows' provenance, records them in the workbook and says which", async () => {
    const desk = reviewDesk(f);
    const intake = intakeOn(desk);
    await intake.start();
    desk.review.calls.length = 0;
    await intake.importFiles(picked(["山手10医院.xlsx", f.yamate], ["緑71診療所.xlsx", f.midori]));

    expect(desk.review.methods()).toEqual(["sheetNames", "addSubmissionSheet", "addSubmissionSheet", "writeRecord"]);
    const added = desk.review.argsOf("addSubmissionSheet").map((args) => args[0] as { sheetName: string; base64?: string; rows: number[] });
    expect(added.map((a) => a.sheetName)).toEqual(["S001_山手10医院", "S002_緑71診療所"]);
    expect(added.every((a) => typeof a.base64 === "string" && a.base64.length > 0)).toBe(true);
    expect(added[1].rows).toEqual([4, 5, 6, 7]);
    // The sheet holds the submitted values, with the file name beside each data row.
    expect(cellText(desk, "S002_緑71診療所", "B4")).toBe("青木　誠");
    expect(cellText(desk, "S002_緑71診療所", "AP4")).toBe("緑71診療所.xlsx");

    const record = storedRecord(storedRecordText(desk));
    expect(record.submissions.map((s) => [s.id, s.fileName, s.sheetName, s.decision.status])).toEqual([
      ["S001", "山手10医院.xlsx", "S001_山手10医院", "受付"],
      ["S002", "緑71診療所.xlsx", "S002_緑71診療所", "受付"],
    ]);
    const views = desk.session.store.get().submissions;
    expect(views.map((v) => [v.id, v.how, v.canMarkUp])).toEqual([
      ["S001", "inserted", true],
      ["S002", "inserted", true],
    ]);
    // C14, D15, A16, K17 are the sample's errors.
    expect(views[0].rows.flatMap((r) => r.findings.filter((x) => x.severity === "error").map((x) => `${x.place.column}${x.place.row}`)).sort()).toEqual(["A16", "C14", "D15", "K17"]);
    expect(said(desk.session, "review")).toEqual(["success", REVIEW_MESSAGES.intake.imported(["S001_山手10医院", "S002_緑71診療所"])]);
    expect(desk.session.store.get().busy).toBeUndefined();
  });

  it("where sheets cannot be inserted, the values are copied and the message says so", async () => {
    const desk = reviewDesk(f, { caps: { insertWorksheets: false, settings: true } });
    const intake = intakeOn(desk);
    await intake.start();
    await intake.importFiles(picked(["山手10医院.xlsx", f.yamate]));
    const input = desk.review.calls.find((c) => c.method === "addSubmissionSheet")!.args[0] as { base64?: string };
    expect(input.base64).toBeUndefined();
    expect(desk.session.store.get().submissions.map((v) => v.how)).toEqual(["copied"]);
    expect(said(desk.session, "review")).toEqual(["success", REVIEW_MESSAGES.intake.imported(["S001_山手10医院"]) + REVIEW_MESSAGES.intake.valuesCopied()]);
  });

  it("an unreadable file is refused with a notice; the others come in, and the message is a warning", async () => {
    const desk = reviewDesk(f);
    const intake = intakeOn(desk);
    await intake.start();
    const broken = new TextEncoder().encode("これはExcelのファイルではありません");
    await intake.importFiles([...picked(["壊れた.xlsx", broken], ["山手10医院.xlsx", f.yamate]), { name: "読めない.xlsx", bytes: () => Promise.reject(new Error("NotReadableError")) }]);
    expect(desk.session.store.get().submissions.map((v) => v.fileName)).toEqual(["山手10医院.xlsx"]);
    const notices = desk.session.store.get().notices;
    expect(notices.filter((n) => n.severity === "error").map((n) => n.place.file).sort()).toEqual(["壊れた.xlsx", "読めない.xlsx"]);
    expect(said(desk.session, "review")).toEqual(["warning", REVIEW_MESSAGES.intake.imported(["S001_山手10医院"]) + REVIEW_MESSAGES.intake.filesRefused(2)]);

    // Only refused files: nothing is added, and the message is an error.
    await intake.importFiles(picked(["壊れた.xlsx", broken]));
    expect(desk.session.store.get().submissions).toHaveLength(1);
    expect(said(desk.session, "review")).toEqual(["error", REVIEW_MESSAGES.intake.filesRefused(1)]);
  });

  it("a sheet Excel refuses to add: the task's sentence and why at the step, nothing recorded, no throw", async () => {
    const desk = reviewDesk(f);
    const intake = intakeOn(desk);
    await intake.start();
    desk.review.failNext("addSubmissionSheet", { code: "InvalidOperationInCellEditMode", message: "" });
    await expect(intake.importFiles(picked(["山手10医院.xlsx", f.yamate]))).resolves.toBeUndefined();
    const text = failureAt(desk.session, "review", "申請様式の取り込み");
    expect(text).toContain("Enterキー");
    expect(desk.review.methods()).not.toContain("writeRecord");
    expect(desk.session.store.get()).toMatchObject({ submissions: [], busy: undefined });

    // The next try works and takes the first id.
    await intake.importFiles(picked(["山手10医院.xlsx", f.yamate]));
    expect(desk.session.store.get().submissions.map((v) => v.id)).toEqual(["S001"]);
  });
});
