import { messageOf, buildMasterIndex, checkNotices, DEFAULT_PROFILE } from "../../../src/domain";
import { checkRows, formRow, testMasters, ZENSU_SHEET } from "../../support/form-rows";

describe("notices about the whole check", () => {
  it("none when every master needed is loaded and clean", () => {
    const masters = testMasters();
    expect(checkNotices(checkRows([formRow(4)], masters), DEFAULT_PROFILE, masters)).toEqual([]);
  });

  it("保健所マスタ missing: K and I not verified", () => {
    const masters = testMasters("healthCenter");
    const notices = checkNotices(checkRows([formRow(4)], masters), DEFAULT_PROFILE, masters);
    expect(notices.map((n) => n.code)).toEqual(["master.missing"]);
    expect(messageOf(notices[0])).toContain("保健所マスタ");
    expect(messageOf(notices[0])).toContain("K列");
  });

  it("an institution master missing is named only when a row needs it", () => {
    const masters = testMasters("animal", "teiten");
    const rows = [formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "s@example-hosp.jp", orgType: "11", institutionCode: "A0400001" })];
    const notices = checkNotices(checkRows(rows, masters), DEFAULT_PROFILE, masters);
    expect(notices).toHaveLength(1);
    expect(messageOf(notices[0])).toContain("動物診療施設マスタ");
    expect(messageOf(notices[0])).toContain("11");
  });

  it("duplicate codes in a master are reported with their rows", () => {
    const sheet = [...ZENSU_SHEET, ["2513100103", "重複医院", "", "", "", "", "25654", 0]];
    const masters = { ...testMasters(), zensu: buildMasterIndex("zensu", "dup.xlsx", sheet, DEFAULT_PROFILE) };
    const notices = checkNotices(checkRows([formRow(4)], masters), DEFAULT_PROFILE, masters);
    expect(notices.map((n) => n.code)).toEqual(["master.duplicates"]);
    expect(messageOf(notices[0])).toContain("2513100103（2・6行目）");
    expect(messageOf(notices[0])).toContain("dup.xlsx");
  });
});
