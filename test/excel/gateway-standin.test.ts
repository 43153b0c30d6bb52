/**
 * createExcelGateway against the strict stand-in host (test/support/stand-in) in Node: the sample workbook converted
 * from samples/application-form.xlsx, real change events after writes, the 5 MB payload limit of Excel on the
 * web enforced, and each ExcelApi version's missing members throwing ApiNotFound as Office.js does.
 */
import { DEFAULT_PROFILE } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import type { ExcelGateway, SheetChange } from "../../src/excel/gateway-types";
import { generateForm } from "../support/stand-in/model/generate-form";
import type { WorkbookJson } from "../support/stand-in/model/workbook-json";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { xlsxToWorkbookJson } from "../support/stand-in/xlsx-to-model";
import { eventSource, settled } from "../support/settle";

let sample: WorkbookJson;
beforeAll(async () => {
  sample = await xlsxToWorkbookJson();
});


function host(json: WorkbookJson, excelApi = "1.17") {
  const model = new WorkbookModel(JSON.parse(JSON.stringify(json)), { excelApi });
  const g = globalThis as Record<string, unknown>;
  installStandIn(g, model);
  const ops: { op: string; syncs: number }[] = [];
  const gateway = createExcelGateway({ onSyncs: (op, syncs) => ops.push({ op, syncs }) });
  const form = model.sheetByName("申請様式")!;
  return { model, gateway, ops, form };
}

/**
 * Watches the form; `settled()` returns once the host has delivered every event so far and the gateway has read and
 * reported every change it saw (the observable "nothing more is coming", instead of a sleep).
 */
async function collect(gateway: ExcelGateway, model: WorkbookModel, masters: string[] = []) {
  const changes: SheetChange[] = [];
  const errors: unknown[] = [];
  const watch = await gateway.watch("申請様式", masters, (c) => changes.push(c), (e) => errors.push(e));
  // Reading a change may itself make the host emit (echoes of fills on some hosts): until both are quiet.
  const sources = [eventSource(model), { idle: () => watch.settled(), busy: () => false }];
  const settle = async () => {
    await settled(sources);
    expect(errors).toEqual([]);
  };
  return { changes, settled: settle };
}

test("the sample: sheets recognised, the form read in two syncs, the masters by value", async () => {
  const { gateway, ops } = host(sample);
  expect(await gateway.listSheets()).toEqual([
    { name: "申請様式", formHeaderRow: 3 },
    { name: "保健所マスタ", masterKind: "healthCenter" },
    { name: "医療機関マスタ（全数）", masterKind: "zensu" },
    { name: "医療機関マスタ（定点）", masterKind: "teiten" },
  ]);
  const snapshot = await gateway.readForm("申請様式");
  expect(snapshot.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  expect(snapshot.rows[10].cells[2]).toBeNull(); // C14: the planted missing phone
  expect(snapshot.rows[11].cells[3]).toBe("tanaka＠example-hosp.jp");
  expect(snapshot.syncs).toBe(2);
  const master = await gateway.readSheetValues("保健所マスタ");
  expect(master).toHaveLength(470);
  expect(master[1][1]).toBe("01000");
  expect(ops.map((o) => o.op)).toEqual(["listSheets", "readForm", "readSheetValues"]);
});

test("a 10,000-row form in the stand-in (5 MB limit enforced): read without a payload error in a few syncs", async () => {
  const { gateway, model } = host(generateForm(sample, { rows: 10000 }));
  const snapshot = await gateway.readForm("申請様式");
  expect(snapshot.rows).toHaveLength(10000);
  expect(snapshot.syncs).toBeLessThanOrEqual(5);
  expect(model.syncLog.every((s) => !s.error && s.responseBytes < 5 * 1024 * 1024)).toBe(true);
});

test("a 180,000 × 8 master in the stand-in loads without a payload error", async () => {
  const values: (string | number)[][] = [["医療機関コード", "医療機関名称", "医療機関名称カナ", "郵便番号", "住所", "電話番号", "保健所コード", "許可病床数"]];
  for (let i = 0; i < 180000; i++) values.push([String(1000000000 + i), `中央病院${i}`, `チュウオウビョウイン${i}`, "100-0001", `東京都中央町${i}`, "03-3000-2000", "13125", i % 500]);
  const { gateway, model } = host({ sheets: [...sample.sheets, { name: "医療機関マスタ（大）", values }] });
  const read = await gateway.readSheetValues("医療機関マスタ（大）");
  expect(read).toHaveLength(180001);
  expect(read[180000]).toEqual(["1000179999", "中央病院179999", "チュウオウビョウイン179999", "100-0001", "東京都中央町179999", "03-3000-2000", "13125", 179999 % 500]);
  expect(model.syncLog.filter((s) => s.error)).toEqual([]);
});

test("a chunk that passes the limit anyway is read again in smaller pieces", async () => {
  const { gateway, model } = host(sample);
  model.options.payloadLimit = 60000; // far below what the first estimate expects
  const read = await gateway.readSheetValues("医療機関マスタ（全数）");
  expect(read).toHaveLength(3001);
  expect(model.syncLog.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
});

test("one edit costs one sync to read and one to recolour; the recolouring does not come back as a change", async () => {
  const { gateway, model, ops, form } = host(sample);
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  model.writeValues(form.id, { row: 13, column: 2, rowCount: 1, columnCount: 1 }, [["03-1111-2222"]], "user");
  await settled();
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ kind: "rows", sheet: "申請様式" });
  await gateway.applyHighlights("申請様式", { completeRows: [14], incompleteRows: [], gapRows: [], resetRows: [14], problemCells: [] });
  await settled();
  expect(changes).toHaveLength(1);
  const costs = ops.filter((o) => o.op === "change" || o.op === "applyHighlights").map((o) => o.syncs);
  expect(costs).toEqual([1, 1]);
  expect(form.cell(13, 0).fill).toBe("#9BC2E6");
  expect(form.cell(13, 5).fill).toBe("#D9D9D9"); // F14 stays grey
});

