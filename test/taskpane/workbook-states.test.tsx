import "./support/jsdom-gaps";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Cell } from "../../src/domain";
import { FULL_CAPABILITIES } from "./support/fake-gateway";
import { count, group, messages, SHEET } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

describe("which sheet is the form", () => {
  it("says clearly when the workbook has no form sheet, and lets the user choose one", async () => {
    const p = await renderPane([
      { name: "メモ", values: [["連絡先一覧"], ["名前", "電話"]] },
      { name: "Sheet2", values: [] },
    ]);
    const box = screen.getByTestId("no-form");
    expect(box.textContent).toContain("申請様式のシートが見つかりません");
    expect(box.textContent).toContain("10行目までのB列に「利用者名」の見出しがあるシート");
    // Choosing a sheet that is not a form: the Excel layer's reason is shown, nothing crashes.
    fireEvent.click(within(box).getByRole("combobox"));
    await p.settle();
    fireEvent.click(screen.getByRole("option", { name: "メモ" }));
    fireEvent.click(within(box).getByRole("button", { name: "このシートをチェック" }));
    await p.settle();
    expect(messages().some((m) => m.includes("シート「メモ」を申請様式として開けませんでした"))).toBe(true);
    expect(screen.getByTestId("no-form")).toBeTruthy();
  });

  it("finds the form by its header whatever the sheet is called, preferring the active sheet", async () => {
    const sheets = await sampleFormWorkbook();
    const form = sheets.find((s) => s.name === SHEET)!;
    const p = await renderPane([{ name: "提出用", values: form.values }, ...sheets.filter((s) => s !== form)]);
    expect(screen.getByText("シート「提出用」")).toBeTruthy();
    expect(count("errors")).toBe("4");
    expect(p.gateway.fill("提出用", "A16")).toBe("gap");
  });
});

describe("what the host lacks", () => {
  it("without change events: says so, offers 再チェック, and re-checks when pressed", async () => {
    const p = await renderPane(await sampleFormWorkbook(), { ...FULL_CAPABILITIES, excelApi: "1.6", changeEvents: false, selectionEvents: false });
    const limits = screen.getAllByTestId("host-limit").map((e) => e.textContent);
    expect(limits[0]).toBe("お使いのExcelは古い版のため、セルを変更してもアドインに伝わらず、自動では再チェックされません。入力のあとに「再チェック」を押してください。");
    expect(limits.join("")).not.toContain("ExcelApi");
    expect(limits[0]).toContain("「再チェック」を押してください");
    expect(p.gateway.calls.some((c) => c.method === "watch")).toBe(false);
    await act(() => p.gateway.edit(SHEET, { C14: "03-5555-1234" }));
    await p.settle();
    expect(count("complete")).toBe("10");
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(count("complete")).toBe("11");
  });

  it("再チェック says beside the button when it finished (local time), and the next one replaces that note", async () => {
    const clock = jest.spyOn(Date, "now").mockReturnValue(new Date(2025, 3, 1, 12, 31, 20).getTime());
    try {
      const p = await renderPane(await sampleFormWorkbook(), { ...FULL_CAPABILITIES, excelApi: "1.6", changeEvents: false, selectionEvents: false });
      const button = screen.getByRole("button", { name: "再チェック" });
      const note = document.getElementById(button.getAttribute("aria-describedby")!)!;
      expect([note.getAttribute("role"), note.getAttribute("aria-live"), note.textContent]).toEqual(["status", "polite", ""]);
      fireEvent.click(button);
      await p.settle();
      expect(note.textContent).toBe("12:31 にチェックしました。");
      clock.mockReturnValue(new Date(2025, 3, 1, 9, 5).getTime());
      fireEvent.click(button);
      await p.settle();
      expect(screen.getAllByTestId("recheck-note").map((n) => n.textContent)).toEqual(["9:05 にチェックしました。"]);
      // A failed 再チェック leaves no note saying it checked.
      p.gateway.failNext("readForm", Object.assign(new Error("Rich API request failed"), { code: "GeneralException" }));
      fireEvent.click(button);
      await p.settle();
      expect(note.textContent).toBe("");
    } finally {
      clock.mockRestore();
    }
  });
});

