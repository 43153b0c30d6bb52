import { readFileSync } from "node:fs";
import { DEFAULT_PROFILE, findForms, mastersFromSheets, readXlsx, searchPreference, checkFormSheet, messageOf, type MasterIndex, type MasterSet, type SheetData } from "../../../src/domain";
import { generateMasters, masterSetOf } from "../../support/generate-masters";
import { SAMPLE_FORM } from "../../support/samples";

/** The application form of samples/ with its master sheets, as the pane reads them. */
let sheets: SheetData[];
let masters: MasterSet;

beforeAll(() => {
  const read = readXlsx(new Uint8Array(readFileSync(SAMPLE_FORM)), "application-form.xlsx");
  if (!read.ok) throw new Error("samples/application-form.xlsx unreadable");
  sheets = read.sheets;
  masters = Object.fromEntries(mastersFromSheets(sheets, DEFAULT_PROFILE, "application-form.xlsx").map((m) => [m.kind, m.index]));
});

const names = (records: { name?: string }[]) => records.map((r) => r.name);
/** The form's own 保健所 (the sample's rows name 25654 and 06055). */
const formPrefer = () => searchPreference(masters.healthCenter, [], ["25654", "06055"]);

describe("search by several words (sample masters)", () => {
  it.each(["滋賀 中央", "しが ちゅうおう", "しが　ちゅうおう", "ちゅうおう しが", "ｼｶﾞ ﾁｭｳｵｳ", " しが  ちゅうおう "])("%s finds 滋賀県中央保健所 and only it", (q) => {
    expect(names(masters.healthCenter!.search(q))).toEqual(["滋賀県中央保健所"]);
  });

  it("each word must match: a word nobody has empties the list, whatever the others", () => {
    expect(masters.healthCenter!.search("しが ぬぬぬ")).toEqual([]);
    expect(masters.zensu!.search("山手 ぬぬぬ")).toEqual([]);
  });

  it("the 医療機関 picker's example (中央 病院) finds 中央…病院 in the 全数 and 定点 masters", () => {
    for (const m of [masters.zensu!, masters.teiten!]) {
      const found = names(m.search("中央 病院"));
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((n) => n!.includes("中央") && n!.includes("病院"))).toBe(true);
    }
    expect(masters.zensu!.search("チュウオウ").length).toBeGreaterThan(0);
  });

  it("a 都道府県 (kanji or reading) is a word too, from the address of an institution", () => {
    const found = masters.zensu!.search("山手 しがけん", 1000);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.prefecture === "滋賀県" && r.name!.includes("山手"))).toBe(true);
    expect(found.map((r) => r.code)).toContain("2513100103");
    expect(masters.zensu!.search("滋賀県 ヤマテ10").map((r) => r.code)).toContain("2513100103");
  });
});

describe("ordered by the form's jurisdiction, then match, then code (sample masters)", () => {
  it("ちゅうおう: the form's own 中央 保健所, then its 都道府県's, then the rest of the 47 by code", () => {
    expect(names(masters.healthCenter!.search("ちゅうおう", 3))).toEqual(["北海中央市保健所", "青森県中央保健所", "岩手県中央保健所"]);
    const found = masters.healthCenter!.search("ちゅうおう", { limit: 100, prefer: formPrefer() });
    expect(found.length).toBe(47);
    // 06055 (山形中央市保健所) is one the form names; 滋賀県中央保健所 is in the 都道府県 of 25654, the other.
    expect(names(found.slice(0, 2))).toEqual(["山形中央市保健所", "滋賀県中央保健所"]);
    const rest = found.slice(2).map((r) => r.code);
    expect(rest).toEqual([...rest].sort());
  });

  it("the nearest 保健所 (the row's institution's) comes before the form's", () => {
    const prefer = searchPreference(masters.healthCenter, ["25001"], ["25654"]);
    expect(masters.healthCenter!.search("しが", { prefer }).map((r) => r.code).slice(0, 2)).toEqual(["25001", "25654"]);
  });

  it("institutions of the form's 保健所 first, then of its 都道府県, then the rest; same-named ones told apart by 都道府県", () => {
    const prefer = searchPreference(masters.healthCenter, [], ["25654"]);
    const found = masters.zensu!.search("山手", { limit: 200, prefer });
    const tier = (r: { healthCenterCode?: string }) => prefer.findIndex((s) => s.has(r.healthCenterCode ?? "")) >>> 0;
    const tiers = found.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(found[0].code).toBe("2513100103");
    expect(found.every((r) => r.prefecture !== undefined && r.prefecture !== "")).toBe(true);
  });
});

describe("the K fix from AJ's institution (sample row 17)", () => {
  const row17 = (view: "reviewer" | "institution") => {
    const form = findForms(sheets, DEFAULT_PROFILE).forms[0];
    return checkFormSheet(form, DEFAULT_PROFILE, masters, view).rowFindings(17).find((f) => f.place.column === "K")!;
  };

  it("K17 (99999) names 山手10医院's 保健所 25654 and offers it as the fix", () => {
    const k = row17("reviewer");
    expect(k).toMatchObject({ code: "healthCenter.unknown", fix: "25654" });
    expect(messageOf(k)).toBe("保健所コード「99999」は保健所マスタにありません。所属機関（AJ列）「山手10医院」の保健所は25654（滋賀東市保健所）です。");
  });

  it("the institution's view says the same in its own words, with the same fix", () => {
    const k = row17("institution");
    expect(k).toMatchObject({ code: "healthCenter.unknown-ask", fix: "25654" });
    expect(messageOf(k)).toContain("「山手10医院」の保健所は25654（滋賀東市保健所）です");
  });
});

describe("generated large masters (180,000 全数 rows)", () => {
  let big: MasterSet;
  let zensu: MasterIndex;
  beforeAll(() => {
    big = masterSetOf(generateMasters({ zensuRows: 180000, teitenRows: 300 }));
    zensu = big.zensu!;
  });

  it("several words: every hit has each word in its name, kana or 都道府県; order of words does not matter", () => {
    const some = zensu.get(zensu.codes[150000])!;
    const word = some.name!.replace(/[0-9].*$/, "");
    const q = `${word} ${some.prefecture}`;
    const found = zensu.search(q, 50);
    expect(found.length).toBe(50);
    expect(found.every((r) => r.name!.includes(word) && r.prefecture === some.prefecture)).toBe(true);
    expect(zensu.search(`${some.prefecture}　${word}`, 50)).toEqual(found);
  });

  it("with the form's 保健所: its institutions first, then its 都道府県's, each tier by match then code", () => {
    const hc = big.healthCenter!;
    const center = hc.codes[200];
    const prefer = searchPreference(hc, [], [center]);
    const found = zensu.search("クリニック", { limit: 300, prefer });
    const tier = (r: { healthCenterCode?: string }) => prefer.findIndex((s) => s.has(r.healthCenterCode ?? "")) >>> 0;
    const tiers = found.map(tier);
    // Tier 0 (the row's own 保健所) is empty here: the form's 保健所 first.
    expect(tiers[0]).toBe(1);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers).toContain(2);
    for (const t of new Set(tiers)) {
      const codes = found.filter((r) => tier(r) === t).map((r) => r.code);
      // クリニック is in every name's middle or end, so each tier is one match rank: by code.
      expect(codes).toEqual([...codes].sort());
    }
  });
});
