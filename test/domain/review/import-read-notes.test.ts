import { messageOf, columnLetter, DEFAULT_PROFILE, importSubmissions, profileHeaderLabels, readXlsx, type Cell } from "../../../src/domain";
import { validCells } from "../../support/form-rows";
import { miniXlsx, xmlEscape, type MiniSheet } from "../../support/minimal-xlsx";

function rowXml(row: number, cells: readonly Cell[]): string {
  return `<row r="${row}">${cells
    .map((c, i) => (c === null ? "" : `<c r="${columnLetter(i)}${row}" t="inlineStr"><is><t>${xmlEscape(String(c))}</t></is></c>`))
    .join("")}</row>`;
}

function formSheet(name: string, rows: [number, Cell[]][], extra: Partial<MiniSheet> = {}): MiniSheet {
  return { name, data: [rowXml(3, ["No.", ...profileHeaderLabels(DEFAULT_PROFILE)]), ...rows.map(([r, c]) => rowXml(r, c))].join(""), ...extra };
}

describe("importSubmissions: what the reader found is told to the reviewer", () => {
  it("a veryHidden copy is not imported (and not called an extra sheet); a stray value and hidden rows are named", () => {
    const bytes = miniXlsx([
      formSheet("申請様式", [[4, validCells()], [5, validCells({ name: "鈴木　花子" })], [5000, [null, "x"]]]),
      formSheet("申請様式 (2)", [[4, validCells()]], { state: "veryHidden" }),
    ]);
    const read = readXlsx(bytes.slice(), "提出.xlsx");
    if (!read.ok) throw new Error(messageOf(read.problem));
    read.sheets[0].hiddenRows = [5];
    const result = importSubmissions([{ fileName: "提出.xlsx", sheets: read.sheets }], { profile: DEFAULT_PROFILE });
    expect(result.submissions.map((s) => [s.sourceSheet, s.rows.map((r) => r.row)])).toEqual([["申請様式", [4, 5]]]);
    const codes = result.notices.map((n) => [n.code, n.severity]);
    expect(codes).toEqual([
      ["sheet.hidden", "warning"],
      ["rows.hidden", "info"],
      ["row.stray", "error"],
    ]);
    // Each keeps its own code and params, placed on the file (and the sheet it was found in).
    expect(result.notices.map((n) => [n.place.file, n.place.sheet, n.place.row])).toEqual([
      ["提出.xlsx", undefined, undefined],
      ["提出.xlsx", "申請様式", undefined],
      ["提出.xlsx", "申請様式", 5000],
    ]);
    expect(messageOf(result.notices[0])).toContain("申請様式 (2)");
    expect(messageOf(result.notices[1])).toContain("（5行目）");
    expect(messageOf(result.notices[2])).toContain("B5000");
  });
});
