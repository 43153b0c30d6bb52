import { DEFAULT_PROFILE, escapeHtml, REPORT_SHEET_HEADER, reviewReport, reviewReportGrid, reviewReportHtml, sendBackLetter, sendBackText } from "../../../src/domain";
import { importAndCheck } from "./review-workflow";
import { keepRows, otherInstitution, setCell, submittedFile } from "./submitted-files";

async function reviewed() {
  const { checked } = importAndCheck([await submittedFile("a.xlsx"), await submittedFile("b<script>.xlsx", otherInstitution, keepRows(4, 5))]);
  const decisions = new Map([
    ["S001", { status: "差戻し" as const, remark: "電話番号とメールアドレスを直してください。\n<b>至急</b>", decidedAt: "2025-04-02T10:00:00.000Z" }],
    ["S002", { status: "承認" as const, remark: "" }],
  ]);
  return { checked, decisions };
}

async function report() {
  const { checked, decisions } = await reviewed();
  return reviewReport(checked, decisions, DEFAULT_PROFILE, "2025-04-02T12:00:00.000Z");
}

describe("the review report", () => {
  it("has every row of every submission with its findings and the decision", async () => {
    const r = await report();
    expect(r.submissions.map((s) => [s.id, s.decision.status, s.rows.length])).toEqual([
      ["S001", "差戻し", 14],
      ["S002", "承認", 2],
    ]);
    const row14 = r.submissions[0].rows.find((x) => x.row === 14)!;
    expect(row14).toMatchObject({ name: "吉田　太郎", status: "incomplete" });
    expect(row14.findings.map((f) => f.code)).toEqual(["required.missing"]);
  });

  it("as a sheet: one line per finding or per clean row, all text", async () => {
    const grid = reviewReportGrid(await report());
    expect(grid[0]).toEqual([...REPORT_SHEET_HEADER]);
    for (const line of grid) expect(line).toHaveLength(REPORT_SHEET_HEADER.length);
    for (const line of grid) for (const v of line) expect(typeof v).toBe("string");
    const s1 = grid.filter((l) => l[0] === "S001");
    expect(s1.filter((l) => l[9] === "エラー").map((l) => l[10])).toEqual(["C14", "D15", "A16", "K17"]);
    expect(s1.find((l) => l[10] === "D15")![12]).toBe("tanaka@example-hosp.jp");
    expect(grid.filter((l) => l[0] === "S002").map((l) => [l[6], l[11]])).toEqual([
      ["4", "問題なし"],
      ["5", "問題なし"],
    ]);
  });

  it("as printable HTML: every value from the files is escaped", async () => {
    const html = reviewReportHtml(await report());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toContain("<script>");
    expect(html).toContain("b&lt;script&gt;.xlsx");
    expect(html).toContain("&lt;b&gt;至急&lt;/b&gt;");
    expect(html).toContain("C14");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("gives the 差戻し letter for the institution: its errors with fixes, its warnings, the reviewer's remark", async () => {
    const { checked, decisions } = await reviewed();
    const text = sendBackLetter(checked[0], decisions.get("S001")!, DEFAULT_PROFILE);
    expect(text.startsWith("山手10医院（2513100103） 御中\r\n")).toBe(true);
    expect(text).toContain("【審査担当より】\r\n電話番号とメールアドレスを直してください。\r\n<b>至急</b>");
    expect(text).toContain("・14行目（吉田　太郎）\r\n　　C14：連絡先電話番号が入力されていません。");
    expect(text).toContain("　　D15：全角文字が含まれています。メールアドレスは半角英数字で入力してください（初期パスワードの送付先になります）。（修正案：tanaka@example-hosp.jp）");
    // Row 12 is a 16 (定点) row: an ordinary account, nothing for the institution to fix there.
    expect(text).toContain("【ご確認いただきたい箇所】\r\n・13行目（加藤　由美）\r\n　　AJ13：所属医療機関/動物診療施設コードが空欄です。コードが分かる場合は入力してください。");
    expect(text).not.toContain("12行目");
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it("says there is nothing to fix when a sent-back submission has no errors", async () => {
    const { checked } = importAndCheck([await submittedFile("c.xlsx", keepRows(4, 4), setCell("B4", "佐藤　太郎"))]);
    const r = reviewReport(checked, new Map([["S001", { status: "差戻し" as const, remark: "" }]]), DEFAULT_PROFILE, "t");
    expect(sendBackText(r.submissions[0])).toContain("【修正が必要な箇所】\r\n　なし");
  });
});

describe("the 差戻し letter speaks to the institution only", () => {
  it("has no reviewer instruction and no other submission's name, where the reviewer's report has both", async () => {
    // The same form submitted twice with one address changed (the same content is not imported twice): the other rows
    // of the second are duplicates of the first (an error the reviewer sees).
    const { checked } = importAndCheck([await submittedFile("application-form.xlsx"), await submittedFile("again.xlsx", setCell("D5", "changed@example.jp"))]);
    const back = { status: "差戻し" as const, remark: "" };
    const reviewerView = reviewReport(checked, new Map([["S002", back]]), DEFAULT_PROFILE, "t").submissions[1];
    const reviewerText = sendBackText(reviewerView);
    expect(reviewerText).toContain("「application-form.xlsx:申請様式」の");
    expect(reviewerText).toContain("機関から聴取してください");

    const letter = sendBackLetter(checked[1], back, DEFAULT_PROFILE);
    expect(letter.startsWith(`${checked[1].submission.institution.text} 御中\r\n`)).toBe(true);
    expect(letter).toContain("（again.xlsx、シート「申請様式」）");
    expect(letter).not.toContain("application-form.xlsx");
    expect(letter).not.toContain("聴取");
    expect(letter).not.toContain("別の申請様式");
    // The institution's own blank AJ is asked in its words (institution-findings.ts), not dropped.
    expect(letter).toContain("コードが分かる場合は入力してください");
    // Its own errors stay.
    expect(letter).toContain("　　C14：連絡先電話番号が入力されていません。");
  });
});
