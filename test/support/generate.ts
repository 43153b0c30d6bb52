/**
 * Deterministic (seeded) generators of realistic inputs for tests and the benchmark: masters in the layout of
 * samples/masters.xlsx and 別紙2 forms of any size whose rows are mostly complete, with a small share of the
 * problems real submissions have. Every generated problem is listed in `planted`, so a test can require the
 * engine to find exactly those. All people, institutions, numbers and addresses are invented.
 */
import { buildMasterIndex, DEFAULT_PROFILE, profileHeaderLabels, type Cell, type ProblemCode, type FormProfile, type FormRow, type MasterSet } from "../../src/domain";
import { personKey } from "../../src/domain/text/normalize";

// --- seeded randomness -------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
}

// --- vocabulary ----------------------------------------------------------------------------------------------

const PREFECTURES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
  "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
  "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
];
const CENTER_AREAS = ["中央", "東部", "西部", "南部", "北部", "中部", "東北", "西北", "南東", "南西"];

/** [kanji, katakana reading, romaji]; readings are unique so half-width kana names stay distinct. */
const SURNAMES: [string, string, string][] = [
  ["佐藤", "サトウ", "sato"], ["鈴木", "スズキ", "suzuki"], ["高橋", "タカハシ", "takahashi"], ["田中", "タナカ", "tanaka"],
  ["伊藤", "イトウ", "ito"], ["渡辺", "ワタナベ", "watanabe"], ["山本", "ヤマモト", "yamamoto"], ["中村", "ナカムラ", "nakamura"],
  ["小林", "コバヤシ", "kobayashi"], ["加藤", "カトウ", "kato"], ["吉田", "ヨシダ", "yoshida"], ["山田", "ヤマダ", "yamada"],
  ["佐々木", "ササキ", "sasaki"], ["山口", "ヤマグチ", "yamaguchi"], ["松本", "マツモト", "matsumoto"], ["井上", "イノウエ", "inoue"],
  ["木村", "キムラ", "kimura"], ["林", "ハヤシ", "hayashi"], ["斎藤", "サイトウ", "saito"], ["清水", "シミズ", "shimizu"],
  ["山崎", "ヤマザキ", "yamazaki"], ["森", "モリ", "mori"], ["池田", "イケダ", "ikeda"], ["橋本", "ハシモト", "hashimoto"],
  ["阿部", "アベ", "abe"], ["石川", "イシカワ", "ishikawa"], ["山下", "ヤマシタ", "yamashita"], ["中島", "ナカジマ", "nakajima"],
  ["石井", "イシイ", "ishii"], ["小川", "オガワ", "ogawa"], ["前田", "マエダ", "maeda"], ["岡田", "オカダ", "okada"],
  ["長谷川", "ハセガワ", "hasegawa"], ["藤田", "フジタ", "fujita"], ["後藤", "ゴトウ", "goto"], ["近藤", "コンドウ", "kondo"],
  ["村上", "ムラカミ", "murakami"], ["遠藤", "エンドウ", "endo"], ["青木", "アオキ", "aoki"], ["坂本", "サカモト", "sakamoto"],
  ["斉木", "サイキ", "saiki"], ["福田", "フクダ", "fukuda"], ["太田", "オオタ", "ota"], ["西村", "ニシムラ", "nishimura"],
  ["藤井", "フジイ", "fujii"], ["金子", "カネコ", "kaneko"], ["岡本", "オカモト", "okamoto"], ["藤原", "フジワラ", "fujiwara"],
  ["中野", "ナカノ", "nakano"], ["三浦", "ミウラ", "miura"], ["原田", "ハラダ", "harada"], ["中川", "ナカガワ", "nakagawa"],
  ["松田", "マツダ", "matsuda"], ["竹内", "タケウチ", "takeuchi"], ["小野", "オノ", "ono"], ["田村", "タムラ", "tamura"],
  ["中山", "ナカヤマ", "nakayama"], ["和田", "ワダ", "wada"], ["石田", "イシダ", "ishida"], ["森田", "モリタ", "morita"],
  ["上田", "ウエダ", "ueda"], ["原", "ハラ", "hara"], ["内田", "ウチダ", "uchida"], ["柴田", "シバタ", "shibata"],
  ["酒井", "サカイ", "sakai"], ["宮崎", "ミヤザキ", "miyazaki"], ["横山", "ヨコヤマ", "yokoyama"], ["高木", "タカギ", "takagi"],
  ["安藤", "アンドウ", "ando"], ["宮本", "ミヤモト", "miyamoto"], ["大野", "オオノ", "ono2"], ["小島", "コジマ", "kojima"],
  ["谷口", "タニグチ", "taniguchi"], ["今井", "イマイ", "imai"], ["工藤", "クドウ", "kudo"], ["高田", "タカダ", "takada"],
  ["増田", "マスダ", "masuda"], ["丸山", "マルヤマ", "maruyama"], ["杉山", "スギヤマ", "sugiyama"], ["村田", "ムラタ", "murata"],
];
const GIVEN_NAMES: [string, string, string][] = [
  ["太郎", "タロウ", "taro"], ["花子", "ハナコ", "hanako"], ["翔", "ショウ", "sho"], ["恵", "メグミ", "megumi"],
  ["一郎", "イチロウ", "ichiro"], ["陽子", "ヨウコ", "yoko"], ["大輔", "ダイスケ", "daisuke"], ["美咲", "ミサキ", "misaki"],
  ["健太", "ケンタ", "kenta"], ["由美", "ユミ", "yumi"], ["直樹", "ナオキ", "naoki"], ["真由美", "マユミ", "mayumi"],
  ["誠", "マコト", "makoto"], ["久美子", "クミコ", "kumiko"], ["拓也", "タクヤ", "takuya"], ["智子", "トモコ", "tomoko"],
  ["健一", "ケンイチ", "kenichi"], ["裕子", "ユウコ", "yuko"], ["浩", "ヒロシ", "hiroshi"], ["明美", "アケミ", "akemi"],
  ["学", "マナブ", "manabu"], ["直美", "ナオミ", "naomi"], ["修", "オサム", "osamu"], ["幸子", "サチコ", "sachiko"],
  ["剛", "ツヨシ", "tsuyoshi"], ["香織", "カオリ", "kaori"], ["亮", "リョウ", "ryo"], ["麻衣", "マイ", "mai"],
  ["大樹", "ダイキ", "daiki"], ["彩", "アヤ", "aya"], ["悠人", "ユウト", "yuto"], ["結衣", "ユイ", "yui"],
  ["隆", "タカシ", "takashi"], ["純子", "ジュンコ", "junko"], ["和也", "カズヤ", "kazuya"], ["優奈", "ユウナ", "yuna"],
  ["達也", "タツヤ", "tatsuya"], ["愛", "アイ", "ai"], ["翼", "ツバサ", "tsubasa"], ["千尋", "チヒロ", "chihiro"],
  ["聡", "サトシ", "satoshi"], ["舞子", "マイコ", "maiko"], ["涼子", "リョウコ", "ryoko"], ["博之", "ヒロユキ", "hiroyuki"],
  ["典子", "ノリコ", "noriko"], ["勇気", "ユウキ", "yuki"], ["沙織", "サオリ", "saori"], ["慎一", "シンイチ", "shinichi"],
  ["奈々", "ナナ", "nana"], ["康介", "コウスケ", "kosuke"], ["理恵", "リエ", "rie"], ["秀樹", "ヒデキ", "hideki"],
  ["早紀", "サキ", "saki"], ["正和", "マサカズ", "masakazu"], ["瞳", "ヒトミ", "hitomi"], ["俊介", "シュンスケ", "shunsuke"],
  ["綾香", "アヤカ", "ayaka"], ["英明", "ヒデアキ", "hideaki"], ["春香", "ハルカ", "haruka"], ["雅人", "マサト", "masato"],
];
/** Variant characters (環境依存文字 / IBM extensions) people type for real surnames. */
const VARIANT_SURNAMES: [string, string][] = [
  ["髙橋", "タカハシ"], ["山﨑", "ヤマザキ"], ["𠮷田", "ヨシダ"], ["德永", "トクナガ"], ["宮﨑", "ミヤザキ"],
];
const GENERIC_NAMES = ["受付", "医事課　事務", "医局", "感染対策　担当者", "共用", "テスト"];
const PLACES: [string, string][] = [
  ["さくら台", "サクラダイ"], ["みなと", "ミナト"], ["青葉", "アオバ"], ["緑ヶ丘", "ミドリガオカ"], ["山手", "ヤマテ"],
  ["川辺", "カワベ"], ["朝日", "アサヒ"], ["若葉", "ワカバ"], ["旭町", "アサヒマチ"], ["本町", "ホンマチ"],
  ["栄", "サカエ"], ["日の出", "ヒノデ"], ["松風", "マツカゼ"], ["城山", "シロヤマ"], ["泉", "イズミ"],
  ["東山", "ヒガシヤマ"], ["西原", "ニシハラ"], ["南台", "ミナミダイ"], ["北野", "キタノ"], ["中央", "チュウオウ"],
];
const KINDS: [string, string, number][] = [
  ["病院", "ビョウイン", 1], ["総合病院", "ソウゴウビョウイン", 1], ["クリニック", "クリニック", 0], ["内科クリニック", "ナイカクリニック", 0],
  ["医院", "イイン", 0], ["診療所", "シンリョウジョ", 0], ["こどもクリニック", "コドモクリニック", 0], ["整形外科", "セイケイゲカ", 0],
];