test("a paste of 1,000 rows is one change with 1,000 rows, read in one sync", async () => {
  const { gateway, model, ops, form } = host(sample);
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  const rows = Array.from({ length: 1000 }, (_, i) => [`鈴木　花子${i}`, "03-5555-0000", `p${i}@example-hosp.jp`]);
  model.writeValues(form.id, { row: 19, column: 1, rowCount: 1000, columnCount: 3 }, rows, "user");
  await settled();
  expect(changes).toHaveLength(1);
  const change = changes[0] as Extract<SheetChange, { kind: "rows" }>;
  expect(change.rows).toHaveLength(1000);
  expect(change.rows[999]).toMatchObject({ row: 1019 });
  expect(change.rows[999].cells[1]).toBe("鈴木　花子999");
  expect(ops.filter((o) => o.op === "change")).toEqual([{ op: "change", syncs: 1 }]);
});

test("row insert → reload; rename → the new name, and the gateway still finds the sheet by its id", async () => {
  const { gateway, model, form } = host(sample);
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  model.insertRows(form.id, 9, 1, "user");
  await settled();
  expect(changes).toEqual([{ kind: "reload", sheet: "申請様式", reason: "structure" }]);
  model.rename(form.id, "申請様式（4月）", "user");
  await model.eventsDelivered();
  expect(changes[1]).toEqual({ kind: "reload", sheet: "申請様式（4月）", reason: "renamed" });
  // The pane may still use the old name until it reloads.
  const rows = await gateway.readRows("申請様式", [4]);
  expect(rows[0].cells[1]).toBe("佐藤　太郎");
});

test("on Office 2019 (ExcelApi 1.8): no getRanges, no triggerSource; a fix's echo is not reported", async () => {
  const { gateway, model, form } = host(sample, "1.8");
  expect(gateway.capabilities()).toMatchObject({ excelApi: "1.8", changeEvents: true, multiAreaRanges: false, triggerSource: false });
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  // The stand-in throws ApiNotFound for getRanges on 1.8: highlights must use single ranges.
  await gateway.applyHighlights("申請様式", { completeRows: [4, 5], incompleteRows: [], gapRows: [16], resetRows: [4, 5, 14], problemCells: ["C14"] });
  expect(form.cell(13, 2).fill).toBe("#FFC7CE");
  await gateway.writeValues("申請様式", [{ address: "C14", value: "0312345678" }]);
  await settled();
  expect(form.cell(13, 2)).toMatchObject({ value: "0312345678", numberFormat: "@" });
  expect(changes).toEqual([]);
  const events = model.eventLog.map((e) => e.event).filter((e) => e.type === "changed");
  expect(events).toHaveLength(1); // the write did fire onChanged; the gateway recognised it as its own
});

test("before ExcelApi 1.7 there are no events: watch and selection do nothing and the rest works", async () => {
  const { gateway } = host(sample, "1.6");
  expect(gateway.capabilities()).toMatchObject({ changeEvents: false, selectionEvents: false });
  const watch = await gateway.watch("申請様式", [], () => undefined, () => undefined);
  await watch.settled();
  await watch.stop();
  const off = await gateway.onSelection("申請様式", () => undefined);
  await off();
  expect((await gateway.readForm("申請様式")).rows).toHaveLength(14);
});

test("selection both ways; ハイライトを消す restores the template's look", async () => {
  const { gateway, model, form } = host(sample);
  const seen: { row: number; column: string }[] = [];
  await gateway.onSelection("申請様式", (a) => seen.push(a));
  await gateway.selectCell("申請様式", "D15");
  model.select(form.id, { row: 16, column: 10, rowCount: 2, columnCount: 1 }, "user");
  await model.eventsDelivered();
  expect(seen).toEqual([{ row: 15, column: "D" }, { row: 17, column: "K" }]);
  await gateway.applyHighlights("申請様式", { completeRows: [4], incompleteRows: [], gapRows: [16], resetRows: [], problemCells: ["C14", "K17"] });
  await gateway.clearHighlights("申請様式", 4, 103);
  for (const [r, c] of [[3, 0], [15, 0], [13, 2], [16, 10]]) expect(form.cell(r, c).fill).toBeNull();
  expect(form.cell(3, 5).fill).toBe("#D9D9D9");
  expect(await gateway.activeSheetName()).toBe("申請様式");
});

