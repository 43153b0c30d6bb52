import "./support/jsdom-gaps";
// Re-imports in the review pane (jsdom, ReviewController on the stand-in Excel host): the same file again is not added
// (a notice and the step's message name the file and the submission it matches); a changed file of the same
// institution starts at 受付 with its comparison, whatever the earlier one's decision; 「前回」 names only a submission
// imported in an earlier session (the review reopened from its record).
import { act, cleanup, screen, within } from "@testing-library/react";
import type ExcelJS from "exceljs";
import { form, xlsxBytes } from "../domain/review/submitted-files";
import { renderReview } from "./support/render-review";

/** The sample without its master sheets (3,000 rows): re-imports do not need them, and the test stays quick. */
const formOnly = (wb: ExcelJS.Workbook) => {
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
};

let original: Uint8Array;
let fixed: Uint8Array;
beforeAll(async () => {
  original = new Uint8Array(await xlsxBytes(formOnly));
  fixed = new Uint8Array(
    await xlsxBytes(formOnly, (wb: ExcelJS.Workbook) => {
      form(wb).getCell("C14").value = "03-1234-5678";
    }),
  );
});

const card = (id: string) => document.querySelector(`[data-testid="submission"][data-id="${id}"]`) as HTMLElement | null;
const reviewMessages = () => [...document.querySelectorAll(`[data-testid="review-message"][data-place="review"]`)].map((m) => m.textContent);

describe("re-imports in the review pane", () => {
  it("the same file again is not added: no new submission, a notice and a message naming the file and S001", async () => {
    const { controller, importFiles, settle } = await renderReview();
    await importFiles([{ name: "山手10医院.xlsx", bytes: original }]);
    await act(() => controller.setDecision("S001", { status: "承認" }));
    await settle();
    await importFiles([{ name: "山手10医院.xlsx", bytes: original }]);
    expect(controller.store.get().submissions.map((s) => [s.id, s.decision.status])).toEqual([["S001", "承認"]]);
    expect(card("S002")).toBeNull();
    expect(screen.getByTestId("import-notices").textContent).toContain("「山手10医院.xlsx」のシート「申請様式」は取り込み済みの S001 と同じ内容のため、取り込みませんでした");
    expect(reviewMessages()).toEqual(["「山手10医院.xlsx」は取り込み済みの S001 と同じ内容のため、追加しませんでした。"]);
    expect(screen.getByTestId("review-counts").textContent).toBe("全1件：未判定 0・要確認 0・差戻し 0・承認 1");
  });

  it("a changed file starts at 受付 with its comparison; the earlier one is 「先ほど取り込み」 in this session and 「前回」 once reopened", async () => {
    const first = await renderReview();
    await first.importFiles([{ name: "山手10医院.xlsx", bytes: original }]);
    await act(() => first.controller.setDecision("S001", { status: "承認", remark: "C14は電話で確認済み。" }));
    await first.settle();
    await first.importFiles([{ name: "山手10医院.xlsx", bytes: fixed }]);
    const [s1, s2] = first.controller.store.get().submissions;
    // Its rows changed: no decision is inherited, the notice and the message say so, and the counts agree with them.
    expect(s1.decision.status).toBe("承認");
    expect(s2.decision).toMatchObject({ status: "受付", remark: "S001（先ほど取り込み）の備考：C14は電話で確認済み。" });
    expect(s2.comparison).toMatchObject({ previousId: "S001", previousLabel: "S001（先ほど取り込み）", summary: { changed: 1, resolved: 1 } });
    expect(screen.getByTestId("review-counts").textContent).toBe("全2件：未判定 1・要確認 0・差戻し 0・承認 1");
    expect(screen.getByTestId("import-notices").textContent).toContain("新しい版として取り込み、前の版との比較を表示します。新しい版は「未判定」から判定してください。");
    expect(reviewMessages()).toEqual([
      "1件の申請を取り込みました（S002_山手10医院）。S002 は S001（先ほど取り込み）の新しい版です。判定は引き継がず「未判定」から始めます。カードの比較で変わった行を確認してください。",
    ]);
    // Both versions are in the review: the newer one's rows are duplicates of the older one's, as the notice says.
    expect(s2.rows.some((r) => r.findings.some((f) => f.code === "name.duplicate-other-file"))).toBe(true);
    const text = card("S002")!.textContent!;
    expect(text).toContain("S001（先ほど取り込み）との比較");
    expect(document.body.textContent).not.toContain("前回");

    // Reopened (a new session on the same workbook): S001 was imported in an earlier session, so it is 「前回」 now.
    cleanup();
    const again = await renderReview(first.model);
    const views = again.controller.store.get().submissions;
    expect(views.map((v) => [v.id, v.decision.status])).toEqual([
      ["S001", "承認"],
      ["S002", "受付"],
    ]);
    expect(views[1].comparison).toMatchObject({ previousLabel: "前回（S001）" });
    expect(views[1].comparison!.text).toContain("■ 前回: S001");
    expect(within(card("S002")!).getByText(/前回（S001）との比較/)).toBeTruthy();
    // The same changed file once more, in the new session: its content is the reopened S002's, so it is not added.
    await again.importFiles([{ name: "山手10医院.xlsx", bytes: fixed }]);
    expect(again.controller.store.get().submissions.map((v) => v.id)).toEqual(["S001", "S002"]);
    expect(reviewMessages()).toEqual(["「山手10医院.xlsx」は取り込み済みの S002 と同じ内容のため、追加しませんでした。"]);
  });
});