// --- masters -------------------------------------------------------------------------------------------------

export interface GeneratedMasters {
  /** 保健所マスタ: A 都道府県コード, B 保健所コード, C 保健所名, D 都道府県名, E 設置主体, F 中核市名, G 中核市コード, H 電話番号. */
  healthCenter: Cell[][];
  /** 医療機関マスタ（全数）: A 医療機関コード, B 名称, C カナ, D 郵便番号, E 住所, F 電話番号, G 保健所コード, H 許可病床数. */
  zensu: Cell[][];
  /** 医療機関マスタ（定点）: A 医療機関コードhos_cd, B 名称, C カナ, D 住所, E 電話番号, F 保健所コード, G 病院・一般診療所区分. */
  teiten: Cell[][];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A fixed-line number valid for Japan (libphonenumber-js): 03/06 area, subscriber starting 3-6. */
function landline(d: Dice): string {
  return `${d.pick(["03", "06"])}-${3 + d.int(4)}${d.digits(3)}-${d.digits(4)}`;
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
function centers(healthCenter: readonly (readonly Cell[])[]): { code: string; pref: string; cityCode: string; prefName: string }[] {
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

// --- forms ---------------------------------------------------------------------------------------------------

/** A finding the generator put there on purpose: the engine must report exactly these. */
export interface PlantedProblem {
  row: number;
  column: string;
  code: ProblemCode;
}

export interface GeneratedForm {
  /** The whole sheet as a reader gives it: values[0] = sheet row 1 (title), values[2] = header row 3, data from row 4; columns A..AN. */
  values: Cell[][];
  headerRow: number;
  /** The data rows (sheet row numbers from 4), gap rows included as empty rows. */
  rows: FormRow[];
  /** Every error and warning the rows should give, sorted by row and column order. */
  planted: PlantedProblem[];
}

export interface FormOptions {
  seed?: number;
  /** Share of rows given one realistic problem (missing phone, full-width ＠, lost zero…). Default 0.05. */
  problemRate?: number;
  /** Share of 16 (定点) rows, each a planted warning. Default 0.04. */
  teitenRate?: number;
  /** Share of 11 (動物) rows with AJ blank, each a planted warning. Default 0.02. */
  animalRate?: number;
}

const PROBLEMS = [
  "phone.missing", "email.fullwidth", "phone.leading-zero-lost", "phone.normalized", "orgType.normalized",
  "healthCenter.unknown", "cityCode.mismatch", "name.halfwidth-kana", "name.non-jis", "name.generic",
  "name.duplicate", "tfa.shared", "institution.blank", "row.gap", "grey.has-value", "tfa.sms-needs-mobile", "code.zero-padded",
] as const;
type Problem = (typeof PROBLEMS)[number];

const COLUMN_OF = {
  name: 1, phone: 2, email: 3, orgType: 4, cityCode: 8, healthCenterCode: 10, downloadFlag: 32, institutionCode: 35, tfaPhone: 37, tfaEmail: 38, tfaMethod: 39,
} as const;
const LETTER: Record<number, string> = { 0: "A", 1: "B", 2: "C", 3: "D", 4: "E", 5: "F", 8: "I", 10: "K", 35: "AJ", 37: "AL", 38: "AM" };
const WIDTH = 40;

interface Person {
  name: string;
  kana: string;
  romaji: string;
}

/**
 * A filled 別紙2 form of `rows` data rows (sheet rows 4..3+rows) against the given masters. Each row is a real-looking
 * person at an institution of the masters (09 全数 mostly, some 16 定点 and 11 動物), with K and I that match the
 * 保健所マスタ, personal 2FA destinations and valid numbers; `problemRate` of the rows carry one planted problem.
 */
export function generateForm(rows: number, masters: GeneratedMasters, options: FormOptions = {}): GeneratedForm {
  const d = new Dice(seededRandom((options.seed ?? 1) + 303));
  const problemRate = options.problemRate ?? 0.05;
  const teitenRate = options.teitenRate ?? 0.04;
  const animalRate = options.animalRate ?? 0.02;
  const hcByCode = new Map(centers(masters.healthCenter).map((c) => [c.code, c]));
  const zensu = masters.zensu.slice(1);
  const teiten = masters.teiten.slice(1);
  const hcList = [...hcByCode.values()];

  const planted: PlantedProblem[] = [];
  const plant = (row: number, column: number, code: ProblemCode) => planted.push({ row, column: LETTER[column], code });
  const usedKeys = new Set<string>();
  /** Clean 09 rows using 2FA mail, each usable once as the original of a duplicate or a shared 2FA. */
  const sources: number[] = [];
  const sheetRows: Cell[][] = [];
  const first = 4;
  let combo = d.int(SURNAMES.length * GIVEN_NAMES.length);

  const nextPerson = (): Person => {
    combo = (combo + 7919) % (SURNAMES.length * GIVEN_NAMES.length);
    const [s, sk, sr] = SURNAMES[combo % SURNAMES.length];
    const [g, gk, gr] = GIVEN_NAMES[Math.floor(combo / SURNAMES.length)];
    return { name: `${s}　${g}`, kana: `${sk}　${gk}`, romaji: `${sr}.${gr}` };
  };

  for (let i = 0; i < rows; i++) {
    const row = first + i;
    const cells: Cell[] = new Array(WIDTH).fill(null);
    const roll = d.next();
    let orgType = "09";
    let institution: readonly Cell[] | undefined;
    let hc = hcList[d.int(hcList.length)];
    if (roll < teitenRate && teiten.length) {
      orgType = "16";
      institution = teiten[d.int(teiten.length)];
      hc = hcByCode.get(String(institution[5]))!;
    } else if (roll < teitenRate + animalRate) {
      orgType = "11";
    } else {
      institution = zensu[d.int(zensu.length)];
      hc = hcByCode.get(String(institution[6]))!;
    }
    const ajCode = institution ? String(institution[0]) : "";
    /** The duplicate-application key of a name in this row (AJ, or K when AJ is blank). */
    const keyOf = (name: string, blankAj = ajCode === "") => `${personKey(name)}|${orgType}|${blankAj ? `K:${hc.code}` : `AJ:${ajCode}`}`;
    /** A name from `make` that gives no accidental duplicate application. */
    const freeName = (make: () => string, blankAj?: boolean): string => {
      let name = make();
      for (let tries = 0; usedKeys.has(keyOf(name, blankAj)) && tries < 100; tries++) name = make();
      return name;
    };
    let person = nextPerson();
    for (let tries = 0; usedKeys.has(keyOf(person.name)) && tries < 100; tries++) person = nextPerson();
    const domain = `h${ajCode || hc.code}.example.jp`;
    const method = d.pick(["1", "1", "2", "3"]);
    cells[0] = i + 1;
    cells[COLUMN_OF.name] = person.name;
    cells[COLUMN_OF.phone] = landline(d);
    cells[COLUMN_OF.email] = `${person.romaji}.${row}@${domain}`;
    cells[COLUMN_OF.orgType] = orgType;
    cells[COLUMN_OF.cityCode] = hc.cityCode;
    cells[COLUMN_OF.healthCenterCode] = hc.code;
    cells[COLUMN_OF.downloadFlag] = d.pick(["0", "1"]);
    cells[COLUMN_OF.institutionCode] = ajCode;
    cells[COLUMN_OF.tfaMethod] = method;
    if (method === "1") cells[COLUMN_OF.tfaEmail] = `${person.romaji}.2fa.${row}@${domain}`;
    else cells[COLUMN_OF.tfaPhone] = `0${d.pick(["90", "80", "70"])}-${1000 + (Math.floor(row / 10000) % 9000)}-${pad(row % 10000, 4)}`;

    if (orgType === "11") plant(row, COLUMN_OF.institutionCode, "institution.blank");

    let problem: Problem | undefined = orgType === "09" && d.chance(problemRate) ? d.pick(PROBLEMS) : undefined;
    if ((problem === "name.duplicate" || problem === "tfa.shared") && sources.length === 0) problem = "phone.normalized";
    if (problem === "code.zero-padded" && !ajCode.startsWith("0")) problem = "phone.normalized";
    if (problem === "row.gap" && i === rows - 1) problem = "phone.missing";
    if (problem === "tfa.sms-needs-mobile" && method === "1") problem = "email.fullwidth";

    switch (problem) {
      case "phone.missing":
        cells[COLUMN_OF.phone] = null;
        plant(row, COLUMN_OF.phone, "required.missing");
        break;
      case "email.fullwidth":
        cells[COLUMN_OF.email] = String(cells[COLUMN_OF.email]).replace("@", "＠");
        plant(row, COLUMN_OF.email, "email.fullwidth");
        break;
      case "phone.leading-zero-lost":
        cells[COLUMN_OF.phone] = Number(String(cells[COLUMN_OF.phone]).replace(/-/g, ""));
        plant(row, COLUMN_OF.phone, "phone.leading-zero-lost");
        break;
      case "phone.normalized":
        cells[COLUMN_OF.phone] = String(cells[COLUMN_OF.phone]).replace(/[0-9-]/g, (c) => (c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
        plant(row, COLUMN_OF.phone, "phone.normalized");
        break;
      case "orgType.normalized":
        cells[COLUMN_OF.orgType] = 9;
        plant(row, COLUMN_OF.orgType, "orgType.normalized");
        break;
      case "healthCenter.unknown":
        cells[COLUMN_OF.healthCenterCode] = `${hc.pref}999`;
        plant(row, COLUMN_OF.healthCenterCode, "healthCenter.unknown");
        break;
      case "cityCode.mismatch":
        cells[COLUMN_OF.cityCode] = "999999";
        plant(row, COLUMN_OF.cityCode, "cityCode.mismatch");
        break;
      case "name.halfwidth-kana":
        cells[COLUMN_OF.name] = freeName(() => halfWidthKana(nextPerson().kana));
        plant(row, COLUMN_OF.name, "name.halfwidth-kana");
        break;
      case "name.non-jis":
        cells[COLUMN_OF.name] = freeName(() => `${d.pick(VARIANT_SURNAMES)[0]}　${nextPerson().name.split("　")[1]}`);
        plant(row, COLUMN_OF.name, "name.non-jis");
        break;
      case "name.generic":
        cells[COLUMN_OF.name] = freeName(() => `${d.pick(GENERIC_NAMES)}${d.chance(0.5) ? "" : String(1 + d.int(9))}`);
        plant(row, COLUMN_OF.name, "name.generic");
        break;
      case "name.duplicate": {
        const original = sheetRows[sources.splice(d.int(sources.length), 1)[0] - first];
        for (let c = 0; c < WIDTH; c++) if (c !== 0) cells[c] = original[c];
        plant(row, COLUMN_OF.name, "name.duplicate");
        break;
      }
      case "tfa.shared": {
        const originalRow = sources.splice(d.int(sources.length), 1)[0];
        const original = sheetRows[originalRow - first];
        // Different users share it: this row's person must not be the original's (one person may use one 2FA everywhere).
        if (personKey(String(original[COLUMN_OF.name])) === personKey(person.name)) cells[COLUMN_OF.name] = freeName(() => nextPerson().name);
        cells[COLUMN_OF.tfaMethod] = "1";
        cells[COLUMN_OF.tfaPhone] = null;
        cells[COLUMN_OF.tfaEmail] = original[COLUMN_OF.tfaEmail];
        plant(originalRow, COLUMN_OF.tfaEmail, "tfa.shared");
        plant(row, COLUMN_OF.tfaEmail, "tfa.shared");
        break;
      }
      case "institution.blank":
        cells[COLUMN_OF.institutionCode] = null;
        cells[COLUMN_OF.name] = freeName(() => nextPerson().name, true);
        plant(row, COLUMN_OF.institutionCode, "institution.blank");
        break;
      case "row.gap":
        cells.fill(null, 1);
        plant(row, 0, "row.gap");
        break;
      case "grey.has-value":
        cells[5] = d.pick(["なし", "済", "不要", "医師"]);
        plant(row, 5, "grey.has-value");
        break;
      case "tfa.sms-needs-mobile":
        cells[COLUMN_OF.tfaMethod] = "2";
        cells[COLUMN_OF.tfaPhone] = cells[COLUMN_OF.phone];
        plant(row, COLUMN_OF.tfaPhone, "tfa.sms-needs-mobile");
        break;
      case "code.zero-padded":
        cells[COLUMN_OF.institutionCode] = Number(ajCode);
        plant(row, COLUMN_OF.institutionCode, "code.zero-padded");
        break;
    }
    if (problem !== "row.gap" && problem !== "name.duplicate") usedKeys.add(keyOf(String(cells[COLUMN_OF.name]), cells[COLUMN_OF.institutionCode] === null || ajCode === ""));
    if (problem === undefined && orgType === "09" && method === "1") sources.push(row);
    sheetRows.push(cells);
  }

  const labels = profileHeaderLabels(DEFAULT_PROFILE);
  const items: Cell[] = new Array(WIDTH).fill(null);
  for (const f of Object.values(DEFAULT_PROFILE.fields)) items[columnOf(f.column)] = `項目${f.item}`;
  const values: Cell[][] = [["システム利用申請様式（医療機関等）"], items, ["No.", ...labels], ...sheetRows];
  const order = (p: PlantedProblem) => p.row * 100 + columnOf(p.column);
  planted.sort((a, b) => order(a) - order(b) || (a.code < b.code ? -1 : 1));
  const unique = planted.filter((p, i) => i === 0 || order(planted[i - 1]) !== order(p) || planted[i - 1].code !== p.code);
  return { values, headerRow: 3, rows: sheetRows.map((cells, i) => ({ row: first + i, cells })), planted: unique };
}

function columnOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function halfWidthKana(kana: string): string {
  return kana.replace("　", " ").replace(/[\u30a1-\u30f6\u30fc]/g, (c) => HALF_KANA[c] ?? c);
}

/** Full-width katakana → half-width (the reverse of NFKC for the kana the names use). */
const HALF_KANA: Record<string, string> = (() => {
  const full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
  const half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
  const map: Record<string, string> = {};
  [...full].forEach((c, i) => (map[c] = half[i]));
  const voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
  const base = "カキクケコサシスセソタチツテトハヒフヘホ";
  [...voiced].forEach((c, i) => (map[c] = map[base[i]] + "ﾞ"));
  const semi = "パピプペポ";
  [...semi].forEach((c, i) => (map[c] = map["ハヒフヘホ"[i]] + "ﾟ"));
  return map;
})();

// --- workbooks -----------------------------------------------------------------------------------------------

/**
 * An .xlsx of a generated form (sheet 申請様式) and, when given, the masters as extra sheets (保健所マスタ,
 * 医療機関マスタ（全数）, 医療機関マスタ（定点）), as a hospital would send it. Text stays text, numbers stay numbers.
 */
export async function formWorkbook(form: GeneratedForm, masters?: GeneratedMasters): Promise<Buffer> {
  const sheets: [string, Cell[][]][] = [["申請様式", form.values]];
  if (masters) sheets.push(...mastersSheets(masters));
  return workbookOf(sheets);
}

/** An .xlsx holding only the masters, like samples/masters.xlsx. */
export async function mastersWorkbook(masters: GeneratedMasters): Promise<Buffer> {
  return workbookOf(mastersSheets(masters));
}

function mastersSheets(masters: GeneratedMasters): [string, Cell[][]][] {
  return [
    ["保健所マスタ", masters.healthCenter],
    ["医療機関マスタ（全数）", masters.zensu],
    ["医療機関マスタ（定点）", masters.teiten],
  ];
}

async function workbookOf(sheets: [string, Cell[][]][]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const [name, values] of sheets) {
    const ws = wb.addWorksheet(name);
    values.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = typeof v === "object" ? { error: v.error as ExcelErrorValue } : v;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ExcelErrorValue = "#N/A" | "#REF!" | "#NAME?" | "#DIV/0!" | "#NULL!" | "#VALUE!" | "#NUM!";