test("a sheet that is gone or not a form gives a Japanese message naming it", async () => {
  const { gateway } = host(sample);
  await expect(gateway.readForm("ない")).rejects.toThrow("シート「ない」が見つかりません");
  await expect(gateway.readForm("保健所マスタ")).rejects.toThrow("シート「保健所マスタ」は申請様式ではありません");
  expect(DEFAULT_PROFILE.sheet.headerMarker.label).toBe("利用者名");
});

test("the data area ends at the last row with data (not at the template's numbering in A) from ExcelApi 1.4", async () => {
  for (const [api, total] of [["1.4", 14], ["1.3", 100]] as const) {
    const { gateway } = host(sample, api);
    const totals: number[] = [];
    const snapshot = await gateway.readForm("申請様式", (p) => totals.push(p.total));
    expect(totals[0]).toBe(total);
    expect(snapshot.rows.map((r) => r.row).slice(-1)).toEqual([17]);
  }
});

test("without onNameChanged (before 1.17) a rename is noticed with the next change on the sheet", async () => {
  const { gateway, model, form } = host(sample, "1.8");
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  model.rename(form.id, "申請様式2", "user");
  model.writeValues(form.id, { row: 13, column: 2, rowCount: 1, columnCount: 1 }, [["03-1111-2222"]], "user");
  await settled();
  expect(changes).toEqual([{ kind: "reload", sheet: "申請様式2", reason: "renamed" }]);
  expect((await gateway.readForm("申請様式2")).rows[10].cells[2]).toBe("03-1111-2222");
});

test("a host that reports fill changes as data changes (no triggerSource) still does not loop", async () => {
  const { gateway, model, ops, form } = host(sample, "1.8");
  model.options.fillsFireChanged = true;
  await gateway.readForm("申請様式");
  const { changes, settled } = await collect(gateway, model);
  await gateway.applyHighlights("申請様式", { completeRows: [4, 5, 6], incompleteRows: [], gapRows: [16], resetRows: [4, 5, 6, 14], problemCells: ["C14"] });
  await settled();
  // The echoes are read back (one sync), found unchanged and not reported: nothing for the pane to re-check.
  expect(changes).toEqual([]);
  expect(ops.filter((o) => o.op === "change").length).toBeLessThanOrEqual(1);
  const syncsBefore = model.syncLog.length;
  await settled();
  expect(model.syncLog.length).toBe(syncsBefore);
  expect(form.cell(13, 2).fill).toBe("#FFC7CE");
});

test("addValuesSheet: a taken name is never replaced, codes stay text, numbers stay numbers", async () => {
  const { gateway, model, ops } = host(sample);
  const values = [
    ["保健所コード", "中核市コード", "病床数"],
    ["01000", "012005", 20],
    ["25654", "253658", 0],
  ];
  const name = await gateway.addValuesSheet("保健所マスタ", values);
  expect(name).toBe("保健所マスタ(2)");
  // cell(row, column) counts from 0.
  expect(model.sheetByName("保健所マスタ")!.cell(1, 1)).toMatchObject({ value: "01000" }); // the old sheet is untouched
  const added = model.sheetByName(name)!;
  expect(added.cell(1, 0)).toMatchObject({ value: "01000", numberFormat: "@" });
  expect(added.cell(2, 1)).toMatchObject({ value: "253658", numberFormat: "@" });
  expect(added.cell(1, 2)).toMatchObject({ value: 20 });
  expect(ops.at(-1)!.op).toBe("addValuesSheet");
});

test("addValuesSheet: a 180,000 × 8 master is written without a payload error, in pieces", async () => {
  const { gateway, model, ops } = host(sample);
  const values: (string | number)[][] = [["医療機関コード", "医療機関名称", "カナ", "郵便番号", "住所", "電話番号", "保健所コード", "許可病床数"]];
  for (let i = 0; i < 180000; i++) {
    values.push([String(1000000000 + i), `病院${i}`, `ビョウイン${i}`, "100-0001", "東京都千代田区1-1", "03-3000-1000", "13101", i % 500]);
  }
  const progress: number[] = [];
  const name = await gateway.addValuesSheet("医療機関マスタ（全数）", values, (p) => progress.push(p.done));
  expect(name).toBe("医療機関マスタ（全数）(2)");
  const added = model.sheetByName(name)!;
  expect(added.cell(180000, 0)).toMatchObject({ value: "1000179999", numberFormat: "@" });
  expect(model.syncLog.filter((s) => s.error)).toEqual([]);
  expect(progress.at(-1)).toBe(180001);
  const syncs = ops.at(-1)!.syncs;
  expect(syncs).toBeGreaterThan(30);
  expect(syncs).toBeLessThan(60);
});
