import "../support/jsdom-gaps";
// Step ①'s filter over many submissions: each filter's count, what it lists, and 受付 named 未判定.
import type { ReviewStatus } from "../../../src/domain";
import type { SubmissionView } from "../../../src/taskpane/review/review-state";
import { filterCounts, matchesFilter, SUBMISSION_FILTERS } from "../../../src/taskpane/review/submission-filter";

const STATUSES: ReviewStatus[] = ["受付", "要確認", "差戻し", "承認"];

/** 50 submissions: decisions in turn, and every third with errors. */
const views: SubmissionView[] = Array.from({ length: 50 }, (_, i) => ({
  id: `S${String(i + 1).padStart(3, "0")}`,
  fileName: `機関${i + 1}.xlsx`,
  sourceSheet: "申請様式",
  sheetName: `S${i + 1}`,
  institution: `機関${i + 1}`,
  decision: { status: STATUSES[i % 4], remark: "" },
  summary: { rows: 5, complete: 5, incomplete: 0, gap: 0, errors: i % 3 === 0 ? 2 : 0, warnings: 1, infos: 0 },
  rows: [],
}));

it("offers すべて, the four decisions (受付 as 未判定) and エラーあり, each counting what it lists", () => {
  expect(SUBMISSION_FILTERS.map(([, label]) => label)).toEqual(["すべて", "未判定", "要確認", "差戻し", "承認", "エラーあり"]);
  const counts = filterCounts(views);
  expect(counts).toEqual({ all: 50, 受付: 13, 要確認: 13, 差戻し: 12, 承認: 12, errors: 17 });
  for (const [f] of SUBMISSION_FILTERS) expect({ f, listed: views.filter((v) => matchesFilter(v, f)).length }).toEqual({ f, listed: counts[f] });
  expect(views.filter((v) => matchesFilter(v, "差戻し")).every((v) => v.decision.status === "差戻し")).toBe(true);
  expect(views.filter((v) => matchesFilter(v, "errors")).map((v) => v.id).slice(0, 3)).toEqual(["S001", "S004", "S007"]);
});
