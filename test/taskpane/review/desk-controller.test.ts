import "../support/jsdom-gaps";
// DeskController on its own (審査, 作業②): deciding, going to a finding's cell, taking a submission out of the review
// and putting it back — on the stand-in Excel host with the real Excel layer, session, book and domain, two submissions
// imported by the real intake. Each test checks the workbook (sheets, the record), the store, the Office calls and the
// message.
import { messageOf, parseReviewRecord } from "../../../src/domain";
import { DeskController } from "../../../src/taskpane/review/desk-controller";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";
import { NOTE_AT } from "../../../src/taskpane/review/review-state";
import { REVIEW_TASKS } from "../../../src/taskpane/review/review-tasks";
import {
  FIXED,
  fixtures,
  hasSheet,
  importedDesk,
  failureAt,
  activeSheetName,
  cellText,
  said,
  selectedAddress,
  sheetValues,
  storedRecordText,
  userAddsSheet,
  type Desk,
  type Fixtures,
} from "./controller-fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await fixtures();
});

const deskOf = (d: Desk) => new DeskController(d.session, d.book);
const storedDecisions = (d: Desk) => {
  const parsed = parseReviewRecord(storedRecordText(d));
  if (!parsed.ok) throw new Error(messageOf(parsed.problem));
  return parsed.record.submissions.map((s) => [s.id, s.decision.status, s.decision.remark]);
};
const listed = (d: Desk) => d.session.store.get().submissions.map((v) => [v.id, v.decision.status, v.decision.remark]);
const cellEditing = { code: "InvalidOperationInCellEditMode", message: "" };

describe("DeskController.setDecision", () => {
  it("shows the decision at once and keeps it in the workbook's record, stamped with the time", async () => {
    const d = await importedDesk(f);
    await deskOf(d).setDecision("S002", { status: "差戻し", remark: "電話番号を確認" });
    expect(listed(d)).toEqual([
      ["S001", "受付", ""],
      ["S002", "差戻し", "電話番号を確認"],
    ]);
    expect(d.session.store.get().submissions[1].decision.decidedAt).toBe(FIXED.toISOString());
    expect(d.review.methods()).toEqual(["writeRecord"]);
    expect(storedDecisions(d)).toEqual(listed(d));

    const noteAt = (at: string) => d.session.store.get().messages.filter((m) => m.at === at).map((m) => [m.intent, m.text]);
    // Said beside S002's 判定 box, not at the top of the step.
    expect(noteAt(NOTE_AT.decision("S002"))).toEqual([["success", "判定を「差戻し」にしました。備考を保存しました。"]]);

    // The remark alone changes; the status stays; its note replaces the one before.
    await deskOf(d).setDecision("S002", { remark: "確認済み" });
    expect(storedDecisions(d)[1]).toEqual(["S002", "差戻し", "確認済み"]);
    expect(noteAt(NOTE_AT.decision("S002"))).toEqual([["success", "備考を保存しました。"]]);
    // 受付 is named 未判定.
    await deskOf(d).setDecision("S001", { status: "受付" });
    await deskOf(d).setDecision("S001", { status: "要確認" });
    await deskOf(d).setDecision("S001", { status: "受付" });
    expect(noteAt(NOTE_AT.decision("S001"))).toEqual([["success", "判定を「未判定」にしました。"]]);
  });

  it("an unknown id changes nothing and calls nothing", async () => {
    const d = await importedDesk(f);
    const before = storedRecordText(d);
    await deskOf(d).setDecision("S999", { status: "承認" });
    expect(d.review.calls).toEqual([]);
    expect(storedRecordText(d)).toBe(before);
  });

  it("when the record cannot be saved: the sentence and why at the step; the decision stays on screen", async () => {
    const d = await importedDesk(f);
    d.review.failNext("writeRecord", cellEditing);
    await expect(deskOf(d).setDecision("S001", { status: "承認" })).resolves.toBeUndefined();
    const text = failureAt(d.session, "review", "判定の保存");
    expect(text).toContain("セルを編集中");
    expect(d.session.store.get().messages.find((m) => m.intent === "error")?.at).toBe(NOTE_AT.decision("S001"));
    expect(listed(d)[0]).toEqual(["S001", "承認", ""]);
    expect(storedDecisions(d)[0]).toEqual(["S001", "受付", ""]);
  });
});

