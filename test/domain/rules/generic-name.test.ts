import { messageOf } from "../../../src/domain";
import { checkValid, keys } from "../../support/form-rows";

describe("利用者ごとのアカウント: generic names", () => {
  it.each(["受付", "事務", "医局", "担当者", "共用", "テスト", "総務課", "看護部　共有", "ﾃｽﾄ", "てすと", "TEST", "Admin", "受付　担当"])("%s is a warning on B", (name) => {
    const r = checkValid({ name });
    const generic = r.findings.filter((f) => f.code === "name.generic");
    expect(generic).toHaveLength(1);
    expect(generic[0]).toMatchObject({ place: { column: "B" }, severity: "warning" });
    expect(messageOf(generic[0])).toContain(name);
  });

  it("the institution's own name (from the master) is a warning", () => {
    const r = checkValid({ name: "山手10医院" });
    expect(keys(r.findings)).toEqual(["B:name.generic"]);
    expect(keys(checkValid({ name: "山手１０医院" }).findings)).toEqual(["B:name.generic"]);
  });

  it("personal names are not — a generic word inside a name part does not count (事務田, 医局長, 受付山)", () => {
    for (const name of ["佐藤　太郎", "事務田　花子", "医局長　太郎", "受付山 次郎", "総務田　三郎", "John Smith", "山手　一郎", "Testa Maria", "テスト山　花子"]) {
      expect(keys(checkValid({ name }).findings)).toEqual([]);
    }
  });

  it("a whole part of the name (split at spaces) is enough: 事務　花子, 田中 (受付)", () => {
    for (const name of ["事務　花子", "医局　太郎", "田中 受付", "テスト　ユーザー", "看護部　共有"]) {
      expect(keys(checkValid({ name }).findings)).toEqual(["B:name.generic"]);
    }
  });

  it("a name that is already an error is not also judged generic", () => {
    expect(keys(checkValid({ name: "受付①" }).findings)).toEqual(["B:name.non-jis"]);
  });
});
