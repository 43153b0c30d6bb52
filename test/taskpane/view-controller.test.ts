import "./support/jsdom-gaps";
// ViewController on its own: what the user looks at — the tab, the filter and page of the findings, the row shown,
// the cell selected from the pane (and its echo from Excel) or by the user in Excel, dismissed messages. On the sample
// form over the fake Excel boundary, whose selectCell echoes a selection event as Excel does.
import { findingAt, messagesOf, openedParts, paneParts, SHEET, type PaneParts } from "./support/pane-parts";
import { sampleFormWorkbook } from "./support/sample-workbook";

const opened = async (): Promise<PaneParts> => openedParts(await sampleFormWorkbook());
const view = (p: PaneParts) => p.session.state.view;

describe("ViewController: filters and paging", () => {
  it("a new severity filter starts at the first page; the page and the tab are set as asked", async () => {
    const p = await opened();
    p.view.setPage(2);
    p.view.setView("masters");
    expect([p.session.state.page, view(p)]).toEqual([2, "masters"]);
    p.view.setSeverity("warning");
    expect([p.session.state.severity, p.session.state.page]).toEqual(["warning", 0]);
  });
});

describe("ViewController: the row shown", () => {
  it("showRow shows the row's outcome and findings", async () => {
    const p = await opened();
    p.view.showRow(17);
    const detail = p.session.state.rowDetail!;
    expect([p.session.state.selectedRow, detail.row]).toEqual([17, 17]);
    expect(detail.findings.map((f) => `${f.place.column}${f.place.row}`)).toContain("K17");
    expect(detail.healthCenterCode).toBe("99999");
  });

  it("before a form is open, a row can be chosen but there is nothing to show of it", async () => {
    const p = paneParts(await sampleFormWorkbook());
    p.view.showRow(17);
    expect([p.session.state.selectedRow, p.session.state.rowDetail]).toEqual([17, undefined]);
  });
});

describe("ViewController: selecting cells", () => {
  it("a finding clicked in the pane: its cell is selected in Excel and its row shown; the echo does not switch tabs", async () => {
    const p = await opened();
    await p.view.select(findingAt(p, "K17"));
    expect(p.gateway.selected).toBe("K17");
    expect(p.session.state.rowDetail!.row).toBe(17);
    expect(view(p)).toBe("findings");
  });

  it("a row without a column selects its name cell (B)", async () => {
    const p = await opened();
    await p.view.select({ row: 14 });
    expect(p.gateway.selected).toBe("B14");
  });

  it("the user selecting a data cell in Excel shows its row in the row view; a header cell only shows the row", async () => {
    const p = await opened();
    p.gateway.userSelects(SHEET, "E17");
    expect([view(p), p.session.state.rowDetail!.row]).toEqual(["row", 17]);
    p.view.setView("findings");
    p.gateway.userSelects(SHEET, "B2");
    expect([view(p), p.session.state.selectedRow]).toEqual(["findings", 2]);
  });

  it("a row link opens the row view with the focus on it, once", async () => {
    const p = await opened();
    await p.view.openRow(15, "D");
    expect([p.gateway.selected, view(p), p.session.state.focusRowDetail]).toEqual(["D15", "row", true]);
    p.view.rowDetailFocused();
    expect(p.session.state.focusRowDetail).toBeUndefined();
  });

  it("a cell that cannot be selected: the sentence names it, with why; the row is shown all the same", async () => {
    const p = await opened();
    p.gateway.failNext("selectCell", { code: "InvalidOperationInCellEditMode", message: "" });
    await p.view.select(findingAt(p, "K17"));
    const [[place, intent, text]] = messagesOf(p);
    expect([place, intent]).toEqual(["form", "error"]);
    expect(text).toMatch(/^セル K17 を選択できませんでした。/);
    expect(p.session.state.rowDetail!.row).toBe(17);
  });
});

describe("ViewController: dismissing", () => {
  it("a message and a fix's confirmation go when dismissed; other messages stay", async () => {
    const p = await opened();
    p.session.say("masters", "warning", "マスタの警告");
    p.session.say("form", "error", "フォームのエラー");
    p.session.note({ intent: "success", text: "修正しました。", undo: true });
    p.view.dismissMessage(p.session.state.messages.find((m) => m.place === "form")!.id);
    expect(messagesOf(p)).toEqual([["masters", "warning", "マスタの警告"]]);
    p.view.dismissFixNote();
    expect(p.session.state.fixNote).toBeUndefined();
  });
});
