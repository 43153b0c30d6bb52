import "./support/jsdom-gaps";
// Step ① of the review as the reviewer meets it (jsdom, the real controller on the stand-in host): an overview of one
// compact card per submission, the decision before the findings, the findings folded and grouped by row, the list
// filtered by decision or errors with counts, and every action answered beside its own control (a polite live
// region), never at the top of the step.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { until } from "./support/queries";
import { type PickedFile, renderReview, twoSubmittedFiles } from "./support/render-review";

let files: PickedFile[];
beforeAll(async () => {
  files = await twoSubmittedFiles();
});

async function imported() {
  const r = await renderReview();
  await r.importFiles(files);
  return r;
}

const card = (id: string) => document.querySelector(`[data-testid="submission"][data-id="${id}"]`) as HTMLElement;
const listed = () => [...document.querySelectorAll('[data-testid="submission"]')].map((c) => c.getAttribute("data-id"));
const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
/** The live region a control names in aria-describedby (what its last action did). */
const noteOf = (control: HTMLElement) => {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ");
  return ids.map((id) => document.getElementById(id)).find((e) => e?.getAttribute("data-testid") === "action-note") as HTMLElement;
};
const topMessages = () => [...document.querySelectorAll('[data-testid="review-message"]')].map((m) => m.textContent);

describe("step ①: the overview", () => {
  it("each card names institution, file, counts, check state and decision; the decision comes before the folded findings", async () => {
    const { settle } = await imported();
    const c = card("S001");
    expect(within(c).getByTestId("submission-status").textContent).toBe("未判定");
    expect(within(c).getByTestId("submission-check").textContent).toBe("エラー 4件");
    expect(within(card("S002")).getByTestId("submission-check").textContent).not.toMatch(/エラー/);
    expect(c.textContent).toContain("山手10医院.xlsx");
    // Folded: no finding is on the page until asked for.
    expect(within(c).queryAllByTestId("review-finding")).toEqual([]);
    const header = within(c).getByTestId("findings-header");
    expect(header.textContent).toMatch(/^指摘のある行（\d+行、うちエラー \d+行）$/);
    // 判定 and 備考 come before the findings in the card (and so in the Tab order).
    const select = within(c).getByLabelText("S001の判定");
    expect(follows(select, header)).toBe(true);
    expect(follows(within(c).getByLabelText("S001の備考"), header)).toBe(true);
    // 受付 is offered as 未判定: the list names a decision, not a state.
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["未判定", "要確認", "差戻し", "承認"]);
    await settle();
  });

  it("備考 is as tall as its remark (up to 10 lines), so the start of a long remark is not scrolled away", async () => {
    const { controller, settle } = await imported();
    const box = () => within(card("S001")).getByLabelText("S001の備考") as HTMLTextAreaElement;
    expect(box().rows).toBe(1);
    const remark = "電話番号の桁数を機関に確認した。".repeat(4) + "\n次回の申請で直す。";
    await act(() => controller.setDecision("S001", { remark }));
    await settle();
    expect(box().value).toBe(remark);
    expect(box().rows).toBeGreaterThanOrEqual(5);
  });

  it("findings open on demand, grouped by row: a row folded names its number, person and counts; opened, its findings", async () => {
    const { model, settle } = await imported();
    const c = card("S001");
    fireEvent.click(within(c).getByTestId("findings-header").querySelector("button")!);
    await settle();
    const rows = within(c).getAllByTestId("finding-row");
    expect(rows.length).toBeGreaterThan(1);
    expect(within(c).queryAllByTestId("review-finding")).toEqual([]);
    const first = rows[0];
    const rowNumber = first.getAttribute("data-row")!;
    expect(first.textContent).toMatch(new RegExp(`^${rowNumber}行目(（.+）)?：エラー \\d+`));
    fireEvent.click(first.querySelector("button")!);
    await settle();
    const findings = within(c).getAllByTestId("review-finding");
    // Only the opened row's findings, each naming a cell of that row.
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.textContent).toMatch(new RegExp(`^(エラー|警告|情報) [A-Z]+${rowNumber}：`));
    expect(findings.every((f) => first.contains(f))).toBe(true);
    expect(findings[0].textContent).toBe("エラー C14：連絡先電話番号が入力されていません。");
    fireEvent.click(findings[0]);
    await settle();
    // C14 (the model counts from 0).
    expect(model.activeSheet().selection).toEqual({ row: 13, column: 2, rowCount: 1, columnCount: 1 });
  });

  it("the list is filtered by decision or errors, each filter with its count; a card being decided stays until the filter changes", async () => {
    const { controller, settle } = await imported();
    const radio = (name: RegExp) => within(screen.getByTestId("submission-filter")).getByRole("radio", { name });
    const labels = within(screen.getByTestId("submission-filter"))
      .getAllByRole("radio")
      .map((r) => r.closest(".fui-Radio")?.textContent);
    expect(labels).toEqual(["すべて（2）", "未判定（2）", "要確認（0）", "差戻し（0）", "承認（0）", "エラーあり（1）"]);
    fireEvent.click(radio(/^エラーあり/));
    await settle();
    expect(listed()).toEqual(["S001"]);
    fireEvent.click(radio(/^差戻し/));
    await settle();
    expect(listed()).toEqual([]);
    expect(screen.getByTestId("no-submissions").textContent).toBe("この状態の申請はありません。");
    await act(() => controller.setDecision("S002", { status: "差戻し" }));
    await settle();
    expect(listed()).toEqual(["S002"]);
    expect(radio(/^差戻し/).closest(".fui-Radio")?.textContent).toBe("差戻し（1）");

    // Under 未判定, the reviewer decides S001 in its card: it stays listed (it does not vanish under the focus)…
    fireEvent.click(radio(/^未判定/));
    await settle();
    expect(listed()).toEqual(["S001"]);
    const select = within(card("S001")).getByLabelText("S001の判定");
    act(() => select.focus());
    fireEvent.change(select, { target: { value: "要確認" } });
    await settle();
    expect(controller.store.get().submissions[0].decision.status).toBe("要確認");
    expect(listed()).toEqual(["S001"]);
    expect(radio(/^未判定/).closest(".fui-Radio")?.textContent).toBe("未判定（0）");
    // …until the filter is chosen again.
    fireEvent.click(radio(/^すべて/));
    await settle();
    fireEvent.click(radio(/^未判定/));
    await settle();
    expect(listed()).toEqual([]);
  });
});

