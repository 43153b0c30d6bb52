import { buildMasterIndex, DEFAULT_PROFILE, describeMasters, MasterIndex, masterCode, type Cell } from "../../../src/domain";
import { HEALTH_CENTER_SHEET, TEITEN_SHEET, ZENSU_SHEET } from "../../support/form-rows";

const zensu = () => buildMasterIndex("zensu", "z.xlsx", ZENSU_SHEET, DEFAULT_PROFILE);

describe("MasterIndex", () => {
  it("looks codes up by their text; records carry the row and the named columns", () => {
    const m = zensu();
    expect(m.size).toBe(4);
    expect(m.has("2513100103")).toBe(true);
    expect(m.has("9999999999")).toBe(false);
    expect(m.get("2513100103")).toEqual({ code: "2513100103", row: 2, name: "山手10医院", kana: "ヤマテ10クリニック", healthCenterCode: "25654", prefecture: "滋賀県" });
    expect(m.get("0511500118")?.row).toBe(4);
    expect(m.get("511500118")).toBeUndefined();
  });

  it("survives plain data (a structured clone, as from the pane's worker): the same lookups, search and notices", () => {
    const m = zensu();
    const copy = MasterIndex.fromData(structuredClone(m.toData()));
    expect(copy).toBeInstanceOf(MasterIndex);
    expect(copy.size).toBe(m.size);
    expect(copy.get("2513100103")).toEqual(m.get("2513100103"));
    expect(copy.has("9999999999")).toBe(false);
    expect(copy.search("やまて")).toEqual(m.search("やまて"));
    expect(copy.search("25131")).toEqual(m.search("25131"));
    expect(copy.zeroPadded("511500118")).toBe(m.zeroPadded("511500118"));
    expect({ kind: copy.kind, label: copy.label, source: copy.source, notices: copy.notices, duplicates: copy.duplicates }).toEqual({
      kind: m.kind,
      label: m.label,
      source: m.source,
      notices: m.notices,
      duplicates: m.duplicates,
    });
  });

  it("keeps every row of a repeated code through plain data (保健所コード repeated across jurisdictions)", () => {
    const sheet: Cell[][] = [...HEALTH_CENTER_SHEET, ["14", "06055", "別管轄保健所", "神奈川県", "中核市", "別市", "142000", "04-1000-2000"]];
    const m = buildMasterIndex("healthCenter", "h", sheet, DEFAULT_PROFILE);
    const copy = MasterIndex.fromData(structuredClone(m.toData()));
    expect(copy.all("06055").map((r) => r.cityCode)).toEqual(["062059", "142000"]);
    expect(copy.all("06055")).toEqual(m.all("06055"));
    expect(copy.all("99999")).toEqual([]);
    // Data without its code table: the table is made again from the codes.
    const { codeTable, ...bare } = m.toData();
    expect(codeTable).toBeInstanceOf(Int32Array);
    const rebuilt = MasterIndex.fromData(bare);
    expect(m.codes.map((c) => rebuilt.get(c))).toEqual(m.codes.map((c) => m.get(c)));
    expect(rebuilt.has("99999")).toBe(false);
  });

  it("the 保健所マスタ gives 中核市コード (column G) by 保健所コード (column B)", () => {
    const hc = buildMasterIndex("healthCenter", "h", HEALTH_CENTER_SHEET, DEFAULT_PROFILE);
    expect(hc.get("06055")).toMatchObject({ code: "06055", cityCode: "062059", name: "山形中央市保健所" });
    expect(hc.codes).toEqual(["01000", "04033", "06055", "13125", "25654"]);
  });

  it("codes are compared after trim + NFKC; numeric master cells become their digits", () => {
    const m = buildMasterIndex("healthCenter", "h", [HEALTH_CENTER_SHEET[0], ["", " ０１０００ ", "", "", "", "", "012005"], ["", 25654, "", "", "", "", 253658]], DEFAULT_PROFILE);
    expect(m.codes).toEqual(["01000", "25654"]);
    expect(m.get("25654")?.cityCode).toBe("253658");
    expect(masterCode({ error: "#N/A" })).toBe("#N/A");
  });

  it("skips blank codes and the header", () => {
    const m = buildMasterIndex("zensu", "z", [...ZENSU_SHEET, [null, "名前だけ"], ["  "]], DEFAULT_PROFILE);
    expect(m.size).toBe(4);
  });

  it("finds columns by header label, wherever they are; falls back to the default letters without headers", () => {
    const moved: Cell[][] = [
      ["No.", "保健所コード", "医療機関名称", "医療機関名称カナ", "医療機関コード"],
      [1, "25654", "山手10医院", "ヤマテ", "2513100103"],
    ];
    const m = buildMasterIndex("zensu", "moved", moved, DEFAULT_PROFILE);
    expect(m.get("2513100103")).toEqual({ code: "2513100103", row: 2, name: "山手10医院", kana: "ヤマテ", healthCenterCode: "25654", prefecture: "滋賀県" });

    const headerless: Cell[][] = [
      ["コード", "名称", "カナ名", "", "", "", "所管"],
      ["2513100103", "山手10医院", "ヤマテ", "", "", "", "25654"],
    ];
    const d = buildMasterIndex("zensu", "plain", headerless, DEFAULT_PROFILE);
    expect(d.get("2513100103")).toMatchObject({ name: "山手10医院", healthCenterCode: "25654" });
  });

  it("header labels match after NFKC and trimming (半角 hos_cd, full-width parentheses, spaces)", () => {
    const m = buildMasterIndex("teiten", "t", [[" 医療機関コードｈｏｓ＿ｃｄ ", "医療機関名称"], ["06100005", "山手定点"]], DEFAULT_PROFILE);
    expect(m.get("06100005")?.name).toBe("山手定点");
  });

  it("reports duplicate codes with all their rows and keeps the first", () => {
    const sheet = [...ZENSU_SHEET, ["2513100103", "二重登録A"], ["0511500118", "二重登録B"], ["2513100103", "二重登録C"]];
    const m = buildMasterIndex("zensu", "z", sheet, DEFAULT_PROFILE);
    expect(m.duplicates).toEqual([
      { code: "2513100103", rows: [2, 6, 8] },
      { code: "0511500118", rows: [4, 7] },
    ]);
    expect(m.get("2513100103")?.name).toBe("山手10医院");
    expect(m.size).toBe(4);
  });

  it("a sheet read from a later row keeps real row numbers", () => {
    const m = new MasterIndex("zensu", "z", "z", ZENSU_SHEET.slice(1), { ...DEFAULT_PROFILE.masters.zensu, headerRow: 5 }, 5);
    expect(m.size).toBe(3);
    expect(m.get("0511500118")?.row).toBe(7);
  });

  it("zeroPadded: a numeric code's digits padded to a code length of the master", () => {
    const m = zensu();
    expect(m.codeLengths).toEqual([10]);
    expect(m.zeroPadded("511500118")).toBe("0511500118");
    expect(m.zeroPadded("999")).toBeUndefined();
    expect(m.zeroPadded("A1")).toBeUndefined();
    expect(m.zeroPadded("2513100103")).toBeUndefined();
  });

  it("describeMasters: one line per loaded master", () => {
    expect(describeMasters({ zensu: zensu(), teiten: buildMasterIndex("teiten", "t.csv", TEITEN_SHEET, DEFAULT_PROFILE) })).toEqual([
      { kind: "zensu", label: "医療機関マスタ（全数）", source: "z.xlsx", size: 4, duplicates: 0 },
      { kind: "teiten", label: "医療機関マスタ（定点）", source: "t.csv", size: 2, duplicates: 0 },
    ]);
  });
});

