import "./support/jsdom-gaps";
// What the institution sees in the pane when its sheet's columns were moved: the notices beside the check (which items
// were found where; a required item with no column as one error bar) and the findings list naming the sheet's own cells.
import { screen } from "@testing-library/react";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

const SHEET = "申請様式";

async function withForm(edit: (rows: unknown[][]) => unknown[][]) {
  const workbook = await sampleFormWorkbook();
  return workbook.map((s) => (s.name === SHEET ? { ...s, values: edit(s.values) as typeof s.values } : s));
}

const bars = () => screen.queryAllByTestId("check-notice").map((n) => [n.getAttribute("data-intent"), n.textContent ?? ""] as const);
const cells = () => [...document.querySelectorAll("[data-finding]")].map((f) => f.getAttribute("data-cell"));

describe("the form tab on a sheet with moved columns", () => {
  it("the untouched form: no columns notice", async () => {
    await renderPane(await sampleFormWorkbook());
    expect(bars()).toEqual([]);
    expect(cells()).toEqual(expect.arrayContaining(["C14", "D15", "K17"]));
  });

  it("E deleted: one error bar naming 所属機関分類コード, the moved items said once, findings in the sheet's columns", async () => {
    await renderPane(await withForm((rows) => rows.map((r) => [...r.slice(0, 4), ...r.slice(5)])));
    const shown = bars();
    const missing = shown.filter(([, text]) => text.includes("所属機関分類コード」（項目4）の列が見つかりません"));
    expect(missing).toHaveLength(1);
    expect(missing[0][0]).toBe("error");
    const mapped = shown.filter(([, text]) => text.includes("見出しで項目の列を見つけてチェックしています"));
    expect(mapped).toHaveLength(1);
    expect(mapped[0][0]).toBe("info");
    expect(mapped[0][1]).toContain("中核市コード→H列");
    // K17's unknown 保健所 is now in J17; no finding in a column the sheet does not have.
    expect(cells()).toContain("J17");
    expect(cells().every((c) => /^[A-Z]{1,2}\d+$/.test(c ?? ""))).toBe(true);
  });
});
