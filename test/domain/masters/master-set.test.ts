import { addMasters, DEFAULT_PROFILE, detectMasterKind, masterFromCsv, mastersFromSheets } from "../../../src/domain";
import { readWorkbook } from "../../../src/cli/read-workbook";
import { ANIMAL_SHEET, HEALTH_CENTER_SHEET, TEITEN_SHEET, ZENSU_SHEET } from "../../support/form-rows";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../../support/samples";

describe("detectMasterKind", () => {
  it("by sheet name, with full-/half-width parentheses and spaces folded", () => {
    expect(detectMasterKind("保健所マスタ", undefined, DEFAULT_PROFILE)).toBe("healthCenter");
    expect(detectMasterKind("医療機関マスタ（全数）", undefined, DEFAULT_PROFILE)).toBe("zensu");
    expect(detectMasterKind("医療機関マスタ(全数)", undefined, DEFAULT_PROFILE)).toBe("zensu");
    expect(detectMasterKind(" 医療機関マスタ (定点) ", undefined, DEFAULT_PROFILE)).toBe("teiten");
    expect(detectMasterKind("別紙3", undefined, DEFAULT_PROFILE)).toBe("zensu");
    expect(detectMasterKind("別紙4", undefined, DEFAULT_PROFILE)).toBe("teiten");
    expect(detectMasterKind("動物診療施設マスタ", undefined, DEFAULT_PROFILE)).toBe("animal");
    expect(detectMasterKind("申請様式", undefined, DEFAULT_PROFILE)).toBeUndefined();
  });

  it("by header when the name says nothing: hos_cd is 定点, 医療機関コード is 全数, 保健所コード + 中核市コード is 保健所", () => {
    expect(detectMasterKind("Sheet1", HEALTH_CENTER_SHEET[0], DEFAULT_PROFILE)).toBe("healthCenter");
    expect(detectMasterKind("Sheet1", ZENSU_SHEET[0], DEFAULT_PROFILE)).toBe("zensu");
    expect(detectMasterKind("Sheet1", TEITEN_SHEET[0], DEFAULT_PROFILE)).toBe("teiten");
    expect(detectMasterKind("Sheet1", ANIMAL_SHEET[0], DEFAULT_PROFILE)).toBe("animal");
    expect(detectMasterKind("Sheet1", ["保健所コード", "保健所名"], DEFAULT_PROFILE)).toBeUndefined();
    expect(detectMasterKind("Sheet1", ["利用者名", "連絡先電話番号"], DEFAULT_PROFILE)).toBeUndefined();
  });
});

describe("masters from sheets and CSV", () => {
  it("masterFromCsv: kind from the file name, else the header; values stay text (leading zeros kept)", () => {
    const csv = "\ufeff医療機関コードhos_cd,医療機関名称\r\n06100005,山手定点\r\n00100001,\"北,定点\"\r\n";
    const byName = masterFromCsv(csv, "C:\\data\\医療機関マスタ（定点）.csv", DEFAULT_PROFILE)!;
    expect(byName.kind).toBe("teiten");
    expect(byName.index.codes).toEqual(["06100005", "00100001"]);
    expect(byName.index.get("00100001")?.name).toBe("北,定点");
    expect(masterFromCsv(csv, "export.csv", DEFAULT_PROFILE)?.kind).toBe("teiten");
    expect(masterFromCsv("a,b\r\n1,2\r\n", "other.csv", DEFAULT_PROFILE)).toBeUndefined();
  });

  it("addMasters: a later source of a kind replaces an earlier one", () => {
    const first = mastersFromSheets([{ name: "保健所マスタ", values: HEALTH_CENTER_SHEET }], DEFAULT_PROFILE, "a.xlsx");
    const second = mastersFromSheets([{ name: "保健所マスタ", values: HEALTH_CENTER_SHEET.slice(0, 2) }], DEFAULT_PROFILE, "b.xlsx");
    const set = addMasters(addMasters({}, first), second);
    expect(set.healthCenter?.source).toBe("b.xlsx:保健所マスタ");
    expect(set.healthCenter?.size).toBe(1);
  });

  it("the sample workbooks: masters.xlsx and the form's own master sheets", async () => {
    const loaded = mastersFromSheets(await readWorkbook(SAMPLE_MASTERS), DEFAULT_PROFILE, "masters.xlsx");
    expect(loaded.map((m) => [m.kind, m.index.size, m.index.duplicates.length])).toEqual([
      ["healthCenter", 469, 0],
      ["zensu", 3000, 0],
      ["teiten", 300, 0],
    ]);
    const hc = loaded[0].index;
    expect(hc.get("25654")?.cityCode).toBe("253658");
    expect(hc.get("99999")).toBeUndefined();
    const zensu = loaded[1].index;
    expect(zensu.get("2513100103")).toMatchObject({ name: "山手10医院", healthCenterCode: "25654" });
    expect(zensu.search("ﾔﾏﾃ10").map((r) => r.code)).toContain("2513100103");
    const own = mastersFromSheets(await readWorkbook(SAMPLE_FORM), DEFAULT_PROFILE, "form.xlsx");
    expect(own.map((m) => m.kind)).toEqual(["healthCenter", "zensu", "teiten"]);
  });
});
