/**
 * The pane's journeys on the real sample form (samples/application-form.xlsx): the controller, the components
 * and the domain run for real; only the Excel boundary is the in-memory FakeGateway.
 */
import "./support/jsdom-gaps";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { sampleFormWorkbook } from "./support/sample-workbook";
import { renderPane } from "./support/render-pane";
import { until } from "./support/queries";

const SHEET = "申請様式";

function count(key: string): string {
  return document.querySelector(`[data-count="${key}"] dd`)!.textContent!;
}

function group(row: number): HTMLElement | null {
  return document.querySelector(`[data-testid="finding-groups"] [data-row="${row}"]`);
}

describe("opening the sample form", () => {
  it("shows the planted problems in the summary and the findings list", async () => {
    const { gateway } = await renderPane(await sampleFormWorkbook());
    expect(screen.getByText(`シート「${SHEET}」`)).toBeTruthy();
    expect([count("complete"), count("incomplete"), count("gap"), count("errors"), count("warnings")]).toEqual(["10", "3", "1", "4", "1"]);
    expect(screen.getByTestId("readiness").getAttribute("data-ready")).toBe("false");
    expect(screen.getByTestId("readiness").textContent).toContain("エラー 4件");
    // Grouped by row with the cell of each finding; errors lead (rows with an error first, each in sheet order).
    const rows = [...document.querySelectorAll("[data-testid=finding-groups] section")].map((s) => s.getAttribute("data-row"));
    // Errors lead; row 12 is a 16 (定点) row: an ordinary account, no finding
    expect(rows).toEqual(["14", "15", "16", "17", "13"]);
    expect(group(14)!.querySelector("[data-cell=C14]")!.getAttribute("data-finding")).toBe("required.missing");
    expect(group(15)!.querySelector("[data-cell=D15]")!.getAttribute("data-finding")).toBe("email.fullwidth");
    expect(group(17)!.querySelector("[data-cell=K17]")!.getAttribute("data-finding")).toBe("healthCenter.unknown-ask");
    expect(within(group(16)!).getByTestId("row-status").textContent).toBe("空行");
    // The three master sheets of the workbook were loaded.
    expect(document.querySelector('[data-master="healthCenter"]')!.textContent).toContain("469件");
    expect(document.querySelector('[data-master="zensu"]')!.textContent).toContain("3,000件");
    // The sheet is coloured by meaning: complete rows blue A, incomplete rows orange A, the gap row red A, error cells yellow.
    expect(gateway.fill(SHEET, "A4")).toBe("complete");
    expect(gateway.fill(SHEET, "A16")).toBe("gap");
    expect(["C14", "D15", "K17"].map((a) => gateway.fill(SHEET, a))).toEqual(["problem", "problem", "problem"]);
    expect(["A14", "A15", "A17"].map((a) => gateway.fill(SHEET, a))).toEqual(["incomplete", "incomplete", "incomplete"]);
  });

  it("filters by severity", async () => {
    await renderPane(await sampleFormWorkbook());
    fireEvent.click(screen.getByLabelText("警告（1）"));
    const rows = [...document.querySelectorAll("[data-testid=finding-groups] section")].map((s) => s.getAttribute("data-row"));
    expect(rows).toEqual(["13"]);
    fireEvent.click(screen.getByLabelText("エラー（4）"));
    expect([...document.querySelectorAll("[data-testid=finding-groups] li")].map((li) => li.getAttribute("data-cell"))).toEqual(["C14", "D15", "A16", "K17"]);
  });
});

