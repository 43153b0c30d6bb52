import { foldForMatch, trimSpaces } from "../text/normalize";

/**
 * Readings (hiragana) of the place names and words 保健所 names are made of, for masters without a reading column
 * (the official 保健所マスタ has none): the 47 都道府県 (with and without 都/道/府/県), the 20 政令指定都市, the 中核市,
 * the 23 特別区 and the common words of 保健所 names. Only readings that are certain; a name part not in the table
 * simply has no reading (its kanji still match).
 *
 * A 都道府県 with its suffix carries its reading without the suffix as well, so that あおもりちゅうおう finds
 * 青森県中央保健所 as あおもりけんちゅうおう does.
 */
const PREFECTURES: readonly [name: string, suffix: string, reading: string, suffixReading: string][] = [
  ["北海", "道", "ほっかい", "どう"],
  ["青森", "県", "あおもり", "けん"],
  ["岩手", "県", "いわて", "けん"],
  ["宮城", "県", "みやぎ", "けん"],
  ["秋田", "県", "あきた", "けん"],
  ["山形", "県", "やまがた", "けん"],
  ["福島", "県", "ふくしま", "けん"],
  ["茨城", "県", "いばらき", "けん"],
  ["栃木", "県", "とちぎ", "けん"],
  ["群馬", "県", "ぐんま", "けん"],
  ["埼玉", "県", "さいたま", "けん"],
  ["千葉", "県", "ちば", "けん"],
  ["東京", "都", "とうきょう", "と"],
  ["神奈川", "県", "かながわ", "けん"],
  ["新潟", "県", "にいがた", "けん"],
  ["富山", "県", "とやま", "けん"],
  ["石川", "県", "いしかわ", "けん"],
  ["福井", "県", "ふくい", "けん"],
  ["山梨", "県", "やまなし", "けん"],
  ["長野", "県", "ながの", "けん"],
  ["岐阜", "県", "ぎふ", "けん"],
  ["静岡", "県", "しずおか", "けん"],
  ["愛知", "県", "あいち", "けん"],
  ["三重", "県", "みえ", "けん"],
  ["滋賀", "県", "しが", "けん"],
  ["京都", "府", "きょうと", "ふ"],
  ["大阪", "府", "おおさか", "ふ"],
  ["兵庫", "県", "ひょうご", "けん"],
  ["奈良", "県", "なら", "けん"],
  ["和歌山", "県", "わかやま", "けん"],
  ["鳥取", "県", "とっとり", "けん"],
  ["島根", "県", "しまね", "けん"],
  ["岡山", "県", "おかやま", "けん"],
  ["広島", "県", "ひろしま", "けん"],
  ["山口", "県", "やまぐち", "けん"],
  ["徳島", "県", "とくしま", "けん"],
  ["香川", "県", "かがわ", "けん"],
  ["愛媛", "県", "えひめ", "けん"],
  ["高知", "県", "こうち", "けん"],
  ["福岡", "県", "ふくおか", "けん"],
  ["佐賀", "県", "さが", "けん"],
  ["長崎", "県", "ながさき", "けん"],
  ["熊本", "県", "くまもと", "けん"],
  ["大分", "県", "おおいた", "けん"],
  ["宮崎", "県", "みやざき", "けん"],
  ["鹿児島", "県", "かごしま", "けん"],
  ["沖縄", "県", "おきなわ", "けん"],
];

/** 政令指定都市 (20) not already a 都道府県 name above (千葉・新潟・静岡・京都・大阪・岡山・広島・福岡・熊本 are). */
const DESIGNATED_CITIES: Record<string, string> = {
  札幌: "さっぽろ",
  仙台: "せんだい",
  横浜: "よこはま",
  川崎: "かわさき",
  相模原: "さがみはら",
  浜松: "はままつ",
  名古屋: "なごや",
  堺: "さかい",
  神戸: "こうべ",
  北九州: "きたきゅうしゅう",
};

/** 中核市 not already a name above (青森・秋田・山形・福島・富山・福井・長野・岐阜・奈良・和歌山・鳥取・高知・長崎・大分・宮崎・鹿児島 are). */
const CORE_CITIES: Record<string, string> = {
  旭川: "あさひかわ",
  函館: "はこだて",
  八戸: "はちのへ",
  盛岡: "もりおか",
  郡山: "こおりやま",
  水戸: "みと",
  宇都宮: "うつのみや",
  前橋: "まえばし",
  高崎: "たかさき",
  川越: "かわごえ",
  川口: "かわぐち",
  越谷: "こしがや",
  船橋: "ふなばし",
  柏: "かしわ",
  八王子: "はちおうじ",
  横須賀: "よこすか",
  金沢: "かなざわ",
  甲府: "こうふ",
  松本: "まつもと",
  豊橋: "とよはし",
  岡崎: "おかざき",
  豊田: "とよた",
  一宮: "いちのみや",
  大津: "おおつ",
  豊中: "とよなか",
  吹田: "すいた",
  高槻: "たかつき",
  枚方: "ひらかた",
  八尾: "やお",
  寝屋川: "ねやがわ",
  東大阪: "ひがしおおさか",
  姫路: "ひめじ",
  尼崎: "あまがさき",
  明石: "あかし",
  西宮: "にしのみや",
  松江: "まつえ",
  倉敷: "くらしき",
  呉: "くれ",
  福山: "ふくやま",
  下関: "しものせき",
  高松: "たかまつ",
  松山: "まつやま",
  久留米: "くるめ",
  佐世保: "させぼ",
  那覇: "なは",
};

