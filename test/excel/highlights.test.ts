import { DEFAULT_PROFILE, mapFormColumns, SEND_BACK_COLORS } from "../../src/domain";
import { applyFillSteps, clearSteps, fillSteps, HIGHLIGHT_COLORS } from "../../src/excel/highlights";
import { SyncCounter } from "../../src/excel/sync-counter";
import { formRows } from "./support/form-sheet";
import { MockExcel } from "./support/office-mock";

const profile = DEFAULT_PROFILE;
const plan = {
  completeRows: [4, 5, 6, 8],
  incompleteRows: [14, 15],
  gapRows: [16],
  resetRows: [4, 5, 6, 7, 8, 14],
  problemCells: ["C14", "C15", "F14", "A14", "D15"],
  warningCells: ["AJ5", "AJ6", "G6"],
};

describe("fillSteps", () => {
  test("resets, then A blue/orange/red, then yellow warning cells, then pink error cells; grey columns and A never coloured", () => {
    const steps = fillSteps(plan, profile);
    expect(steps).toEqual([
      { color: null, areas: ["A4:E8", "I4:I8", "K4:K8", "AG4:AG8", "AJ4:AJ8", "AL4:AN8", "A14:E14", "I14", "K14", "AG14", "AJ14", "AL14:AN14"] },
      { color: HIGHLIGHT_COLORS.complete, areas: ["A4:A6", "A8"] },
      { color: HIGHLIGHT_COLORS.incomplete, areas: ["A14:A15"] },
      { color: HIGHLIGHT_COLORS.gap, areas: ["A16"] },
      { color: HIGHLIGHT_COLORS.warning, areas: ["AJ5:AJ6"] },
      { color: HIGHLIGHT_COLORS.problem, areas: ["C14:C15", "D15"] },
    ]);
  });

  test("the colours of the send-back file and its letter: pink = 要修正 (errors), yellow = ご確認 (warnings)", () => {
    expect(HIGHLIGHT_COLORS.problem).toBe(`#${SEND_BACK_COLORS.error.slice(2)}`);
    expect(HIGHLIGHT_COLORS.warning).toBe(`#${SEND_BACK_COLORS.warning.slice(2)}`);
  });

  test("ハイライトを消す covers A and the input columns of the data area only", () => {
    expect(clearSteps(4, 103, profile)).toEqual([{ color: null, areas: ["A4:E103", "I4:I103", "K4:K103", "AG4:AG103", "AJ4:AJ103", "AL4:AN103"] }]);
    expect(clearSteps(10, 9, profile)).toEqual([]);
  });
});

describe("fillSteps on a sheet with its own columns (found by their headings)", () => {
  const header = (edit: (cells: (string | null)[]) => void) => {
    const cells: (string | null)[] = [null, "利用者名", "連絡先電話番号", "連絡先メールアドレス", "所属機関分類コード", "（入力不要）", "（入力不要）", "（入力不要）", "中核市コード", "（入力不要）", "保健所コード"];
    for (let c = 11; c < 32; c++) cells.push("（入力不要）");
    cells.push("個票・CSVダウンロードフラグ", "（入力不要）", "（入力不要）", "所属医療機関/動物診療施設コード", "（入力不要）", "二要素認証用電話番号", "二要素認証用メールアドレス", "二要素認証手段コード");
    edit(cells);
    return cells;
  };

  test("フリガナ inserted after B: the items' new columns are coloured and cleared, the added column never", () => {
    const { profile: moved } = mapFormColumns(header((cells) => cells.splice(2, 0, "フリガナ")), undefined, profile, { headerRow: 3 });
    expect(clearSteps(4, 10, moved, true)).toEqual([{ color: null, areas: ["A4:B10", "D4:F10", "J4:J10", "L4:L10", "AH4:AH10", "AK4:AK10", "AM4:AO10"] }]);
    expect(fillSteps({ ...plan, resetRows: [], problemCells: ["C14", "D14", "E15"] }, moved, true).at(-1)).toEqual({ color: HIGHLIGHT_COLORS.problem, areas: ["D14", "E15"] });
  });
});

describe("applyFillSteps", () => {
  test("with multi-area ranges (ExcelApi 1.9): one getRanges per step, one sync", async () => {
    const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(20) }]);
    const ws = excel.worksheet(excel.sheets[0]);
    const counter = new SyncCounter();
    await applyFillSteps(excel.context as unknown as Excel.RequestContext, ws as unknown as Excel.Worksheet, fillSteps(plan, profile), true, counter);
    expect(counter.count).toBe(1);
    expect(excel.fills()).toEqual([
      { address: "A4:E8,I4:I8,K4:K8,AG4:AG8,AJ4:AJ8,AL4:AN8,A14:E14,I14,K14,AG14,AJ14,AL14:AN14", areas: true, cleared: true, color: undefined },
      { address: "A4:A6,A8", areas: true, cleared: false, color: "#9BC2E6" },
      { address: "A14:A15", areas: true, cleared: false, color: "#FFC000" },
      { address: "A16", areas: true, cleared: false, color: "#FF7C80" },
      { address: "AJ5:AJ6", areas: true, cleared: false, color: "#FFFF00" },
      { address: "C14:C15,D15", areas: true, cleared: false, color: "#FFC7CE" },
    ]);
  });

  test("without them (Office 2019): contiguous blocks as single ranges, still one sync", async () => {
    const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(20) }]);
    const ws = excel.worksheet(excel.sheets[0]);
    const counter = new SyncCounter();
    await applyFillSteps(excel.context as unknown as Excel.RequestContext, ws as unknown as Excel.Worksheet, fillSteps(plan, profile), false, counter);
    expect(counter.count).toBe(1);
    const fills = excel.fills();
    expect(fills.every((f) => !f.areas)).toBe(true);
    expect(fills.filter((f) => f.color === "#FFC7CE").map((f) => f.address)).toEqual(["C14:C15", "D15"]);
    expect(fills.filter((f) => f.cleared)).toHaveLength(12);
  });

  test("a long multi-area address is cut below Excel's limit (about 8,200 characters)", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => 4 + i * 2); // 3,000 separate rows
    const steps = fillSteps({ completeRows: rows, incompleteRows: [], gapRows: [], resetRows: [], problemCells: [] }, profile);
    const excel = new MockExcel([{ id: "{1}", name: "申請様式", rows: formRows(10) }]);
    const counter = new SyncCounter();
    await applyFillSteps(excel.context as unknown as Excel.RequestContext, excel.worksheet(excel.sheets[0]) as unknown as Excel.Worksheet, steps, true, counter);
    const fills = excel.fills();
    expect(fills.length).toBeGreaterThan(1);
    for (const f of fills) expect(f.address.length).toBeLessThanOrEqual(2000);
    expect(fills.flatMap((f) => f.address.split(","))).toHaveLength(3000);
    expect(counter.count).toBe(1);
  });
});