describe("step ①: feedback beside the control", () => {
  it("判定, 差戻し文をコピー, 印を付けた様式 and 審査結果シート each say what they did beside themselves, in a polite live region", async () => {
    const { downloads, settle } = await imported();
    const before = topMessages();
    const select = within(card("S002")).getByLabelText("S002の判定");
    fireEvent.change(select, { target: { value: "差戻し" } });
    await settle();
    const decided = noteOf(select);
    expect(decided.getAttribute("role")).toBe("status");
    expect(decided.getAttribute("aria-live")).toBe("polite");
    expect(decided.textContent).toContain("判定を「差戻し」にしました。");
    expect(card("S002").contains(decided)).toBe(true);

    const copy = within(card("S002")).getByRole("button", { name: "差戻し文をコピー" });
    expect(noteOf(copy).textContent).toBe("");
    fireEvent.click(copy);
    await settle();
    const copied = noteOf(copy);
    expect([copied.getAttribute("role"), copied.getAttribute("aria-live")]).toEqual(["status", "polite"]);
    expect(copied.textContent).toContain("S002 の差戻し文をクリップボードにコピーしました。");
    // Beside the button: the same small group holds both.
    expect(copy.parentElement!.contains(copied)).toBe(true);

    const markUp = within(card("S002")).getByRole("button", { name: "印を付けた様式をダウンロード" });
    fireEvent.click(markUp);
    await until(() => expect(noteOf(markUp).textContent).toContain("「差戻し_緑71診療所.xlsx」をダウンロードしました"), settle);
    expect(downloads).toEqual(["差戻し_緑71診療所.xlsx"]);
    expect(markUp.parentElement!.contains(noteOf(markUp))).toBe(true);
    // The copy's note is still the copy's: each control keeps its own.
    expect(noteOf(copy).textContent).toContain("コピーしました");

    const report = screen.getByRole("button", { name: "審査結果シートを作成" });
    fireEvent.click(report);
    await until(() => expect(noteOf(report).textContent).toContain("シート「審査結果」に審査結果を書き出しました（"), settle);
    expect(report.closest('[aria-label="審査結果の記録"]')!.contains(noteOf(report))).toBe(true);

    // None of these went to the top of the step: it keeps the import's message, the progress and the next step.
    expect(topMessages()).toEqual(before);
  });
});
