import { columnIndex, columnLetter, DEFAULT_PROFILE, mapSubmissionColumns, parseReviewRecord, reviewExport, serializeReviewRecord, EMPTY_REVIEW_RECORD, type ReviewDecision } from "../../../src/domain";
import { importAndCheck } from "./review-workflow";
import { insertFurigana, submittedFile } from "./submitted-files";

const approved = new Map<string, ReviewDecision>([["S001", { status: "承認", remark: "" }]]);
/** The untouched form's column → the one with フリガナ inserted after B. */
const shifted = (c: string) => (columnIndex(c) >= 2 ? columnLetter(columnIndex(c) + 1) : c);

describe("a submission whose columns were moved (フリガナ inserted after B)", () => {
  it("is checked with its own columns: the untouched form's findings with the letters translated, and the same CSV bytes", async () => {
    const plain = importAndCheck([await submittedFile("a.xlsx")]);
    const moved = importAndCheck([await submittedFile("a.xlsx", insertFurigana)]);
    const s = moved.imported.submissions[0];
    expect(plain.imported.submissions[0].mapping).toBeUndefined();
    expect(s.mapping?.unchanged).toBe(false);
    expect(s.mapping?.items.phone).toEqual({ column: "D", found: "heading" });
    expect(s.mapping?.extras).toEqual([{ column: "C", heading: "フリガナ" }]);
    expect(s.columns).toEqual({ width: expect.any(Number), choices: {}, confirmed: false });
    expect(moved.imported.notices.map((n) => n.code)).toContain("columns.extra");
    const key = (f: { place: { row?: number; column?: string }; code: string }, tr = (c: string) => c) => `${f.place.row} ${tr(f.place.column!)} ${f.code}`;
    expect(moved.checked[0].findings.map((f) => key(f)).sort()).toEqual(plain.checked[0].findings.map((f) => key(f, shifted)).sort());
    const a = reviewExport(plain.checked, approved, DEFAULT_PROFILE);
    const b = reviewExport(moved.checked, approved, DEFAULT_PROFILE);
    expect(b.written.length).toBeGreaterThan(0);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
  });

  it("takes the reviewer's choice of column first, and a choice of none leaves the item without a column", async () => {
    const s = importAndCheck([await submittedFile("a.xlsx", insertFurigana)]).imported.submissions[0];
    const swapped = mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, DEFAULT_PROFILE, { phone: "E", email: "D" });
    expect(swapped.mapping.items.phone).toEqual({ column: "E", found: "override" });
    expect(swapped.mapping.items.email).toEqual({ column: "D", found: "override" });
    expect(swapped.profile.fields.phone.column).toBe("E");
    const none = mapSubmissionColumns(s.headerCells, s.itemNumberCells, s.headerRow, DEFAULT_PROFILE, { phone: null });
    expect(none.mapping.items.phone).toEqual({});
    expect(none.mapping.extras.map((e) => e.column)).toEqual(["C", "D"]);
    expect(none.profile.required).not.toContain("phone");
  });
});

describe("the review record keeps a submission's column corrections", () => {
  const entry = {
    id: "S001",
    fileName: "a.xlsx",
    sourceSheet: "申請様式",
    sheetName: "S001_a",
    institution: { basis: "none" as const, text: "不明" },
    headerRow: 3,
    decision: { status: "受付" as const, remark: "" },
  };
  it("round-trips the corrections and the confirmation", () => {
    const record = { ...EMPTY_REVIEW_RECORD, submissions: [{ ...entry, columns: { width: 41, choices: { phone: "E", email: null }, confirmed: true } }] };
    const parsed = parseReviewRecord(serializeReviewRecord(record));
    expect(parsed).toEqual({ ok: true, record });
  });
  it("refuses a correction to something that is no item or no column letter", () => {
    const bad = (choices: object) => parseReviewRecord(JSON.stringify({ ...EMPTY_REVIEW_RECORD, submissions: [{ ...entry, columns: { width: 41, choices, confirmed: false } }] }));
    expect(bad({ password: "E" }).ok).toBe(false);
    expect(bad({ phone: "=HYPERLINK()" }).ok).toBe(false);
  });
});
