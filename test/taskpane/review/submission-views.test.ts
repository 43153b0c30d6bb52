import "../support/jsdom-gaps";
// submissionViews on its own: what the pane lists for each checked submission — rows with an error first and, in
// each row, errors before warnings; the decision, how its sheet came in, and whether a marked-up copy can be made.
import { DEFAULT_PROFILE, importSubmissions, initialDecision, reviewCheck, SEVERITY_ORDER, type CheckedSubmission } from "../../../src/domain";
import { readSubmittedFile } from "../../../src/taskpane/review/read-submitted-file";
import { submissionViews } from "../../../src/taskpane/review/submission-views";
import { xlsxBytes } from "../../domain/review/submitted-files";

let checked: CheckedSubmission[];
beforeAll(async () => {
  const file = await readSubmittedFile("山手10医院.xlsx", new Uint8Array(await xlsxBytes()));
  const imported = importSubmissions([file], { profile: DEFAULT_PROFILE, now: "2025-04-01T00:00:00.000Z" });
  checked = reviewCheck(imported.submissions, DEFAULT_PROFILE, (s) => imported.fileMasters.get(s.id) ?? {});
});

const rank = SEVERITY_ORDER;

describe("submissionViews", () => {
  it("lists rows with an error before rows with only warnings, and in each row errors before warnings", () => {
    const [view] = submissionViews({ checked, decisions: new Map(), profile: DEFAULT_PROFILE, how: new Map(), withFile: new Set(), previous: new Map() });
    const worst = view.rows.map((r) => Math.min(...r.findings.map((f) => rank[f.severity])));
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    expect(worst[0]).toBe(0);
    for (const r of view.rows) {
      const severities = r.findings.map((f) => rank[f.severity]);
      expect(severities).toEqual([...severities].sort((a, b) => a - b));
    }
    expect(view.rows.reduce((n, r) => n + r.findings.length, 0)).toBe(checked[0].findings.length);
  });

  it("carries the decision, how the sheet came in and whether the file is in memory; no previous version, no comparison", () => {
    const id = checked[0].submission.id;
    const decision = { ...initialDecision(), status: "差戻し" as const, remark: "電話を確認" };
    const [view] = submissionViews({ checked, decisions: new Map([[id, decision]]), profile: DEFAULT_PROFILE, how: new Map([[id, "copied" as const]]), withFile: new Set([id]), previous: new Map() });
    expect(view).toMatchObject({ id, fileName: "山手10医院.xlsx", decision, how: "copied", canMarkUp: true, comparison: undefined });
    const [without] = submissionViews({ checked, decisions: new Map(), profile: DEFAULT_PROFILE, how: new Map(), withFile: new Set(), previous: new Map() });
    expect(without).toMatchObject({ decision: initialDecision(), how: undefined, canMarkUp: false });
  });
});
