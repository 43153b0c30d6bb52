import "./support/jsdom-gaps";
// HighlightController on its own: ハイライトを消す and ハイライトを表示 on the sample form over the fake Excel boundary,
// which records the fills by meaning. Values are never touched.
import { HighlightController } from "../../src/taskpane/state/highlight-controller";
import { messagesOf, openedParts, SHEET, type PaneParts } from "./support/pane-parts";
import { sampleFormWorkbook } from "./support/sample-workbook";

async function opened(): Promise<PaneParts & { highlights: HighlightController }> {
  const p = await openedParts(await sampleFormWorkbook());
  return Object.assign(p, { highlights: new HighlightController(p.session, p.checked) });
}

describe("HighlightController", () => {
  it("ハイライトを消す takes every colour off and leaves the values; ハイライトを表示 colours the sheet again", async () => {
    const p = await opened();
    const values = JSON.stringify(p.gateway.sheets.get(SHEET));
    expect(p.gateway.fill(SHEET, "K17")).toBe("problem");
    await p.highlights.clear();
    expect(p.gateway.fills.get(SHEET)!.size).toBe(0);
    expect(JSON.stringify(p.gateway.sheets.get(SHEET))).toBe(values);
    expect(p.session.state.highlights).toBe(false);
    expect(messagesOf(p)).toEqual([["highlights", "success", "ハイライトを消しました。入力値は変更していません。"]]);

    await p.highlights.show();
    expect(p.session.state.highlights).toBe(true);
    expect([p.gateway.fill(SHEET, "A4"), p.gateway.fill(SHEET, "A16"), p.gateway.fill(SHEET, "K17")]).toEqual(["complete", "gap", "problem"]);
  });

  it("clears down to the last row ever coloured, also when the form has since become shorter", async () => {
    const p = await opened();
    p.gateway.sheets.get(SHEET)![16] = []; // row 17 emptied, then 再チェック
    await p.form.recheck();
    expect(p.checked.checker!.lastRow).toBeLessThan(17);
    await p.highlights.clear();
    const [, , last] = p.gateway.calls.filter((c) => c.method === "clearHighlights")[0].args as [string, number, number];
    expect(last).toBe(17);
  });

  it("a failure to clear: the sentence and why at highlights, and the pane still colours", async () => {
    const p = await opened();
    p.gateway.failNext("clearHighlights", { code: "GeneralException", message: "" });
    await p.highlights.clear();
    expect(p.session.state.highlights).toBe(true);
    const [[place, intent, text]] = messagesOf(p);
    expect([place, intent]).toEqual(["highlights", "error"]);
    expect(text).toMatch(/^ハイライトを消せませんでした。/);
  });
});
