import { OwnWrites } from "../../src/excel/own-writes";
import { selectCell } from "../../src/excel/selection";
import { SheetRegistry } from "../../src/excel/sheets";
import { SyncCounter } from "../../src/excel/sync-counter";
import { writeValues } from "../../src/excel/write-values";
import { formRows } from "./support/form-sheet";
import { MockExcel } from "./support/office-mock";

test("a fix writes the text format first, then the value, for every edit in one sync", async () => {
  const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(20) }]);
  const counter = new SyncCounter();
  const own = new OwnWrites();
  const registry = new SheetRegistry();
  registry.remember("{1}", "申請様式");
  await writeValues(excel.context as unknown as Excel.RequestContext, registry, "申請様式", [{ address: "C14", value: "0312345678" }, { address: "E15", value: "09" }], counter, own);
  expect(counter.count).toBe(1);
  const written = excel.ranges.map((r) => ({ address: r.address, numberFormat: r.mock.numberFormat, values: r.mock.values }));
  expect(written).toEqual([
    { address: "C14", numberFormat: [["@"]], values: [["0312345678"]] },
    { address: "E15", numberFormat: [["@"]], values: [["09"]] },
  ]);
  // The echoes of these writes (hosts without triggerSource) are recognised once each.
  expect(own.consume("{1}", "C14")).toBe(true);
  expect(own.consume("{1}", "C14")).toBe(false);
  expect(own.consume("{1}", "$E$15")).toBe(true);
});

test("an address that is not one cell is refused before anything is written", async () => {
  const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(5) }]);
  await expect(
    writeValues(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", [{ address: "C14:C15", value: "x" }], new SyncCounter(), undefined),
  ).rejects.toThrow("セル番地「C14:C15」を読み取れません");
  expect(excel.syncs).toBe(0);
});

test("selecting a finding's cell activates its sheet and selects the cell in one sync", async () => {
  const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(5) }]);
  const counter = new SyncCounter();
  await selectCell(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", "D15", counter);
  expect(counter.count).toBe(1);
  expect(excel.activated).toEqual(["申請様式"]);
  expect(excel.selected).toEqual(["申請様式!D15"]);
});
