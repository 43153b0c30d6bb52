import "./support/jsdom-gaps";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { failureSentence } from "../../src/taskpane/state/office-errors";
import { PANE_FAILURES } from "../../src/taskpane/state/pane-failures";
import { highlightPlan } from "../../src/taskpane/state/highlight-plan";
import { groupFindings } from "../../src/taskpane/state/findings-view";
import { editsFor, fixKinds } from "../../src/taskpane/state/fix-kinds";
import { luminance, themeForOffice } from "../../src/taskpane/theme";
import { checkRows, formRow } from "../support/form-rows";

describe("theme follows Office", () => {
  it("dark Office body → dark Fluent theme; light, missing or malformed → light", () => {
    expect(themeForOffice("#1F1F1F")).toBe(webDarkTheme);
    expect(themeForOffice("#262626")).toBe(webDarkTheme);
    expect(themeForOffice("#FFFFFF")).toBe(webLightTheme);
    expect(themeForOffice("#E6E6E6")).toBe(webLightTheme);
    expect(themeForOffice(undefined)).toBe(webLightTheme);
    expect(themeForOffice("white")).toBe(webLightTheme);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});

describe("Office failures in Japanese", () => {
  it("maps Office error codes, keeps the Excel layer's Japanese message, and shows unknown English with its code", () => {
    expect(failureSentence(PANE_FAILURES.fix(), { code: "AccessDenied", message: "x" })).toBe("修正をセルに書き込めませんでした。ブックが保護されているか読み取り専用のため、変更できません。保護を解除してからお試しください。");
    expect(failureSentence(PANE_FAILURES.recheck(), new Error("シート「申請様式」が見つかりません。"))).toBe("再チェックできませんでした。シート「申請様式」が見つかりません。");
    expect(failureSentence(PANE_FAILURES.recheck(), { code: "Weird", message: "Something odd" })).toBe("再チェックできませんでした。（詳細：Weird Something odd）");
    expect(failureSentence(PANE_FAILURES.recheck(), undefined)).toBe("再チェックできませんでした。原因が分かりません。もう一度お試しください。");
  });

  it("every failure of the form tab is a whole sentence of its own, not an action with できませんでした glued on", () => {
    const sentences = Object.values(PANE_FAILURES).map((f) => f("申請様式"));
    for (const s of sentences) expect(s).toMatch(/^[^。]+(ませんでした|られませんでした)。$/);
    expect(sentences.filter((s) => /ことが|ができませんでした/.test(s))).toEqual([]);
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});

describe("what the pane derives from a check", () => {
  // Rows 4..8: complete, missing phone, gap, full-width digits (warning with a fix), unknown 保健所.
  const checker = checkRows([
    formRow(4),
    formRow(5, { name: "鈴木　一郎", phone: null, email: "s@example-hosp.jp", tfaEmail: "s2@example-hosp.jp" }),
    formRow(7, { name: "高橋　花子", phone: "０３－５５５５－１００２", email: "t@example-hosp.jp", tfaEmail: "t2@example-hosp.jp" }),
    formRow(8, { name: "田中　次郎", healthCenterCode: "99999", email: "d@example-hosp.jp", tfaEmail: "d2@example-hosp.jp" }),
  ]);

  it("a highlight plan resets each row, then colours A by status, the error cells pink and the warning-only cells yellow", () => {
    expect(highlightPlan(checker, [8, 4, 5, 6, 7, 4], "A")).toEqual({
      resetRows: [4, 5, 6, 7, 8],
      completeRows: [4, 7],
      // Started but not complete (a missing phone, an unknown 保健所): A has a colour too, never looks unchecked.
      incompleteRows: [5, 8],
      gapRows: [6],
      problemCells: ["C5", "K8"],
      // The full-width phone of row 7 is a warning (ご確認): yellow, its row still complete.
      warningCells: ["C7"],
    });
    // Rows below the data area are only reset (they were coloured before the area shrank).
    expect(highlightPlan(checker, [20], "A")).toEqual({ resetRows: [20], completeRows: [], incompleteRows: [], gapRows: [], problemCells: [], warningCells: [] });
  });

  it("groups findings by row and filters by severity", () => {
    const all = groupFindings(checker.result(), "all");
    expect(all.groups.map((g) => [g.row, g.status, g.findings.map((f) => f.place.column)])).toEqual([
      [5, "incomplete", ["C"]],
      [6, "gap", ["A"]],
      [8, "incomplete", ["K"]],
      // Errors lead: the warning-only row comes after every row with an error.
      [7, "complete", ["C"]],
    ]);
    expect(all.counts).toEqual({ all: 4, error: 3, warning: 1, info: 0 });
    expect(groupFindings(checker.result(), "warning").groups.map((g) => g.row)).toEqual([7]);
  });

  it("lists the fixes by kind, one edit per cell", () => {
    const kinds = fixKinds(checker.result());
    // K8 is unknown; AJ8's institution names its 保健所, the fix.
    expect(kinds.map((k) => [k.code, k.findings.length])).toEqual([["phone.normalized", 1], ["healthCenter.unknown", 1]]);
    expect(editsFor(kinds[0].findings)).toEqual([{ address: "C7", value: "03-5555-1002" }]);
    expect(editsFor(kinds[1].findings)).toEqual([{ address: "K8", value: "25654" }]);
  });
});