describe("DeskController.goToCell", () => {
  it("selects the finding's cell on the submission's sheet; a failure is said, not thrown", async () => {
    const d = await importedDesk(f);
    await deskOf(d).goToCell("S002", "D5");
    expect(d.workbook.argsOf("selectCell")).toEqual([["S002_緑71診療所", "D5"]]);
    expect([activeSheetName(d), selectedAddress(d)]).toEqual(["S002_緑71診療所", "D5"]);

    d.workbook.failNext("selectCell", cellEditing);
    await deskOf(d).goToCell("S001", "C14");
    failureAt(d.session, "review", "セルの選択");
  });
});

describe("DeskController.removeSubmission / undoRemoval", () => {
  it("takes a submission out with its sheet, then puts it back where it was with its values, decision and remark", async () => {
    const d = await importedDesk(f);
    const desk = deskOf(d);
    await desk.setDecision("S001", { status: "要確認", remark: "AJ13を確認中" });
    const values = sheetValues(d, "S001_山手10医院")!;
    expect(values.length).toBeGreaterThan(17);
    d.review.calls.length = 0;

    await desk.removeSubmission("S001");
    expect(d.review.methods()).toEqual(["deleteSheet", "writeRecord"]);
    expect(hasSheet(d, "S001_山手10医院")).toBe(false);
    expect(listed(d)).toEqual([["S002", "受付", ""]]);
    expect(storedDecisions(d)).toEqual([["S002", "受付", ""]]);
    const removed = d.session.store.get().messages.find((m) => m.place === "review" && m.at === NOTE_AT.removal)!;
    expect([removed.intent, removed.text]).toEqual(["info", REVIEW_MESSAGES.desk.removed("S001", "山手10医院.xlsx", "S001_山手10医院", true)]);
    expect(removed.action).toEqual({ kind: "undo-removal", label: "元に戻す" });

    d.review.calls.length = 0;
    // It resolves with the id of what came back: the pane puts the focus there.
    await expect(desk.undoRemoval()).resolves.toBe("S001");
    expect(d.review.methods()).toEqual(["sheetNames", "addSubmissionSheet", "writeRecord"]);
    // Inserted again from the submitted file, as it came in.
    expect((d.review.calls[1].args[0] as { base64?: string }).base64).toEqual(expect.any(String));
    expect(sheetValues(d, "S001_山手10医院")).toEqual(values);
    expect(listed(d)).toEqual([
      ["S001", "要確認", "AJ13を確認中"],
      ["S002", "受付", ""],
    ]);
    expect(storedDecisions(d)).toEqual(listed(d));
    expect(d.session.store.get().submissions[0].canMarkUp).toBe(true);
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.desk.restored("S001", "山手10医院.xlsx", "要確認")]);

    // Only the last removal can be undone, once.
    d.review.calls.length = 0;
    await desk.undoRemoval();
    expect(d.review.calls).toEqual([]);
  });

  it("元に戻す refuses when a sheet of that name was added meanwhile, and says what to do", async () => {
    const d = await importedDesk(f);
    const desk = deskOf(d);
    await desk.removeSubmission("S002");
    userAddsSheet(d, "S002_緑71診療所", [["メモ"]]);
    await desk.undoRemoval();
    expect(said(d.session, "review")).toEqual(["error", REVIEW_TASKS.申請の復元.failed + REVIEW_MESSAGES.desk.sheetTaken("S002_緑71診療所")]);
    expect(cellText(d, "S002_緑71診療所", "A1")).toBe("メモ");
    expect(listed(d).map((x) => x[0])).toEqual(["S001"]);
  });

  it("when Excel cannot delete the sheet, the submission stays in the review and the record", async () => {
    const d = await importedDesk(f);
    d.review.failNext("deleteSheet", cellEditing);
    await expect(deskOf(d).removeSubmission("S001")).resolves.toBeUndefined();
    failureAt(d.session, "review", "申請の削除");
    expect(listed(d).map((x) => x[0])).toEqual(["S001", "S002"]);
    expect(storedDecisions(d).map((x) => x[0])).toEqual(["S001", "S002"]);
    expect(hasSheet(d, "S001_山手10医院")).toBe(true);
  });
});
