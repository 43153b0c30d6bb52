import { formReadiness } from "../../../src/domain";
import { checkRows, formRow } from "../../support/form-rows";

describe("formReadiness: can this form be submitted (the rule lives in the domain)", () => {
  it("names the errors, incomplete and gap rows when it cannot", () => {
    const checker = checkRows([
      formRow(4),
      formRow(5, { name: "鈴木　一郎", phone: null, email: "s@example-hosp.jp", tfaEmail: "s2@example-hosp.jp" }),
      formRow(7, { name: "高橋　花子", phone: "０３－５５５５－１００２", email: "t@example-hosp.jp", tfaEmail: "t2@example-hosp.jp" }),
      formRow(8, { name: "田中　次郎", healthCenterCode: "99999", email: "d@example-hosp.jp", tfaEmail: "d2@example-hosp.jp" }),
    ]);
    expect(formReadiness(checker.result())).toEqual({ ready: false, text: "提出前に修正が必要です：エラー 3件（未完了 2行・空行 1行）", heldRows: 0 });
  });

  it("says it can be submitted, with the warnings to look at", () => {
    const clean = checkRows([formRow(4), formRow(5, { name: "鈴木　一郎", phone: "０３－５５５５－１００２", email: "s@example-hosp.jp", tfaEmail: "s2@example-hosp.jp" })]);
    expect(formReadiness(clean.result())).toEqual({ ready: true, text: "提出できます：全2行が完了（警告 1件は内容を確認してください）", heldRows: 0 });
  });

  it("never says 提出できます alone when a warning keeps a row out of the registration CSV (blank AJ)", () => {
    const held = checkRows([formRow(4), formRow(5, { name: "鈴木　一郎", email: "s@example-hosp.jp", tfaEmail: "s2@example-hosp.jp", institutionCode: null })]);
    expect(held.result().findings.map((f) => f.code)).toContain("institution.blank");
    const r = formReadiness(held.result());
    expect(r.ready).toBe(true);
    expect(r.heldRows).toBe(1);
    expect(r.text).toContain("1行は警告の点が済むまでアカウントが発行されません（登録用CSVに出力されません）");
  });

  it("has nothing to submit on an empty form", () => {
    expect(formReadiness(checkRows([]).result())).toEqual({ ready: false, text: "申請する行がまだありません。", heldRows: 0 });
  });
});
