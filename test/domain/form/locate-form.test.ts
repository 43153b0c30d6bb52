import { createCheckContext, dataRows, DEFAULT_PROFILE, locateHeader, rowHasData, type Cell } from "../../../src/domain";
import { validCells } from "../../support/form-rows";

const ctx = createCheckContext(DEFAULT_PROFILE, {});

describe("locateHeader", () => {
  it("finds the row with 利用者名 in B within the first 10 rows", () => {
    const top: Cell[][] = [["タイトル"], [null, "項目1"], ["No.", "利用者名"]];
    expect(locateHeader(top, DEFAULT_PROFILE)).toEqual({ headerRow: 3, firstDataRow: 4 });
    expect(locateHeader([["No.", " 利用者名　"]], DEFAULT_PROFILE)).toEqual({ headerRow: 1, firstDataRow: 2 });
    expect(locateHeader([["No.", "利用者 名"]], DEFAULT_PROFILE)).toEqual({ headerRow: 1, firstDataRow: 2 });
  });

  it("not a form: no marker, the marker in another column, or below row 10", () => {
    expect(locateHeader([["利用者名"]], DEFAULT_PROFILE)).toBeUndefined();
    expect(locateHeader([], DEFAULT_PROFILE)).toBeUndefined();
    const deep: Cell[][] = Array.from({ length: 10 }, () => []);
    deep.push([null, "利用者名"]);
    expect(locateHeader(deep, DEFAULT_PROFILE)).toBeUndefined();
    expect(locateHeader(deep.slice(1), DEFAULT_PROFILE)).toEqual({ headerRow: 10, firstDataRow: 11 });
  });
});

describe("data area", () => {
  const grid: Cell[][] = [
    ["title"],
    [],
    ["No.", "利用者名"],
    validCells(),
    [2],
    validCells({ name: "鈴木　花子" }),
    [4, null, " "],
    [5],
    [],
  ];

  it("runs from the row after the header to the last row with a value in B..AN", () => {
    const rows = dataRows(grid, 1, { headerRow: 3, firstDataRow: 4 }, ctx.dataColumns);
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(rows[1].cells).toEqual([2]);
  });

  it("formatting or a No. in column A alone does not extend it", () => {
    expect(rowHasData([7, null, "", "　"], ctx.dataColumns)).toBe(false);
    expect(rowHasData([null, null, null, null, null, 0], ctx.dataColumns)).toBe(true);
    expect(rowHasData(validCells(), ctx.dataColumns)).toBe(true);
    const beyond: Cell[] = new Array(45).fill(null);
    beyond[42] = "AQ の値";
    expect(rowHasData(beyond, ctx.dataColumns)).toBe(false);
  });

  it("an empty form has no data rows; a grid read from a later row keeps sheet row numbers", () => {
    expect(dataRows(grid.slice(0, 3), 1, { headerRow: 3, firstDataRow: 4 }, ctx.dataColumns)).toEqual([]);
    const rows = dataRows(grid.slice(3), 4, { headerRow: 3, firstDataRow: 4 }, ctx.dataColumns);
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6]);
  });
});