describe("from the pane to the sheet", () => {
  it("clicking a finding selects its cell in the sheet", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    fireEvent.click(screen.getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ }));
    await settle();
    expect(gateway.selected).toBe("K17");
    // The echo of our own selection does not switch away from the list.
    expect(screen.getByRole("tab", { name: "指摘一覧" }).getAttribute("aria-selected")).toBe("true");
  });

  it("a one-click fix writes the suggested value, and the row turns complete", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    expect(gateway.text(SHEET, "D15")).not.toBe("tanaka@example-hosp.jp");
    fireEvent.click(within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ }));
    await settle();
    expect(gateway.text(SHEET, "D15")).toBe("tanaka@example-hosp.jp");
    expect(group(15)).toBeNull();
    expect([count("complete"), count("incomplete"), count("errors")]).toEqual(["11", "2", "3"]);
    expect(gateway.fill(SHEET, "A15")).toBe("complete");
    expect(gateway.fill(SHEET, "D15")).toBeUndefined();
    expect(screen.getByTestId("fix-note").textContent).toContain("D15");
    // The pressed button is gone with its finding: focus goes to 元に戻す beside the confirmation, not to the page.
    await until(() => expect(document.activeElement).toBe(screen.getByTestId("undo-fix")), settle);
    fireEvent.click(screen.getByTestId("undo-fix"));
    await settle();
    expect(gateway.text(SHEET, "D15")).not.toBe("tanaka@example-hosp.jp");
    expect(group(15)).not.toBeNull();
  });

  it("never writes a fix whose cell changed in the meantime", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const button = within(group(15)!).getByRole("button", { name: /^修正：.*（D15、/ });
    // The user retypes D15 in Excel; the change event has not reached the pane yet when the fix is clicked.
    const sheet = gateway.sheets.get(SHEET)!;
    sheet[14][3] = "suzuki@example-hosp.jp";
    fireEvent.click(button);
    await settle();
    expect(gateway.text(SHEET, "D15")).toBe("suzuki@example-hosp.jp");
    expect(gateway.calls.some((c) => c.method === "writeValues")).toBe(false);
    expect(screen.getByText(/D15 はすでに変更されています/)).toBeTruthy();
  });

  it("ハイライトを消す restores the template look and leaves every value as it was", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const before = JSON.stringify(gateway.sheets.get(SHEET));
    fireEvent.click(screen.getByRole("button", { name: "ハイライトを消す" }));
    await settle();
    expect(gateway.fills.get(SHEET)!.size).toBe(0);
    expect(JSON.stringify(gateway.sheets.get(SHEET))).toBe(before);
    // Further edits do not colour the sheet again until the user asks.
    await act(() => gateway.edit(SHEET, { C14: "03-5555-1234" }));
    await settle();
    expect(gateway.fills.get(SHEET)!.size).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "ハイライトを表示" }));
    await settle();
    expect(gateway.fill(SHEET, "A14")).toBe("complete");
  });
});

describe("from the sheet to the pane", () => {
  it("an edit in the sheet re-checks only the changed rows and updates the pane", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const version = Number(screen.getByTestId("summary").getAttribute("data-check-version"));
    const plans = gateway.highlightPlans.length;
    await act(() => gateway.edit(SHEET, { C14: "03-5555-1234" }));
    await settle();
    expect(Number(screen.getByTestId("summary").getAttribute("data-check-version"))).toBeGreaterThan(version);
    expect(group(14)).toBeNull();
    expect(count("complete")).toBe("11");
    const plan = gateway.highlightPlans[plans];
    expect(plan.resetRows).toEqual([14]);
    expect(plan.completeRows).toEqual([14]);
    expect(gateway.fill(SHEET, "C14")).toBeUndefined();
  });

  it("filling the gap row changes that row and the rows that depended on it", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    await act(() => gateway.edit(SHEET, { B16: "山田　花子" }));
    await settle();
    expect(within(group(16)!).getByTestId("row-status").textContent).toBe("未完了");
    expect(gateway.fill(SHEET, "A16")).toBe("incomplete");
    expect(gateway.fill(SHEET, "C16")).toBe("problem");
  });

  it("selecting a cell in Excel shows that row's findings", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    act(() => gateway.userSelects(SHEET, "E17"));
    await settle();
    expect(screen.getByRole("tab", { name: "選択した行" }).getAttribute("aria-selected")).toBe("true");
    const detail = screen.getByTestId("row-detail");
    expect(detail.getAttribute("data-row")).toBe("17");
    expect(detail.querySelector("[data-cell=K17]")!.getAttribute("data-finding")).toBe("healthCenter.unknown-ask");
  });

  it("the row number in the list opens the row (hosts without selection events rely on it)", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "17行目の詳細を開く" }));
    await settle();
    expect(screen.getByRole("tab", { name: "選択した行" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("row-detail").getAttribute("data-row")).toBe("17");
    expect(gateway.selected).toBe("K17");
  });

  it("shows what to collect from the institution when AJ is blank (row 13, 動物)", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    act(() => gateway.userSelects(SHEET, "AJ13"));
    await settle();
    const guidance = screen.getByTestId("collect-guidance");
    expect(guidance.textContent).toContain("動物診療施設名称（カナ含む）");
    expect(guidance.textContent).toContain("郵便番号・住所");
  });
});
