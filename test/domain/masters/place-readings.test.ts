import { readFileSync } from "node:fs";
import { buildMasterIndex, DEFAULT_PROFILE, mastersFromSheets, MasterIndex, readXlsx, type Cell } from "../../../src/domain";
import { placeReadingKeys, prefectureOf, prefectureOfHealthCenter } from "../../../src/domain/masters/place-readings";
import { HEALTH_CENTER_SHEET, ZENSU_SHEET } from "../../support/form-rows";
import { SAMPLE_MASTERS } from "../../support/samples";

/** The 保健所マスタ of samples/masters.xlsx, as the pane and the CLI read it (no reading column). */
let sample: MasterIndex;

beforeAll(() => {
  const read = readXlsx(new Uint8Array(readFileSync(SAMPLE_MASTERS)), "masters.xlsx");
  if (!read.ok) throw new Error("samples/masters.xlsx unreadable");
  const hc = mastersFromSheets(read.sheets, DEFAULT_PROFILE, "masters.xlsx").find((m) => m.kind === "healthCenter");
  sample = hc!.index;
});

const names = (records: { name?: string }[]) => records.map((r) => r.name);

describe("placeReadingKeys", () => {
  it("reads a name cut into 都道府県・words, with and without the 都道府県 suffix", () => {
    expect(placeReadingKeys("青森県中央保健所")).toEqual(["あおもりけんちゅうおうほけんじょ", "あおもりちゅうおうほけんじょ"]);
    expect(placeReadingKeys("東京都北保健所")).toEqual(["とうきょうときたほけんじょ", "とうきょうきたほけんじょ"]);
    // longest match first: 東大阪 is one city, not 東 + 大阪
    expect(placeReadingKeys("東大阪市保健所")).toEqual(["ひがしおおさかしほけんじょ"]);
    expect(placeReadingKeys("北海道北保健所")).toEqual(["ほっかいどうきたほけんじょ", "ほっかいきたほけんじょ"]);
  });

  it("a part without a reading breaks the run; kana in the name is its own reading", () => {
    // 桜台 is not in the table: 山口県 and 保健所 are read apart
    expect(placeReadingKeys("山口県桜台保健所")).toEqual(["やまぐちけん", "やまぐち", "ほけんじょ"]);
    expect(placeReadingKeys("いわき市保健所")).toEqual(["いわきしほけんじょ"]);
    expect(placeReadingKeys("")).toEqual([]);
  });
});

describe("保健所マスタ without a reading column (samples/masters.xlsx)", () => {
  it("has no reading column, so the search uses the place-reading table", () => {
    expect(sample.attributes.kana).toBeUndefined();
    expect(sample.usesPlaceReadings).toBe(true);
  });

  it.each(["ちゅうおう", "チュウオウ", "ｱｵﾓﾘ", "あおもり", "あおもりけんちゅうおう", "あおもりちゅうおう"])("%s finds 青森県中央保健所", (q) => {
    expect(names(sample.search(q, 1000))).toContain("青森県中央保健所");
  });

  it("ちゅうおう finds every 中央 保健所 of the sample and no other", () => {
    const expected = sample.codes.map((c) => sample.get(c)!.name!).filter((n) => n.includes("中央"));
    expect(expected.length).toBeGreaterThan(40);
    expect(names(sample.search("ちゅうおう", 1000)).sort()).toEqual([...expected].sort());
  });

  it("a reading nobody has finds nothing; kanji and code search are as before", () => {
    expect(sample.search("ぬぬぬ")).toEqual([]);
    expect(sample.search("ちゅうおうにし")).toEqual([]);
    expect(names(sample.search("青森県中央"))).toEqual(["青森県中央保健所"]);
    const code = sample.codes[names(sample.codes.map((c) => sample.get(c)!)).indexOf("青森県中央保健所")];
    expect(sample.search(code)[0].name).toBe("青森県中央保健所");
  });

  it("a reading matches anywhere in a name's reading, as kana does for institutions", () => {
    const tokyo = names(sample.search("とうきょう", 1000));
    expect(tokyo.length).toBeGreaterThan(0);
    expect(tokyo.every((n) => n!.startsWith("東京"))).toBe(true);
    // きた is in あきた too: 秋田 comes up with the 北 保健所
    const kita = names(sample.search("きた", 1000));
    expect(kita).toEqual(expect.arrayContaining(["青森県北保健所", "秋田県中央保健所"]));
    expect(kita.every((n) => n!.includes("北") || n!.startsWith("秋田"))).toBe(true);
  });

  it("keeps the readings through plain data (the pane's worker builds the index)", () => {
    const copy = MasterIndex.fromData(structuredClone(sample.toData()));
    expect(copy.search("ちゅうおう", 1000)).toEqual(sample.search("ちゅうおう", 1000));
    expect(copy.usesPlaceReadings).toBe(true);
  });
});

