// The printed review report (審査結果 .html): Japanese local dates in the given time zone, short cells that never
// break inside a word, A4 pages.
import { DEFAULT_PROFILE, japaneseDateTime, reviewReport, reviewReportHtml } from "../../../src/domain";
import { importAndCheck } from "./review-workflow";
import { keepRows, otherInstitution, submittedFile } from "./submitted-files";

async function html(timeZone: string) {
  const { checked } = importAndCheck([await submittedFile("a.xlsx"), await submittedFile("b.xlsx", otherInstitution, keepRows(4, 5))]);
  const decisions = new Map([
    ["S001", { status: "差戻し" as const, remark: "", decidedAt: "2026-12-06T07:05:00.000Z" }],
    ["S002", { status: "承認" as const, remark: "" }],
  ]);
  return reviewReportHtml(reviewReport(checked, decisions, DEFAULT_PROFILE, "2026-12-06T16:11:12.469Z"), { timeZone });
}

describe("japaneseDateTime", () => {
  it("writes a stored time as 年月日 時:分 in the zone given", () => {
    expect(japaneseDateTime("2026-12-06T16:11:12.469Z", "UTC")).toBe("2026年12月6日 16:11");
    expect(japaneseDateTime("2026-12-06T16:11:12.469Z", "Asia/Tokyo")).toBe("2026年12月7日 1:11");
    expect(japaneseDateTime("2026-12-06T07:05:00.000Z", "Asia/Tokyo")).toBe("2026年12月6日 16:05");
  });

  it("leaves text that is not a time as it is", () => {
    expect(japaneseDateTime("不明", "Asia/Tokyo")).toBe("不明");
    expect(japaneseDateTime("", "Asia/Tokyo")).toBe("");
  });
});

describe("the printed report", () => {
  it("dates the report and each decision in local Japanese, never as raw ISO", async () => {
    const page = await html("Asia/Tokyo");
    expect(page).toContain('作成日時：<span class="nw">2026年12月7日 1:11</span>');
    expect(page).toContain('<span class="nw">差戻し</span>（<span class="nw">2026年12月6日 16:05</span>）');
    expect(page).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await html("UTC")).toContain("作成日時：<span class=\"nw\">2026年12月6日 16:11</span>");
  });

  it("prints on A4 and never breaks 完了, 未完了 or エラー inside the word", async () => {
    const page = await html("Asia/Tokyo");
    expect(page).toMatch(/@page\{size:A4;margin:[^}]+\}/);
    expect(page).toContain(".nw{white-space:nowrap}");
    expect(page).toMatch(/th\{[^}]*white-space:nowrap/);
    // Every status and severity cell of the rows' table is a no-wrap cell.
    const cells = [...page.matchAll(/<td( class="nw")?>(完了|未完了|空行|エラー|警告|情報)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c[1]).toBe(' class="nw"');
    expect(page).toContain('<span class="nw">未完了 ');
    expect(page).toContain('<span class="nw">エラー 4件</span>');
  });
});
