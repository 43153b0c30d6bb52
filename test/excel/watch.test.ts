import { DEFAULT_PROFILE } from "../../src/domain";
import { detectCapabilities } from "../../src/excel/capabilities";
import type { SheetChange } from "../../src/excel/gateway-types";
import { OwnWrites } from "../../src/excel/own-writes";
import { RowCache } from "../../src/excel/row-cache";
import { SheetRegistry } from "../../src/excel/sheets";
import { watchSheets, type WatchDeps } from "../../src/excel/watch";
import { formRows } from "./support/form-sheet";
import { MockExcel, requirementsUpTo } from "./support/office-mock";


function setup(version = "1.17") {
  const rows = formRows(30);
  const excel = new MockExcel([
    { id: "{form}", name: "申請様式", rows },
    { id: "{hc}", name: "保健所マスタ", rows: [["都道府県コード", "保健所コード"]] },
  ]);
  excel.install();
  const changes: SheetChange[] = [];
  const syncs: number[] = [];
  const rowCache = new RowCache();
  rowCache.reset("{form}", rows.slice(3).map((cells, i) => ({ row: 4 + i, cells: cells as never })));
  const deps: WatchDeps = {
    capabilities: detectCapabilities(requirementsUpTo(version)),
    registry: new SheetRegistry(),
    profile: DEFAULT_PROFILE,
    ownWrites: new OwnWrites(),
    rowCache,
    headerRows: new Map([["{form}", 3]]),
    onSyncs: (n) => syncs.push(n),
  };
  const errors: unknown[] = [];
  const watch = (masters: string[]) => watchSheets(deps, "申請様式", masters, (c) => changes.push(c), (e) => errors.push(e));
  const fire = (args: Record<string, unknown>) => excel.handlers.changed.forEach((h) => h({ type: "WorksheetChanged", source: "Local", changeType: "RangeEdited", ...args }));
  return { excel, rows, changes, syncs, deps, fire, watch, errors };
}

test("an edit is debounced, its row read in one sync and reported; an unchanged row is not", async () => {
  const { excel, rows, changes, syncs, fire, watch, errors } = setup();
  const w = await watch(["保健所マスタ"]);
  rows[13][2] = "03-1111-2222"; // C14
  fire({ worksheetId: "{form}", address: "C14", triggerSource: "Unknown" });
  fire({ worksheetId: "{form}", address: "C14", triggerSource: "Unknown" });
  fire({ worksheetId: "{form}", address: "D20", triggerSource: "Unknown" }); // row 20 reads back unchanged
  await w.settled();
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ kind: "rows", sheet: "申請様式" });
  const reported = (changes[0] as Extract<SheetChange, { kind: "rows" }>).rows;
  expect(reported.map((r) => r.row)).toEqual([14]);
  expect(reported[0].cells[2]).toBe("03-1111-2222");
  expect(syncs).toEqual([1]);
  expect(errors).toEqual([]);
  await w.stop();
  expect(excel.removed).toBe(excel.handlers.changed.length + excel.handlers.deleted.length + excel.handlers.nameChanged.length);
});

test("the add-in's own writes (triggerSource ThisLocalAddin) are ignored without reading anything", async () => {
  const { changes, syncs, fire, watch } = setup("1.14");
  const w = await watch([]);
  fire({ worksheetId: "{form}", address: "C14", triggerSource: "ThisLocalAddin" });
  await w.settled();
  expect(changes).toEqual([]);
  expect(syncs).toEqual([]);
});

test("before ExcelApi 1.14, the echo of a value the add-in wrote is recognised by its address", async () => {
  const { changes, syncs, deps, fire, watch } = setup("1.8");
  const w = await watch([]);
  deps.ownWrites.expect("{form}", ["C14"]);
  fire({ worksheetId: "{form}", address: "C14" });
  await w.settled();
  expect(changes).toEqual([]);
  expect(syncs).toEqual([]);
});

test("row insert/delete asks for a reload; a change in a master sheet says which master", async () => {
  const { changes, fire, watch } = setup();
  const w = await watch(["保健所マスタ"]);
  fire({ worksheetId: "{form}", address: "10:10", changeType: "RowInserted", triggerSource: "Unknown" });
  fire({ worksheetId: "{hc}", address: "B2", triggerSource: "Unknown" });
  await w.settled();
  expect(changes).toEqual([
    { kind: "master", sheet: "保健所マスタ" },
    { kind: "reload", sheet: "申請様式", reason: "structure" },
  ]);
});

test("hosts without change events (before ExcelApi 1.7) register nothing", async () => {
  const { excel, watch } = setup("1.6");
  const w = await watch([]);
  expect(excel.handlers.changed).toHaveLength(0);
  expect(excel.syncs).toBe(0);
  await w.stop();
});

test("a change that cannot be read is reported to the pane, not only to the console", async () => {
  const { excel, changes, fire, watch, errors } = setup();
  const w = await watch([]);
  excel.failNextSync = new Error("GeneralException");
  fire({ worksheetId: "{form}", address: "C14", triggerSource: "Unknown" });
  await w.settled();
  expect(changes).toEqual([]);
  expect(errors).toHaveLength(1);
  expect(String(errors[0])).toContain("GeneralException");
});