describe("保健所マスタ with a reading column", () => {
  const withReadings = (header: string): MasterIndex => {
    const sheet: Cell[][] = HEALTH_CENTER_SHEET.map((r) => [...r]);
    sheet[0] = [...sheet[0], header];
    const readings = ["ほっかいちゅうおうしほけんじょ", "ミヤギケンチュウオウホケンジョ", "ﾔﾏｶﾞﾀﾁｭｳｵｳｼﾎｹﾝｼﾞｮ", "とうきょうとちゅうおう", "しがけんちゅうおう"];
    for (let i = 1; i < sheet.length; i++) sheet[i] = [...sheet[i], readings[i - 1] ?? ""];
    return buildMasterIndex("healthCenter", "hc.xlsx", sheet, DEFAULT_PROFILE);
  };

  it.each(["保健所名カナ", "よみ", "ふりがな", "カナ"])("finds the column by its header %s and searches it in any kana", (header) => {
    const m = withReadings(header);
    expect(m.usesPlaceReadings).toBe(false);
    expect(m.get("04033")?.kana).toBe("ミヤギケンチュウオウホケンジョ");
    expect(names(m.search("みやぎけん"))).toEqual(["宮城県中央保健所"]);
    expect(names(m.search("ﾐﾔｷﾞｹﾝ"))).toEqual(["宮城県中央保健所"]);
    expect(names(m.search("やまがたちゅうおう"))).toEqual(["山形中央市保健所"]);
    expect(names(m.search("チュウオウ")).length).toBe(5);
    expect(m.search("ぬぬぬ")).toEqual([]);
  });

  it("the column is optional: without its header no column is taken by position", () => {
    const m = buildMasterIndex("healthCenter", "hc.xlsx", HEALTH_CENTER_SHEET, DEFAULT_PROFILE);
    expect(m.attributes.kana).toBeUndefined();
    expect(m.get("04033")).not.toHaveProperty("kana");
  });

  it("institution masters keep their kana search and get no place readings", () => {
    const z = buildMasterIndex("zensu", "z.xlsx", ZENSU_SHEET, DEFAULT_PROFILE);
    expect(z.usesPlaceReadings).toBe(false);
    expect(names(z.search("やまて")).length).toBeGreaterThan(0);
  });
});

describe("prefectureOf", () => {
  it("the 都道府県 an address or a name begins with, spaces and full-width forms allowed", () => {
    expect(prefectureOf("滋賀県山手町11-2")).toEqual({ name: "滋賀県", reading: "しがけん" });
    expect(prefectureOf("　神奈川県中央町9-6")?.name).toBe("神奈川県");
    expect(prefectureOf(" 北海道中央町1")?.name).toBe("北海道");
    expect(prefectureOf("青森県中央保健所")?.reading).toBe("あおもりけん");
    expect(prefectureOf("北海中央市保健所")).toBeUndefined();
    expect(prefectureOf("")).toBeUndefined();
  });
});

describe("prefectureOfHealthCenter", () => {
  it("the 都道府県 of a 保健所コード is its first two digits, in the 都道府県コード order", () => {
    expect(prefectureOfHealthCenter("25654")).toEqual({ name: "滋賀県", reading: "しがけん" });
    expect(prefectureOfHealthCenter("01001")?.name).toBe("北海道");
    expect(prefectureOfHealthCenter("13101")?.name).toBe("東京都");
    expect(prefectureOfHealthCenter("47201")?.name).toBe("沖縄県");
    for (const notOne of ["48001", "00123", "2565", "256540", "ab654", ""]) expect(prefectureOfHealthCenter(notOne)).toBeUndefined();
  });
});
