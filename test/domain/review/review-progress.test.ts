import { approvalNeedsConfirmation, reviewProgress, type ReviewDecision } from "../../../src/domain";

const d = (status: ReviewDecision["status"]): ReviewDecision => ({ status, remark: "" });

describe("reviewProgress: the counts and the next step of the review", () => {
  it("starts with importing", () => {
    expect(reviewProgress([])).toEqual({ counts: { 受付: 0, 要確認: 0, 差戻し: 0, 承認: 0 }, total: 0, nextStep: "import", next: "次は：機関から届いた申請様式（.xlsx）を取り込みます。" });
  });

  it("names the undecided submissions before anything else", () => {
    const p = reviewProgress([d("受付"), d("承認"), d("受付"), d("差戻し")]);
    expect(p.counts).toEqual({ 受付: 2, 要確認: 0, 差戻し: 1, 承認: 1 });
    expect(p.nextStep).toBe("decide");
    expect(p.next).toBe("次は：まだ判定していない2件に判定を付けます（全4件）。");
  });

  it("sends the reviewer to ② once every submission is decided and one is approved", () => {
    expect(reviewProgress([d("承認"), d("承認")])).toMatchObject({ nextStep: "export", next: "次は：「② 登録用CSV」で承認した2件の行を出力します。" });
  });

  it("names the 差戻し letters and marked-up forms to send before ②", () => {
    expect(reviewProgress([d("承認"), d("差戻し"), d("承認")])).toMatchObject({
      nextStep: "export",
      next: "次は：差戻しの1件に差戻し文と印を付けた様式を送り、「② 登録用CSV」で承認した2件の行を出力します。",
    });
  });

  it("with nothing approved, the next step is the follow-up, not ②", () => {
    expect(reviewProgress([d("差戻し"), d("要確認")])).toMatchObject({
      nextStep: "follow-up",
      next: "次は：差戻しの1件に差戻し文と印を付けた様式を送り、要確認の申請を確かめます（承認した申請はまだありません）。",
    });
    expect(reviewProgress([d("要確認")]).next).toBe("次は：要確認の申請を確かめます（承認した申請はまだありません）。");
  });

  it("asks before approving a submission with errors", () => {
    const summary = { rows: 3, complete: 2, incomplete: 1, gap: 0, errors: 4, warnings: 0, infos: 0 };
    expect(approvalNeedsConfirmation(summary)).toBe(true);
    expect(approvalNeedsConfirmation({ ...summary, errors: 0, incomplete: 0, complete: 3, warnings: 2 })).toBe(false);
  });
});
