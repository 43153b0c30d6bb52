// Issue 20: the marked-up workbook of a 差戻し carries the masters its rows need, so that the institution's check finds
// what the letter lists; and where it cannot (no master sheets), the reviewer's 要修正 marks still stand.
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  addMasters,
  checkFormSheet,
  checkNotices,
  DEFAULT_PROFILE,
  institutionFindings,
  mastersFromSheets,
  reviewerMarks,
  SEND_BACK_SHEET,
  sendBackWorkbook,
  type SheetData,
} from "../../../src/domain";
import { readWorkbook } from "../../../src/cli/read-workbook";
import { findFormSheets, sheetValues } from "../../support/exceljs-sheets";
import { cellKeys, CODE_ERRORS, sendBackFixture, type SendBackFixture } from "../../support/send-back-fixture";

let f: SendBackFixture;
let dir: string;
let sheets: SheetData[];
beforeAll(async () => {
  f = await sendBackFixture();
  dir = await mkdtemp(path.join(tmpdir(), "nesid-sendback-"));
  const file = path.join(dir, "差戻し_山手10医院.xlsx");
  await writeFile(file, f.marked);
  sheets = await readWorkbook(file);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The institution's check of the marked-up workbook: its own sheets only, as the CLI and the form tab read them. */
function institutionCheck(from: readonly SheetData[]) {
  const masters = addMasters({}, mastersFromSheets(from, DEFAULT_PROFILE, "marked.xlsx"));
  const form = findFormSheets(from, DEFAULT_PROFILE)[0];
  const checker = checkFormSheet(form, DEFAULT_PROFILE, masters, "institution");
  return { checker, masters, findings: institutionFindings(checker, checker.result().findings) };
}

describe("the marked-up workbook carries the masters its rows need", () => {
  it("the letter lists the four code errors (K, I, AJ unknown, AJ of another master) besides the sample's own", () => {
    const errors = cellKeys(f.letterFindings);
    for (const cell of Object.keys(CODE_ERRORS)) expect(errors).toContain(cell);
    expect(f.letterFindings.filter((x) => x.severity === "error").map((x) => x.code)).toEqual(
      expect.arrayContaining(["healthCenter.unknown-ask", "cityCode.mismatch", "institution.unknown", "institution.wrong-master"]),
    );
  });

  it("adds 保健所マスタ with the jurisdiction's 保健所 and the institution masters with the rows' codes, after the form", () => {
    expect(sheets.map((s) => s.name)).toEqual([SEND_BACK_SHEET, "申請様式", "保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"]);
    const sheet = (name: string) => sheets.find((s) => s.name === name)!.values;
    const hc = sheet("保健所マスタ");
    expect(hc[0]).toEqual(["保健所コード", "保健所名", "中核市コード"]);
    // Every 保健所 of the jurisdictions the rows apply to (the 中核市コード of their K: 25654 滋賀, 06055 山形, 04033 宮城),
    // none of other jurisdictions (the sample master has 469).
    const hcMaster = f.reviewerMasters.healthCenter!;
    const cities = ["253658", "062059", "040000"];
    const jurisdiction = hcMaster.codes.filter((c) => hcMaster.all(c).some((r) => cities.includes(r.cityCode!)));
    expect(hc.slice(1).map((r) => r[0]).sort()).toEqual([...jurisdiction].sort());
    expect(hc.slice(1).every((r) => cities.includes(String(r[2])))).toBe(true);
    expect(hc.length - 1).toBeLessThan(hcMaster.size / 10);
    // The institutions the rows name: the 全数 hospital of the sample rows and the 定点 hospital wrongly put in AJ8.
    expect(sheet("医療機関マスタ（全数）").slice(1).map((r) => r[0])).toEqual(["2513100103"]);
    expect(sheet("医療機関マスタ（定点）").slice(1).map((r) => r[0]).sort()).toEqual(["01100000", "06100005"]);
    expect(sheet("医療機関マスタ（全数）")[1]).toEqual(["2513100103", expect.any(String), expect.any(String), "25654"]);
  });

  it("re-read with the CLI's reader, it checks to exactly what the letter lists, with no master missing", () => {
    const { checker, masters, findings } = institutionCheck(sheets);
    expect(cellKeys(findings)).toEqual(cellKeys(f.letterFindings));
    expect(cellKeys(findings, "warning")).toEqual(cellKeys(f.letterFindings, "warning"));
    expect(findings.map((x) => x.code).sort()).toEqual(f.letterFindings.map((x) => x.code).sort());
    expect(checkNotices(checker, DEFAULT_PROFILE, masters).map((n) => n.code)).not.toContain("master.missing");
  });

  it("sent back again, it replaces its own master sheets and keeps one letter", async () => {
    const { checker } = institutionCheck(sheets);
    const second = await sendBackWorkbook(f.marked, [{ sheet: "申請様式", checker }], { fileName: "再提出.xlsx" });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(second.bytes) as unknown as ArrayBuffer);
    expect(out.worksheets.map((w) => w.name)).toEqual([SEND_BACK_SHEET, "申請様式", "保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"]);
    expect(second.masterSheets).toEqual(f.masterSheets);
    expect(f.masterSheets).toEqual(["保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"]);
  });
});

describe("without the master sheets, the reviewer's 要修正 marks stand", () => {
  const withoutMasters = () => sheets.filter((s) => s.name === SEND_BACK_SHEET || s.name === "申請様式");

  it("the letter sheet lists every error cell of the letter with the value it was marked with", () => {
    const marks = reviewerMarks(sheets.find((s) => s.name === SEND_BACK_SHEET)!.values);
    const errorMarks = marks.filter((m) => m.severity === "error").map((m) => `${m.column}${m.row}`).sort();
    expect(errorMarks).toEqual(cellKeys(f.letterFindings));
    expect(marks.find((m) => m.column === "K" && m.row === 5)).toMatchObject({ sheet: "申請様式", severity: "error", value: CODE_ERRORS.K5 });
  });

  it("a check without masters reports at least the letter's errors, on the same cells, and no marked row is complete", () => {
    const own = withoutMasters();
    const { checker } = institutionCheck(own);
    // Without masters, the four code errors go unseen ...
    const unseen = cellKeys(checker.result().findings);
    for (const cell of Object.keys(CODE_ERRORS)) expect(unseen).not.toContain(cell);
    // ... until the reviewer's marks are carried.
    checker.setCarried(reviewerMarks(own[0].values).filter((m) => m.severity === "error"));
    const errors = cellKeys(checker.result().findings);
    for (const cell of cellKeys(f.letterFindings)) expect(errors).toContain(cell);
    expect(checker.result().summary.errors).toBeGreaterThanOrEqual(f.letterFindings.filter((x) => x.severity === "error").length);
    expect(checker.rowFindings(5).map((x) => x.code)).toContain("sendBack.still-marked");
    for (const row of [5, 6, 7, 8]) expect(checker.status(row)).toBe("incomplete");
  });

  it("a mark lapses once the institution changes the value (its own check then judges it)", () => {
    const own = withoutMasters();
    const { checker } = institutionCheck(own);
    checker.setCarried(reviewerMarks(own[0].values).filter((m) => m.severity === "error"));
    const row5 = checker.rowInput(5)!;
    const cells = [...row5.cells];
    cells[10] = "25654"; // K5 corrected
    checker.update([{ row: 5, cells }]);
    expect(checker.rowFindings(5).map((x) => x.code)).not.toContain("sendBack.still-marked");
    expect(checker.status(5)).toBe("complete");
  });

  it("reads nothing from a letter sheet without the list (an older letter or another sheet)", () => {
    expect(reviewerMarks([["申請様式の修正のお願い"]])).toEqual([]);
    expect(reviewerMarks([])).toEqual([]);
    const ws = new ExcelJS.Workbook().addWorksheet("x");
    ws.getCell("Z1").value = "nesid-account:painted-cells";
    ws.getCell("Z2").value = "{broken";
    ws.getCell("Z3").value = JSON.stringify(["申請様式", "K5", "FFFFC7CE", "null"]); // no value: an older letter
    expect(reviewerMarks(sheetValues(ws))).toEqual([]);
  });
});
