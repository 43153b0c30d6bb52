/**
 * Deterministic (seeded) masters in the layout of samples/masters.xlsx: 保健所マスタ, 医療機関マスタ（全数） and
 * 医療機関マスタ（定点）, of any size. All institutions, numbers and addresses are invented.
 */
import { buildMasterIndex, DEFAULT_PROFILE, type Cell, type FormProfile, type MasterSet } from "../../src/domain";
import { Dice, landline, pad, seededRandom } from "./generate-random";
import { CENTER_AREAS, KINDS, PLACES, PREFECTURES } from "./generate-vocabulary";

export interface GeneratedMasters {
  /** 保健所マスタ: A 都道府県コード, B 保健所コード, C 保健所名, D 都道府県名, E 設置主体, F 中核市名, G 中核市コード, H 電話番号. */
  healthCenter: Cell[][];
  /** 医療機関マスタ（全数）: A 医療機関コード, B 名称, C カナ, D 郵便番号, E 住所, F 電話番号, G 保健所コード, H 許可病床数. */
  zensu: Cell[][];
  /** 医療機関マスタ（定点）: A 医療機関コードhos_cd, B 名称, C カナ, D 住所, E 電話番号, F 保健所コード, G 病院・一般診療所区分. */
  teiten: Cell[][];
}

/** 保健所マスタ: `perPrefecture` centers in each of the 47 prefectures (470 by default, like the national master). */
export function generateHealthCenterMaster(seed = 1, perPrefecture = 10): Cell[][] {
  const d = new Dice(seededRandom(seed));
  const rows: Cell[][] = [["都道府県コード", "保健所コード", "保健所名", "都道府県名", "設置主体", "中核市名", "中核市コード", "電話番号"]];
  PREFECTURES.forEach((pref, p) => {
    const pc = pad(p + 1, 2);
    const stem = pref.replace(/[都道府県]$/, "");
    for (let i = 0; i < perPrefecture; i++) {
      const code = `${pc}${pad(100 + i * 7 + d.int(7), 3)}`;
      const area = CENTER_AREAS[i % CENTER_AREAS.length] + (i >= CENTER_AREAS.length ? String(Math.floor(i / CENTER_AREAS.length) + 1) : "");
      const core = i === 1;
      const city = `${stem}${area}市`;
      rows.push([pc, code, core ? `${city}保健所` : `${pref}${area}保健所`, pref, core ? "中核市" : "都道府県", core ? city : "", core ? `${pc}2${pad(d.int(100), 2)}${d.int(10)}` : `${pc}0000`, landline(d)]);
    }
  });
  return rows;
}

function institutionName(d: Dice, n: number): [string, string, number] {
  const [place, placeKana] = d.pick(PLACES);
  const [kind, kindKana, hospital] = d.pick(KINDS);
  const serial = n % 7 === 0 ? "" : String(1 + (n % 97));
  return [`${place}${serial}${kind}`, `${placeKana}${serial}${kindKana}`, hospital];
}

/** Health-center codes and the prefecture each belongs to, from a generated (or real-layout) 保健所マスタ. */
export function centers(healthCenter: readonly (readonly Cell[])[]): { code: string; pref: string; cityCode: string; prefName: string }[] {
  return healthCenter.slice(1).map((r) => ({ pref: String(r[0]), code: String(r[1]), prefName: String(r[3]), cityCode: String(r[6]) }));
}

/** 医療機関マスタ（全数）: `rows` institutions spread over the health centers; 10-digit codes that start with the prefecture. */
export function generateZensuMaster(rows: number, healthCenter: readonly (readonly Cell[])[], seed = 1): Cell[][] {
  const d = new Dice(seededRandom(seed + 101));
  const hcs = centers(healthCenter);
  const out: Cell[][] = [["医療機関コード", "医療機関名称", "医療機関名称カナ", "郵便番号", "住所", "電話番号", "保健所コード", "許可病床数"]];
  for (let i = 0; i < rows; i++) {
    const hc = hcs[d.int(hcs.length)];
    const [name, kana, hospital] = institutionName(d, i);
    const code = `${hc.pref}${pad(10000000 + i * 13 + d.int(13), 8)}`.slice(0, 10);
    out.push([code, name, kana, `${100 + d.int(900)}-${d.digits(4)}`, `${hc.prefName}${name.replace(/[0-9].*$/, "")}町${1 + d.int(20)}-${1 + d.int(30)}`, landline(d), hc.code, hospital ? 20 + d.int(500) : 0]);
  }
  return out;
}

/** 医療機関マスタ（定点）: 8-digit hos_cd codes that start with the prefecture. */
export function generateTeitenMaster(rows: number, healthCenter: readonly (readonly Cell[])[], seed = 1): Cell[][] {
  const d = new Dice(seededRandom(seed + 202));
  const hcs = centers(healthCenter);
  const out: Cell[][] = [["医療機関コードhos_cd", "医療機関名称", "医療機関名称カナ", "住所", "電話番号", "保健所コード", "病院・一般診療所区分"]];
  for (let i = 0; i < rows; i++) {
    const hc = hcs[d.int(hcs.length)];
    const [name, kana, hospital] = institutionName(d, i + 5);
    out.push([`${hc.pref}${pad(100000 + i, 6)}`, `定点${name}`, `テイテン${kana}`, `${hc.prefName}${name.replace(/[0-9].*$/, "")}町${1 + d.int(20)}`, landline(d), hc.code, hospital ? "病院" : "一般診療所"]);
  }
  return out;
}

export interface MasterSizes {
  seed?: number;
  /** Rows of 医療機関マスタ（全数）; the national master has about 180,000. Default 3,000 (as samples/masters.xlsx). */
  zensuRows?: number;
  /** Rows of 医療機関マスタ（定点）; about 5,000 nationally. Default 300. */
  teitenRows?: number;
}

export function generateMasters(options: MasterSizes = {}): GeneratedMasters {
  const seed = options.seed ?? 1;
  const healthCenter = generateHealthCenterMaster(seed);
  return {
    healthCenter,
    zensu: generateZensuMaster(options.zensuRows ?? 3000, healthCenter, seed),
    teiten: generateTeitenMaster(options.teitenRows ?? 300, healthCenter, seed),
  };
}

/** The generated masters indexed, as a check needs them. */
export function masterSetOf(masters: GeneratedMasters, profile: FormProfile = DEFAULT_PROFILE): MasterSet {
  return {
    healthCenter: buildMasterIndex("healthCenter", "generated:保健所マスタ", masters.healthCenter, profile),
    zensu: buildMasterIndex("zensu", "generated:医療機関マスタ（全数）", masters.zensu, profile),
    teiten: buildMasterIndex("teiten", "generated:医療機関マスタ（定点）", masters.teiten, profile),
  };
}
