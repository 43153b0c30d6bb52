import type { CellProblem, ProblemCode } from "../../src/domain";
import { fixLabel, kindLabel } from "../../src/taskpane/state/fix-kinds";

/** A finding with a fix; "required.missing" has no words of its own in the catalogue of fixes. */
const withFix = (fix: string, code: ProblemCode = "required.missing"): CellProblem => ({ place: { row: 5, column: "E" }, severity: "error", code, params: {}, fix });

describe("what a fix button says it does", () => {
  it("a kind with its own words says them", () => {
    expect(fixLabel(withFix("03-5555-1001", "phone.normalized"), "０３－５５５５－１００１")).toBe("全角の数字・ハイフンを半角にする");
    expect(fixLabel(withFix("09", "orgType.invalid"), "医療機関")).toBe("所属機関分類の名称をコードにする");
    expect(fixLabel(withFix("", "cell.formula-like"), "=1")).toBe("数式と解釈される値を消して空欄にする");
  });

  it("otherwise it shows the value: old → new when both are short, else the new value; an empty fix clears", () => {
    expect(fixLabel(withFix("09"), "医療機関（全数）")).toBe("「医療機関（全数）」を「09」に直す");
    expect(fixLabel(withFix("09"), "所属する医療機関は全数把握の対象です")).toBe("「09」に直す");
    expect(fixLabel(withFix("09"))).toBe("「09」に直す");
    expect(fixLabel(withFix("09"), "")).toBe("「09」に直す");
    expect(fixLabel(withFix(""), "abc")).toBe("空欄にする");
  });

  it("a kind of fix for まとめて修正 names the value when all its cells get the same one", () => {
    expect(kindLabel("required.missing", [withFix("09"), withFix("09")])).toBe("「09」に直す");
    expect(kindLabel("required.missing", [withFix("09"), withFix("11")])).toBe("セルごとに示した修正案の値に直す");
    expect(kindLabel("phone.normalized", [withFix("03-5555-1001", "phone.normalized")])).toBe("全角の数字・ハイフンを半角にする");
  });

  it("never falls back to the vague 修正案の値にする", () => {
    for (const label of [fixLabel(withFix("x")), fixLabel(withFix("")), kindLabel("required.missing", [withFix("a"), withFix("b")])]) {
      expect(label).not.toContain("修正案の値にする");
    }
  });
});

describe("where a one-click fix leaves the focus", () => {
  it("each shown finding names the one after it, the last the one before it", async () => {
    const { neighbours } = await import("../../src/taskpane/state/findings-view");
    const f = (row: number, column: string): CellProblem => ({ place: { row, column }, severity: "error", code: "required.missing", params: {} });
    const next = neighbours([
      { row: 14, status: "incomplete", findings: [f(14, "C"), f(14, "D")] },
      { row: 17, status: "incomplete", findings: [f(17, "K")] },
    ]);
    expect([...next]).toEqual([
      ["C14 required.missing", "D14 required.missing"],
      ["D14 required.missing", "K17 required.missing"],
      ["K17 required.missing", "D14 required.missing"],
    ]);
    expect(neighbours([{ row: 3, status: "incomplete", findings: [f(3, "B")] }]).get("B3 required.missing")).toBeUndefined();
  });
});