/** 特別区 (23); 中央 and 北 are common words below as well. */
const SPECIAL_WARDS: Record<string, string> = {
  千代田: "ちよだ",
  中央: "ちゅうおう",
  港: "みなと",
  新宿: "しんじゅく",
  文京: "ぶんきょう",
  台東: "たいとう",
  墨田: "すみだ",
  江東: "こうとう",
  品川: "しながわ",
  目黒: "めぐろ",
  大田: "おおた",
  世田谷: "せたがや",
  渋谷: "しぶや",
  中野: "なかの",
  杉並: "すぎなみ",
  豊島: "としま",
  北: "きた",
  荒川: "あらかわ",
  板橋: "いたばし",
  練馬: "ねりま",
  足立: "あだち",
  葛飾: "かつしか",
  江戸川: "えどがわ",
};

/** Words 保健所 names are built from. */
const WORDS: Record<string, string> = {
  中央: "ちゅうおう",
  東: "ひがし",
  西: "にし",
  南: "みなみ",
  北: "きた",
  緑: "みどり",
  保健所: "ほけんじょ",
  保健: "ほけん",
  福祉: "ふくし",
  健康: "けんこう",
  衛生: "えいせい",
  環境: "かんきょう",
  事務所: "じむしょ",
  支所: "ししょ",
  振興局: "しんこうきょく",
  市: "し",
  県: "けん",
  都: "と",
  府: "ふ",
  道: "どう",
  区: "く",
  郡: "ぐん",
  立: "りつ",
  市立: "しりつ",
  県立: "けんりつ",
};

interface Entry {
  /** Reading of the whole entry (e.g. あおもりけん). */
  reading: string;
  /** Reading without a 都道府県 suffix (あおもり), when it differs. */
  short?: string;
}

let table: Map<string, Entry> | undefined;
let longest = 0;

function readingTable(): Map<string, Entry> {
  if (table) return table;
  const t = new Map<string, Entry>();
  const add = (name: string, reading: string, short?: string) => {
    t.set(name, short === undefined ? { reading } : { reading, short });
    longest = Math.max(longest, name.length);
  };
  for (const words of [WORDS, SPECIAL_WARDS, CORE_CITIES, DESIGNATED_CITIES]) {
    for (const [name, reading] of Object.entries(words)) add(name, reading);
  }
  for (const [name, suffix, reading, suffixReading] of PREFECTURES) {
    add(name, reading);
    add(name + suffix, reading + suffixReading, reading);
  }
  table = t;
  return t;
}

/** Hiragana, katakana and the long-vowel mark: kana in a name is its own reading. */
const KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/;

/**
 * Search keys from the readings of a place name (a 保健所名): the name is cut greedily into the longest entries
 * of the table, from left to right; each run of consecutive parts with a reading gives one key (the readings joined),
 * plus the same run with 都道府県 suffixes left out when it has one. Parts not in the table break a run.
 * 青森県中央保健所 → あおもりけんちゅうおうほけんじょ, あおもりちゅうおうほけんじょ. Keys are folded like queries.
 */
export function placeReadingKeys(name: string): string[] {
  const t = readingTable();
  const s = name.normalize("NFKC");
  const keys: string[] = [];
  let full = "";
  let short = "";
  const flush = () => {
    if (full !== "") {
      keys.push(full);
      if (short !== full) keys.push(short);
    }
    full = short = "";
  };
  let i = 0;
  while (i < s.length) {
    let entry: Entry | undefined;
    let len = Math.min(longest, s.length - i);
    for (; len > 0; len--) {
      entry = t.get(s.slice(i, i + len));
      if (entry) break;
    }
    if (entry) {
      full += entry.reading;
      short += entry.short ?? entry.reading;
      i += len;
    } else if (KANA.test(s[i])) {
      let j = i + 1;
      while (j < s.length && KANA.test(s[j]) && !t.has(s[j])) j++;
      const kana = foldForMatch(s.slice(i, j));
      full += kana;
      short += kana;
      i = j;
    } else {
      flush();
      i++;
    }
  }
  flush();
  return keys;
}

interface Prefecture {
  /** With its suffix: 滋賀県, 東京都, 北海道. */
  name: string;
  /** Hiragana, with the suffix's reading: しがけん. */
  reading: string;
}

let prefectures: Map<string, Prefecture> | undefined;

/** The 都道府県 of a 保健所コード: its first two digits are the 都道府県コード (25654 → 25 → 滋賀県). */
export function prefectureOfHealthCenter(code: string): Prefecture | undefined {
  if (!/^\d{5}$/.test(code)) return undefined;
  const entry = PREFECTURES[Number(code.slice(0, 2)) - 1];
  return entry ? { name: entry[0] + entry[1], reading: entry[2] + entry[3] } : undefined;
}

/** The 都道府県 a text (an address, a 保健所名, a 都道府県名 cell) begins with, e.g. 滋賀県山手町11-2 → 滋賀県. */
export function prefectureOf(text: string): Prefecture | undefined {
  if (!prefectures) {
    prefectures = new Map();
    for (const [name, suffix, reading, suffixReading] of PREFECTURES) prefectures.set(name + suffix, { name: name + suffix, reading: reading + suffixReading });
  }
  // Addresses are mostly kanji already: only text with spaces or half-width characters at its start is normalized.
  const c = text.charCodeAt(0);
  const s = c < 0x3000 || c === 0x3000 || c >= 0xff00 ? trimSpaces(text.normalize("NFKC")) : text;
  // 北海道・東京都・滋賀県 are 3 characters; 神奈川県・和歌山県・鹿児島県 are 4.
  return prefectures.get(s.slice(0, 3)) ?? prefectures.get(s.slice(0, 4));
}