describe("MasterIndex.search (pickers)", () => {
  const m = zensu();
  const codes = (q: string) => m.search(q).map((r) => r.code);

  it("finds by name or kana with katakana / hiragana / half-width folded", () => {
    for (const q of ["ヤマテ", "やまて", "ﾔﾏﾃ", "山手", "ｸﾘﾆｯｸ"]) expect(codes(q)).toContain("2513100103");
    expect(codes("トウキョウ")).toEqual(["1313100200"]);
    expect(codes("とうきょう")).toEqual(["1313100200"]);
  });

  it("full-width digits and spaces in the query are folded", () => {
    expect(codes("２５１３")).toEqual(["2513100103"]);
    expect(codes("山手１０")).toEqual(["2513100103"]);
    expect(codes("宮城 みなと")).toEqual(["0400000001"]);
  });

  it("ranks an exact code, then code prefixes, then names starting with the query, then the rest, each by code", () => {
    const sheet: Cell[][] = [
      ZENSU_SHEET[0],
      ["300", "北病院", "キタビョウイン"],
      ["1", "病院北", "ビョウインキタ"],
      ["10", "南病院", "ミナミビョウイン"],
      ["2", "病院南", "ビョウインミナミ"],
    ];
    const x = buildMasterIndex("zensu", "x", sheet, DEFAULT_PROFILE);
    expect(x.search("1").map((r) => r.code)).toEqual(["1", "10"]);
    expect(x.search("病院").map((r) => r.code)).toEqual(["1", "2", "10", "300"]);
    expect(x.search("びょういん").map((r) => r.code)).toEqual(["1", "2", "10", "300"]);
  });

  it("an empty query finds nothing; the limit is respected", () => {
    expect(m.search("")).toEqual([]);
    expect(m.search("　")).toEqual([]);
    expect(m.search("病院", 1)).toHaveLength(1);
  });
});
