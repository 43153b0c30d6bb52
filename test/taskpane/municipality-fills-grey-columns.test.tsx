import "./support/jsdom-gaps";
// The pane's form check as the institution sees it under a profile where the municipality fills items 4–7 (a blank
// E/I/K/AG is info, the row complete), and a grey-column value offered the "clear" fix.
import { act, fireEvent } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadProfileJson, messageOf } from "../../src/domain";
import { count, group, SHEET } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { FULL_CAPABILITIES } from "./support/fake-gateway";
import { sampleFormWorkbook } from "./support/sample-workbook";

function exampleProfile() {
  const loaded = loadProfileJson(readFileSync(path.join(__dirname, "..", "..", "profiles", "municipality-fills-4-7.json"), "utf8"));
  if (!loaded.ok) throw new Error(loaded.problems.map(messageOf).join());
  return loaded.profile;
}

describe("pane form check: items the municipality fills, and values in grey columns", () => {
  it("with the municipality filling items 4–7, blank E/I/K/AG show as info 自治体が記入します and the row stays complete", async () => {
    const p = await renderPane(await sampleFormWorkbook(), FULL_CAPABILITIES, exampleProfile());
    await act(() => p.gateway.edit(SHEET, { E5: null, I5: null, K5: null, AG5: null }));
    await p.settle();
    const items = [...group(5)!.querySelectorAll("[data-finding]")];
    expect(items.map((i) => `${i.getAttribute("data-cell")} ${i.getAttribute("data-severity")} ${i.getAttribute("data-finding")}`)).toEqual([
      "E5 info required.municipality-fills",
      "I5 info required.municipality-fills",
      "K5 info required.municipality-fills",
      "AG5 info required.municipality-fills",
    ]);
    expect(items[0].textContent).toContain("所属機関分類コードは自治体が記入します");
    expect(p.controller.store.get().check!.result.rows.find((r) => r.row === 5)!.status).toBe("complete");
    // the sample's own four errors are unchanged
    expect(count("errors")).toBe("4");
  });

  it("a grey-column value is a warning whose fix clears the cell", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    await act(() => p.gateway.edit(SHEET, { F6: "備考" }));
    await p.settle();
    const item = group(6)!.querySelector('[data-finding="grey.has-value"]') as HTMLElement;
    expect(item.getAttribute("data-severity")).toBe("warning");
    const fix = item.querySelector("[data-fix]") as HTMLElement;
    expect(fix.textContent).toBe("修正：（空欄にする）");
    expect(fix.getAttribute("aria-label")).toContain("入力不要の列を空欄にする");
    fireEvent.click(fix);
    await p.settle();
    expect(p.gateway.cell(SHEET, "F6")).toBeNull();
    expect(group(6)).toBeNull();
  });
});
