import { messageOf, cellProblem, institutionFindings } from "../../../src/domain";
import { checkRows, formRow } from "../../support/form-rows";

describe("institutionFindings", () => {
  const checker = checkRows([
    formRow(4, { institutionCode: null }),
    formRow(5, { name: "鈴木　一郎", orgType: "16", institutionCode: "25100010", email: "suzuki@example-hosp.jp", tfaEmail: "suzuki.2fa@example-hosp.jp" }),
    formRow(6, { name: "田中　花子", healthCenterCode: "99999", email: "tanaka@example-hosp.jp", tfaEmail: "tanaka.2fa@example-hosp.jp" }),
  ]);
  const own = institutionFindings(checker, checker.result().findings);

  it("asks the institution directly for what the reviewer would collect, without the reviewer's instruction", () => {
    const blank = own.find((f) => f.code === "institution.blank-ask")!;
    expect(blank).toMatchObject({ place: { row: 4, column: "AJ" }, severity: "warning" });
    expect(messageOf(blank)).toContain("お知らせください：医療機関名称（カナ含む）、郵便番号・住所");
    expect(messageOf(blank)).not.toContain("聴取");
  });

  it("rewords an unknown 保健所コード for someone without the master, keeping the value", () => {
    expect(messageOf(own.find((f) => f.code === "healthCenter.unknown-ask")!)).toMatch(/^保健所コード「99999」が見つかりません。/);
  });

  it("leaves out what the institution cannot act on: the deferred type, other submissions, infos", () => {
    expect(own.map((f) => f.code)).not.toContain("orgType.deferred");
    const extra = [
      cellProblem(5, "B", "name.duplicate-other-file", { source: "other.xlsx", rows: 4 }),
      cellProblem(5, "AM", "tfa.shared-other-file", { places: "other.xlsx 4行目" }),
      { ...cellProblem(5, "B", "name.generic", { value: "受付" }), severity: "info" as const },
    ];
    expect(institutionFindings(checker, extra)).toEqual([]);
  });

  it("keeps every other finding as the catalogue words it", () => {
    const fullwidth = checkRows([formRow(4, { email: "ｓａｔｏ@example-hosp.jp" })]);
    const findings = fullwidth.result().findings;
    expect(institutionFindings(fullwidth, findings)).toEqual(findings);
  });
});
