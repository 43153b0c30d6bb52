import { decide, EMPTY_REVIEW_RECORD, initialDecision, messageOf, parseReviewRecord, serializeReviewRecord, type ReviewRecord } from "../../../src/domain";

const record: ReviewRecord = {
  version: 1,
  settings: { issueDeferred: false, header: true },
  submissions: [
    {
      id: "S001",
      fileName: "山手10医院.xlsx",
      sourceSheet: "申請様式",
      sheetName: "S001_山手10医院",
      institution: { code: "2513100103", name: "山手10医院", basis: "AJ", text: "山手10医院（2513100103）" },
      headerRow: 3,
      importedAt: "2025-04-01T09:00:00.000Z",
      decision: { status: "差戻し", remark: "14行目の電話番号を記入してください。\n再提出をお願いします。", decidedAt: "2025-04-02T10:00:00.000Z" },
    },
  ],
};

describe("the review record kept in the workbook", () => {
  it("round-trips through its JSON text", () => {
    const parsed = parseReviewRecord(serializeReviewRecord(record));
    expect(parsed).toEqual({ ok: true, record });
  });

  it("is empty for a workbook that has none", () => {
    expect(parseReviewRecord(undefined)).toEqual({ ok: true, record: EMPTY_REVIEW_RECORD });
    expect(parseReviewRecord("")).toEqual({ ok: true, record: EMPTY_REVIEW_RECORD });
  });

  it("cannot carry anything it does not declare: a password or the system URL is refused on write and on read", () => {
    const withPassword = { ...record, submissions: [{ ...record.submissions[0], password: "Init#1234Ab" }] };
    expect(() => serializeReviewRecord(withPassword as unknown as ReviewRecord)).toThrow();
    const withUrl = { ...record, settings: { ...record.settings, systemUrl: "https://example.invalid/" } };
    expect(() => serializeReviewRecord(withUrl as unknown as ReviewRecord)).toThrow();
    const read = parseReviewRecord(JSON.stringify(withPassword));
    expect(read.ok).toBe(false);
    expect(!read.ok && messageOf(read.problem)).toContain("submissions.0");
  });

  it("reports broken JSON, unknown statuses and duplicate ids in Japanese instead of throwing", () => {
    const broken = parseReviewRecord("{");
    expect(broken).toMatchObject({ ok: false, problem: { code: "review-record.not-json" } });
    expect(!broken.ok && messageOf(broken.problem)).toContain("JSONとして読めません");
    const status = parseReviewRecord(JSON.stringify({ ...record, submissions: [{ ...record.submissions[0], decision: { status: "保留", remark: "" } }] }));
    expect(status.ok).toBe(false);
    const dup = parseReviewRecord(JSON.stringify({ ...record, submissions: [record.submissions[0], { ...record.submissions[0], sheetName: "x" }] }));
    expect(!dup.ok && messageOf(dup.problem)).toContain("S001 が重複");
  });

  it("stamps each decision with its time and keeps what was not changed", () => {
    const first = decide(initialDecision(), { status: "要確認" }, "2025-04-02T10:00:00.000Z");
    expect(first).toEqual({ status: "要確認", remark: "", decidedAt: "2025-04-02T10:00:00.000Z" });
    const second = decide(first, { remark: "電話で確認済み" }, "2025-04-02T11:00:00.000Z");
    expect(second).toEqual({ status: "要確認", remark: "電話で確認済み", decidedAt: "2025-04-02T11:00:00.000Z" });
    expect(() => decide(first, { remark: "あ".repeat(2001) }, "t")).toThrow(RangeError);
  });
});
