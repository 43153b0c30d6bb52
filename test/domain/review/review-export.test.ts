import { refusalText, DEFAULT_PROFILE, reviewExport, type ReviewDecision } from "../../../src/domain";
import Encoding from "encoding-japanese";
import { importAndCheck } from "./review-workflow";
import { keepRows, otherInstitution, submittedFile } from "./submitted-files";

const approved: ReviewDecision = { status: "承認", remark: "" };
const decisions = (entries: [string, ReviewDecision["status"]][]) => new Map(entries.map(([id, status]) => [id, { status, remark: "" }]));
const decode = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { from: "SJIS", to: "UNICODE", type: "string" });

describe("reviewExport: the registration CSV of approved submissions", () => {
  it("writes only rows of approved submissions and lists every other row with a reason", async () => {
    const { checked } = importAndCheck([await submittedFile("a.xlsx"), await submittedFile("b.xlsx", otherInstitution, keepRows(4, 7))]);
    const csv = reviewExport(checked, decisions([["S001", "差戻し"], ["S002", "承認"]]), DEFAULT_PROFILE);
    expect(csv.written).toEqual([4, 5, 6, 7].map((row) => ({ source: "S002 b.xlsx", row })));
    // Nothing dropped silently: all 14 rows of a.xlsx are refused, each with the decision among its reasons.
    expect(csv.refused.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    for (const r of csv.refused.filter((x) => x.row !== 16)) expect(r.reasons.map(refusalText)).toContain("申請の判定が「差戻し」のため出力しません（「承認」にした申請だけを出力します）");
    expect(csv.refused.find((r) => r.row === 14)!.reasons.map(refusalText)[0]).toBe("C列：連絡先電話番号が入力されていません。");
    const text = decode(csv.bytes);
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(6); // header + 4 rows + the empty string after the last CRLF
    expect(lines[0].split(",")[0]).toBe("利用者名");
    expect(lines[1].split(",")).toHaveLength(39);
    expect(lines[1].split(",").slice(0, 4)).toEqual(["青木　誠", "03-5555-1000", "aoki0@other-clinic.jp", "09"]);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it("writes 16 (定点) rows like any other (the 「16も出力する」 setting changes nothing in the default profile)", async () => {
    const { checked } = importAndCheck([await submittedFile("a.xlsx", keepRows(12, 12))]);
    const all = decisions([["S001", "承認"]]);
    // Rows 4..11 were cleared, so they are gap rows (refused); row 12 is the 16 row.
    const off = reviewExport(checked, all, DEFAULT_PROFILE);
    expect(off.written).toEqual([{ source: "S001 a.xlsx", row: 12 }]);
    const on = reviewExport(checked, all, DEFAULT_PROFILE, { issueDeferred: true });
    expect(Buffer.from(on.bytes).equals(Buffer.from(off.bytes))).toBe(true);
  });

  it("gives byte-identical files for the same input: twice in a row, and after reading the files again", async () => {
    const files = async () => [await submittedFile("a.xlsx"), await submittedFile("b.xlsx", otherInstitution, keepRows(4, 7))];
    const all = new Map([["S001", approved], ["S002", approved]]);
    const first = importAndCheck(await files());
    const a = reviewExport(first.checked, all, DEFAULT_PROFILE);
    const b = reviewExport(first.checked, all, DEFAULT_PROFILE);
    const c = reviewExport(importAndCheck(await files()).checked, all, DEFAULT_PROFILE);
    expect(a.written).toHaveLength(9 + 4);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(Buffer.from(c.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    const utf8 = reviewExport(first.checked, all, DEFAULT_PROFILE, { encoding: "utf8bom", header: false });
    expect([...utf8.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(utf8.bytes.slice(3))).toBe(decode(a.bytes).split("\r\n").slice(1).join("\r\n"));
  });

  it("refuses every row when nothing is approved yet (受付 is the starting state)", async () => {
    const { checked } = importAndCheck([await submittedFile("a.xlsx", keepRows(4, 5))]);
    const csv = reviewExport(checked, new Map(), DEFAULT_PROFILE);
    expect(csv.written).toEqual([]);
    expect(csv.refused.map((r) => r.reasons.map(refusalText))).toEqual([
      ["申請の判定が「受付」のため出力しません（「承認」にした申請だけを出力します）"],
      ["申請の判定が「受付」のため出力しません（「承認」にした申請だけを出力します）"],
    ]);
  });
});
