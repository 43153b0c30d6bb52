import { DEFAULT_PROFILE } from "../../src/domain";
import { PAYLOAD_LIMIT } from "../../src/excel/payload";
import { NotAFormError, readForm, readRows } from "../../src/excel/read-form";
import { readSheetValues } from "../../src/excel/read-sheet";
import { SheetRegistry } from "../../src/excel/sheets";
import { SyncCounter } from "../../src/excel/sync-counter";
import { formRows } from "./support/form-sheet";
import { MockExcel, type MockCell } from "./support/office-mock";

const profile = DEFAULT_PROFILE;

function form(rows: MockCell[][]) {
  return new MockExcel([{ id: "{1}", name: "申請様式", rows }]);
}

describe("readForm", () => {
  test("a small form: header found, data rows converted, two syncs (used range + top rows, then the data)", async () => {
    const rows = formRows(20);
    rows[3 + 5][2] = null; // C9 empty
    rows[3 + 6][2] = 312345678; // C10 a number: stays a number
    rows[3 + 7][10] = { error: "#N/A" }; // K11 an error value
    const excel = form(rows);
    const snapshot = await readForm(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", profile);
    expect(snapshot.headerRow).toBe(3);
    expect(snapshot.rows).toHaveLength(20);
    expect(snapshot.rows[0].row).toBe(4);
    expect(snapshot.rows[0].cells[1]).toBe("佐藤　太郎0");
    expect(snapshot.rows[5].cells[2]).toBeNull();
    expect(snapshot.rows[6].cells[2]).toBe(312345678);
    expect(snapshot.rows[7].cells[10]).toEqual({ error: "#N/A" });
    expect(snapshot.headerCells[1]).toBe("利用者名");
    expect(snapshot.syncs).toBe(2);
    expect(excel.syncs).toBe(2);
  });

  test("a 10,000-row form loads in a small constant number of syncs, each under the web payload limit", async () => {
    const excel = form(formRows(10000));
    const progress: number[] = [];
    const snapshot = await readForm(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", profile, (p) => progress.push(p.done));
    expect(snapshot.rows).toHaveLength(10000);
    expect(snapshot.rows[9999]).toMatchObject({ row: 10003 });
    expect(snapshot.syncs).toBe(excel.syncs);
    expect(snapshot.syncs).toBeLessThanOrEqual(5);
    for (const bytes of excel.responseBytes) expect(bytes).toBeLessThan(PAYLOAD_LIMIT * 0.8);
    expect(progress[progress.length - 1]).toBe(10000);
  });

  test("a sheet without 利用者名 in B of the first 10 rows is not a form: a Japanese message naming the sheet", async () => {
    const excel = form([["名簿"], [null, "氏名"]]);
    await expect(readForm(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", profile)).rejects.toThrow(NotAFormError);
    await expect(readForm(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", profile)).rejects.toThrow(/シート「申請様式」は申請様式ではありません/);
  });
});

describe("readRows", () => {
  test("scattered rows are read in one sync, as runs of rows", async () => {
    const excel = form(formRows(50));
    const counter = new SyncCounter();
    const rows = await readRows(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "申請様式", [30, 5, 6, 7, 40], profile, counter);
    expect(rows.map((r) => r.row)).toEqual([5, 6, 7, 30, 40]);
    expect(rows[0].cells[1]).toBe("佐藤　太郎1");
    expect(counter.count).toBe(1);
    expect(excel.ranges.map((r) => r.address)).toEqual(["A5:AN7", "A30:AN30", "A40:AN40"]);
  });
});

describe("readSheetValues", () => {
  test("a 180,000 × 8 master is read in chunks, each sync's response under the payload limit", async () => {
    const rows: MockCell[][] = [["医療機関コード", "医療機関名称", "医療機関名称カナ", "郵便番号", "住所", "電話番号", "保健所コード", "許可病床数"]];
    for (let i = 0; i < 180000; i++) {
      rows.push([String(1000000000 + i), `中央総合病院${i}`, `チュウオウソウゴウビョウイン${i}`, "100-0001", `東京都千代田区丸の内${i}丁目`, "03-3000-2000", "13125", 120]);
    }
    const excel = new MockExcel([{ id: "{2}", name: "医療機関マスタ（全数）", rows }]);
    const counter = new SyncCounter();
    const values = await readSheetValues(excel.context as unknown as Excel.RequestContext, new SheetRegistry(), "医療機関マスタ（全数）", counter);
    expect(values).toHaveLength(180001);
    expect(values[180000][0]).toBe("1000179999");
    expect(values[180000][7]).toBe(120);
    expect(counter.count).toBe(excel.syncs);
    expect(excel.responseBytes.length).toBeGreaterThan(2);
    for (const bytes of excel.responseBytes) expect(bytes).toBeLessThan(PAYLOAD_LIMIT * 0.8);
  });
});
