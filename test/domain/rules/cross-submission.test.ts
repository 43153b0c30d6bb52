import { messageOf, crossSubmissionFindings, type CellProblem } from "../../../src/domain";
import { checkRows, formRow, rowKeys } from "../../support/form-rows";

const flat = (m: Map<number, CellProblem[]> | undefined) => (m ? [...m.values()].flat() : []);

describe("checks across submissions (several forms reviewed together)", () => {
  it("the same person applying twice for the same institution: an error on the later file only, naming the first", () => {
    const a = checkRows([formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "s@example-hosp.jp" })]);
    const b = checkRows([formRow(4, { name: "高橋　翔", tfaEmail: "t@example-hosp.jp" }), formRow(5, { name: "佐藤 太郎" })]);
    const out = crossSubmissionFindings([
      { source: "a.xlsx:申請様式", checker: a },
      { source: "b.xlsx:申請様式", checker: b },
    ]);
    expect(out.get(0)).toBeUndefined();
    const later = flat(out.get(1));
    expect(rowKeys(later)).toEqual(["5 B name.duplicate-other-file"]);
    expect(later[0].severity).toBe("error");
    expect(messageOf(later[0])).toContain("a.xlsx:申請様式");
    expect(messageOf(later[0])).toContain("4行目");
  });

  it("same name + institution in another file with no contact in common: a warning (two people of one name)", () => {
    const a = checkRows([formRow(4, { name: "佐藤　翔" })]);
    const b = checkRows([formRow(4, { name: "佐藤　翔", email: "sho2@example-hosp.jp", tfaEmail: "sho2.2fa@example-hosp.jp" })]);
    const later = flat(crossSubmissionFindings([{ source: "a", checker: a }, { source: "b", checker: b }]).get(1));
    expect(rowKeys(later)).toEqual(["4 B name.same-name-other-file"]);
    expect(later[0].severity).toBe("warning");
    expect(messageOf(later[0])).toContain("「a」の4行目");
  });

  it("within the later file only its first such row is flagged (its own checker reports the rest)", () => {
    const a = checkRows([formRow(4)]);
    const b = checkRows([formRow(4), formRow(5, { tfaEmail: "t@example-hosp.jp" })]);
    const out = crossSubmissionFindings([
      { source: "a", checker: a },
      { source: "b", checker: b },
    ]);
    expect(rowKeys(flat(out.get(1)))).toEqual(["4 B name.duplicate-other-file"]);
    expect(rowKeys(b.result().findings)).toEqual(["5 B name.duplicate"]);
  });

  it("a third file is flagged against the first", () => {
    const subs = ["a", "b", "c"].map((source) => ({ source, checker: checkRows([formRow(4)]) }));
    const out = crossSubmissionFindings(subs);
    expect(messageOf(flat(out.get(1))[0])).toContain("「a」");
    expect(messageOf(flat(out.get(2))[0])).toContain("「a」");
  });

  it("one person in two institutions across files is fine", () => {
    const a = checkRows([formRow(4)]);
    const b = checkRows([formRow(4, { institutionCode: "0400000001", healthCenterCode: "04033", cityCode: "040000" })]);
    expect(crossSubmissionFindings([{ source: "a", checker: a }, { source: "b", checker: b }]).size).toBe(0);
  });

  it("a 2FA destination used by different people in different files: a warning in each file naming the other", () => {
    const a = checkRows([formRow(4, { tfaEmail: "ward@example-hosp.jp" })]);
    const b = checkRows([formRow(6, { name: "鈴木　花子", tfaEmail: "ward@example-hosp.jp" })]);
    const out = crossSubmissionFindings([
      { source: "a.xlsx", checker: a },
      { source: "b.xlsx", checker: b },
    ]);
    const inA = flat(out.get(0));
    const inB = flat(out.get(1));
    expect(rowKeys(inA)).toEqual(["4 AM tfa.shared-other-file"]);
    expect(rowKeys(inB)).toEqual(["6 AM tfa.shared-other-file"]);
    expect(inA[0].severity).toBe("warning");
    expect(messageOf(inA[0])).toContain("「b.xlsx」6行目");
    expect(messageOf(inB[0])).toContain("「a.xlsx」4行目");
  });

  it("the same person's 2FA in two files (two institutions) is not shared", () => {
    const a = checkRows([formRow(4)]);
    const b = checkRows([formRow(4, { institutionCode: "0400000001", healthCenterCode: "04033", cityCode: "040000" })]);
    expect(crossSubmissionFindings([{ source: "a", checker: a }, { source: "b", checker: b }]).size).toBe(0);
  });

  it("a single submission gives nothing across files", () => {
    const a = checkRows([formRow(4), formRow(5)]);
    expect(crossSubmissionFindings([{ source: "a", checker: a }]).size).toBe(0);
  });
});
