import "./support/jsdom-gaps";
// ReviewPane rendered as the user meets it (jsdom), over ReviewController on the stand-in Excel host: the counts and
// the next step, errors first and clickable, one current message per step, 承認 with errors asks first, 審査から外す
// confirms and can be undone, and the disabled actions of ②/③ say why.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { openTab, until } from "./support/queries";
import { openAllFindings, type PickedFile, renderReview, twoSubmittedFiles } from "./support/render-review";

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
const messagesAt = (place: string, at?: string) =>
  [...document.querySelectorAll(`[data-testid="review-message"][data-place="${place}"]`)].filter((m) => m.getAttribute("data-at") === (at ?? null)).map((m) => m.textContent);

describe("ReviewPane (作業② ③ ④) as rendered", () => {
  it("names the next step and counts the decisions", async () => {
    const { settle } = await renderReview();
    expect(screen.getByTestId("review-next").textContent).toBe("次は：機関から届いた申請様式（.xlsx）を取り込みます。");
    await settle();
  });

  it("after import: counts, errors first in each submission, and a finding selects its cell on the submission's sheet", async () => {
    const { model, settle } = await imported();
    expect(screen.getByTestId("review-counts").textContent).toBe("全2件：未判定 2・要確認 0・差戻し 0・承認 0");
    expect(screen.getByTestId("review-next").textContent).toBe("次は：まだ判定していない2件に判定を付けます（全2件）。");
    await openAllFindings("S001", settle);
    const findings = within(card("S001")).getAllByTestId("review-finding");
    const severities = findings.map((f) => f.closest("li")!.getAttribute("data-severity"));
    expect(severities.slice(0, 4)).toEqual(["error", "error", "error", "error"]);
    expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
    expect(findings[0].textContent).toBe("エラー C14：連絡先電話番号が入力されていません。");
    // The whole message is the button.
    fireEvent.click(findings[1]);
    await settle();
    expect(model.activeSheet().name).toBe("S001_山手10医院");
    expect(model.activeSheet().selection).toEqual({ row: 14, column: 3, rowCount: 1, columnCount: 1 });
  });

  it("承認 of a submission with errors asks first: cancel keeps the decision and returns focus to the 判定 box", async () => {
    const { controller, settle } = await imported();
    const select = within(card("S001")).getByLabelText("S001の判定") as HTMLSelectElement;
    act(() => select.focus());
    fireEvent.change(select, { target: { value: "承認" } });
    await settle();
    const box = screen.getByTestId("confirm-approve");
    expect(box.textContent).toContain("この申請にはエラーが4件あります。エラーのある行は登録用CSVに出力されません。");
    fireEvent.click(within(box).getByRole("button", { name: "キャンセル" }));
    await settle();
    expect(controller.store.get().submissions[0].decision.status).toBe("受付");
    expect(document.activeElement).toBe(within(card("S001")).getByLabelText("S001の判定"));

    fireEvent.change(within(card("S001")).getByLabelText("S001の判定"), { target: { value: "承認" } });
    await settle();
    // The reason the dialog asks for has the focus and cannot be left empty.
    const reason = within(screen.getByTestId("confirm-approve")).getByLabelText("S001を承認する理由");
    expect(document.activeElement).toBe(reason);
    fireEvent.click(within(screen.getByTestId("confirm-approve")).getByRole("button", { name: "エラーがあるまま承認する" }));
    await settle();
    expect(controller.store.get().submissions[0].decision.status).toBe("受付");
    expect(screen.getByTestId("confirm-approve").textContent).toContain("理由を入力してください。");
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: "電話番号は機関に確認済み" } });
    fireEvent.click(within(screen.getByTestId("confirm-approve")).getByRole("button", { name: "エラーがあるまま承認する" }));
    await settle();
    expect(controller.store.get().submissions[0].decision).toMatchObject({ status: "承認", remark: "電話番号は機関に確認済み" });
    expect((within(card("S001")).getByLabelText("S001の備考") as HTMLTextAreaElement).value).toBe("電話番号は機関に確認済み");
    await until(() => expect(document.activeElement).toBe(within(card("S001")).getByLabelText("S001の判定")), settle);
    // A submission without errors is approved at once.
    fireEvent.change(within(card("S002")).getByLabelText("S002の判定"), { target: { value: "承認" } });
    await settle();
    expect(screen.queryByTestId("confirm-approve")).toBeNull();
    expect(controller.store.get().submissions[1].decision.status).toBe("承認");
    expect(screen.getByTestId("review-next").textContent).toBe("次は：「② 登録用CSV」で承認した2件の行を出力します。");
  });

  it("審査から外す confirms, says what was removed, and 元に戻す brings back the sheet, the decision and the remark", async () => {
    const { model, controller, settle } = await imported();
    await act(() => controller.setDecision("S002", { status: "差戻し", remark: "電話番号を確認" }));
    await settle();
    fireEvent.click(within(card("S002")).getByRole("button", { name: "審査から外す" }));
    await settle();
    const box = screen.getByTestId("confirm-remove");
    expect(box.textContent).toContain("シート「S002_緑71診療所」を削除し、判定「差戻し」と備考も消えます。");
    fireEvent.click(within(box).getByRole("button", { name: "キャンセル" }));
    await settle();
    expect(model.sheetByName("S002_緑71診療所")).toBeDefined();
    expect(document.activeElement).toBe(within(card("S002")).getByRole("button", { name: "審査から外す" }));

    fireEvent.click(within(card("S002")).getByRole("button", { name: "審査から外す" }));
    await settle();
    fireEvent.click(within(screen.getByTestId("confirm-remove")).getByRole("button", { name: "審査から外す" }));
    // The card leaves the list as soon as the removal starts; the removal has finished when its message replaces the
    // import's (after the sheet is deleted and the record saved), so that is what the test waits for.
    await until(() => expect(messagesAt("review", "removal")[0]).toContain("S002（緑71診療所.xlsx）を審査から外し、シート「S002_緑71診療所」を削除しました。"), settle);
    expect(card("S002")).toBeNull();
    expect(model.sheetByName("S002_緑71診療所")).toBeUndefined();
    expect(messagesAt("review", "removal")).toHaveLength(1);
    await until(() => expect(document.activeElement).toBe(screen.getByTestId("undo-removal")), settle);

    fireEvent.click(screen.getByTestId("undo-removal"));
    await until(() => expect(card("S002")).toBeTruthy(), settle);
    expect(model.sheetByName("S002_緑71診療所")).toBeDefined();
    const s2 = controller.store.get().submissions.find((x) => x.id === "S002")!;
    expect(s2.decision).toMatchObject({ status: "差戻し", remark: "電話番号を確認" });
    expect(s2.summary.rows).toBe(4);
    expect(controller.store.get().submissions.map((x) => x.id)).toEqual(["S001", "S002"]);
    // The card is back as soon as the list is checked again; the message follows once the record is saved, and the
    // focus goes to the submission put back (its 判定 box), not to the page.
    await until(() => expect(messagesAt("review", "removal")).toEqual([expect.stringContaining("S002（緑71診療所.xlsx）を審査に戻しました")]), settle);
    await until(() => expect(document.activeElement).toBe(within(card("S002")).getByLabelText("S002の判定")), settle);
  });

  it("②: with nothing approved the export is disabled and says why; after approving, one current message replaces the last", async () => {
    const { controller, downloads, settle } = await imported();
    await openTab("② 登録用CSV", settle);
    const exportButton = screen.getByRole("button", { name: "登録用CSVを出力" });
    expect(exportButton.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("export-why").textContent).toBe("出力できません：「承認」の申請がありません。「① 受付・審査」で判定を「承認」にしてください。");
    expect(exportButton.getAttribute("aria-describedby")).toBe("export-why");
    fireEvent.click(exportButton);
    await settle();
    expect(downloads).toEqual([]);

    // The controller still refuses an export with nothing to write, and that red message is replaced by the next one.
    await act(() => controller.exportCsv());
    await settle();
    expect(messagesAt("export")).toEqual([expect.stringContaining("出力できる行がありません")]);
    await act(() => controller.setDecision("S002", { status: "承認" }));
    await settle();
    expect(screen.queryByTestId("export-why")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "登録用CSVを出力" }));
    await until(() => expect(downloads).toEqual(["登録用CSV_20250401-0930.csv"]), settle);
    expect(messagesAt("export")).toEqual([expect.stringContaining("「登録用CSV_20250401-0930.csv」をダウンロードしました（4行")]);
  });

  it("③: the draft buttons say why they are disabled, and a bad URL is reported at the URL box", async () => {
    const { controller, settle } = await imported();
    await openTab("③ 通知メール", settle);
    expect(screen.getByRole("button", { name: "メールの下書きを作成" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("draft-why").textContent).toContain("先に発行結果CSVを読み込み");
    await act(() => controller.setDecision("S001", { status: "承認" }));
    const { readFileSync } = await import("node:fs");
    const { SAMPLE_ISSUED } = await import("../support/samples");
    await act(() => controller.loadIssued("issued-accounts.csv", new Uint8Array(readFileSync(SAMPLE_ISSUED))));
    await settle();
    expect(screen.queryByTestId("draft-why")).toBeNull();
    expect(screen.getByTestId("zip-why").textContent).toBe("保存できません：先に「メールの下書きを作成」を押してください。");
    fireEvent.change(screen.getByLabelText("システムのURL"), { target: { value: "nesid.example" } });
    fireEvent.click(screen.getByRole("button", { name: "メールの下書きを作成" }));
    await settle();
    const field = screen.getByTestId("url-field");
    expect(field.textContent).toContain("URLとして正しくありません");
    expect(screen.queryByTestId("draft-problems")).toBeNull();
    expect(messagesAt("notify")).toEqual(["メールの下書きを作成できませんでした。「システムのURL」の欄を確認してください。"]);
    fireEvent.change(screen.getByLabelText("システムのURL"), { target: { value: "https://nesid.example.invalid/" } });
    fireEvent.click(screen.getByRole("button", { name: "メールの下書きを作成" }));
    await settle();
    expect(messagesAt("notify")).toHaveLength(1);
    expect(messagesAt("notify")[0]).toMatch(/^\d+人分・\d+通の下書きを作成しました。/);
    // The .eml note is said once, not on every draft, and names the buttons there are.
    expect(screen.getAllByText(/メールソフトに直接渡せません/)).toHaveLength(1);
  });
});