describe("Office failures are shown, never swallowed", () => {
  it("a write refused while a cell is being edited: the message says why and the value is unchanged", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    p.gateway.failNext("writeValues", Object.assign(new Error("The operation is not allowed in cell edit mode."), { code: "InvalidOperationInCellEditMode" }));
    fireEvent.click(within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ }));
    await p.settle();
    expect(messages()[0]).toBe("修正をセルに書き込めませんでした。Excelでセルを編集中のため操作できません。Enterキーで入力を確定してから、もう一度お試しください。");
    expect(p.gateway.text(SHEET, "D15")).toBe("tanaka＠example-hosp.jp");
    // The pane keeps working: the same fix goes through on the next click.
    fireEvent.click(within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ }));
    await p.settle();
    expect(p.gateway.text(SHEET, "D15")).toBe("tanaka@example-hosp.jp");
  });

  it("a failure while opening is shown with its detail, the pane stays usable, and the message can be dismissed", async () => {
    const sheets = await sampleFormWorkbook();
    const p = await renderPane(sheets, undefined, undefined, (g) => g.failNext("readForm", Object.assign(new Error("Rich API request failed"), { code: "GeneralException" })));
    // The very first read of the form failed: the pane says so in a sentence, and shows no check it did not make.
    expect(messages()).toEqual(["申請様式を開けませんでした。Excelで予期しないエラーが発生しました。"]);
    expect(document.querySelector('[data-testid="finding-groups"]')).toBeNull();
    fireEvent.click(screen.getAllByRole("button", { name: "このメッセージを閉じる" })[0]);
    await waitFor(() => expect(messages()).toEqual([]));
    // 再チェック opens the form this time.
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(count("errors")).toBe("4");
  });

  it("one current message per place: a new one replaces the place's last, and success clears the place's failure", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const editing = () => Object.assign(new Error("The operation is not allowed in cell edit mode."), { code: "InvalidOperationInCellEditMode" });
    const fixD15 = () => fireEvent.click(within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ }));
    p.gateway.failNext("writeValues", editing());
    fixD15();
    await p.settle();
    p.gateway.failNext("readForm", Object.assign(new Error("Rich API request failed"), { code: "GeneralException" }));
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(messages()).toEqual([
      "再チェックできませんでした。Excelで予期しないエラーが発生しました。",
      "修正をセルに書き込めませんでした。Excelでセルを編集中のため操作できません。Enterキーで入力を確定してから、もう一度お試しください。",
    ]);
    // A second failure of 再チェック replaces the first instead of piling up.
    p.gateway.failNext("readForm", Object.assign(new Error("denied"), { code: "AccessDenied" }));
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(messages()).toEqual([
      "再チェックできませんでした。ブックが保護されているか読み取り専用のため、変更できません。保護を解除してからお試しください。",
      "修正をセルに書き込めませんでした。Excelでセルを編集中のため操作できません。Enterキーで入力を確定してから、もう一度お試しください。",
    ]);
    // The same fix goes through: its failure is no longer the current status.
    fixD15();
    await p.settle();
    expect(messages().some((m) => m.startsWith("修正をセルに書き込めませんでした"))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(messages()).toEqual([]);
  });

  it("a failure of 再チェック names 再チェック, and the previous result stays", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    p.gateway.failNext("readForm", Object.assign(new Error("Rich API request failed"), { code: "GeneralException" }));
    fireEvent.click(screen.getByRole("button", { name: "再チェック" }));
    await p.settle();
    expect(messages()[0]).toBe("再チェックできませんでした。Excelで予期しないエラーが発生しました。");
    expect(count("errors")).toBe("4");
  });
});

describe("a 10,000-row form", () => {
  it("shows the findings one page of 50 rows at a time", async () => {
    const sheets = await sampleFormWorkbook();
    const form = sheets.find((s) => s.name === SHEET)!;
    const template = form.values[3];
    const values: Cell[][] = form.values.slice(0, 3).map((r) => [...r]);
    for (let i = 0; i < 10000; i++) {
      const row = [...template];
      row[1] = `利用者　${i}`;
      row[2] = `０３－５５５５－${String(1000 + (i % 9000)).padStart(4, "0")}`; // full-width: one warning per row
      row[3] = `user${i}@example-hosp.jp`;
      row[38] = `user${i}.2fa@example-hosp.jp`;
      values.push(row);
    }
    const p = await renderPane([{ name: SHEET, values }, ...sheets.filter((s) => s !== form)]);
    expect(count("rows")).toBe("10,000");
    expect(count("warnings")).toBe("10,000");
    expect(document.querySelectorAll("[data-testid=finding-groups] section")).toHaveLength(50);
    fireEvent.click(screen.getByRole("button", { name: "次の50行" }));
    expect(document.querySelector("[data-testid=finding-groups] section")!.getAttribute("data-row")).toBe("54");
    // An edit re-checks one row, not 10,000.
    const plans = p.gateway.highlightPlans.length;
    await act(() => p.gateway.edit(SHEET, { C60: "03-5555-2000" }));
    await p.settle();
    expect(p.gateway.highlightPlans[plans].resetRows).toEqual([60]);
    expect(count("warnings")).toBe("9,999");
  });
});

describe("several form sheets", () => {
  it("offers the other form sheets and opens the one chosen", async () => {
    const sheets = await sampleFormWorkbook();
    const form = sheets.find((s) => s.name === SHEET)!;
    // A second form: the sample's first five applicants only (rows 4-8), all complete.
    const second = { name: "追加申請", values: form.values.slice(0, 8).map((r) => [...r]) };
    const p = await renderPane([...sheets, second]);
    const select = screen.getByLabelText("申請様式のシート") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([SHEET, "追加申請"]);
    fireEvent.change(select, { target: { value: "追加申請" } });
    await p.settle();
    expect(count("rows")).toBe("5");
    expect(count("errors")).toBe("0");
    expect(screen.getByTestId("readiness").getAttribute("data-ready")).toBe("true");
    expect(p.gateway.fill("追加申請", "A8")).toBe("complete");
  });
});
