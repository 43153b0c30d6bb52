/**
 * Deterministic (seeded) 別紙2 forms of any size against generated masters (generate-masters.ts): rows mostly complete,
 * with a small share of the problems real submissions have. Every generated problem is listed in `planted`, so a test
 * can require the engine to find exactly those. All people, institutions, numbers and addresses are invented.
 */
import { DEFAULT_PROFILE, profileHeaderLabels, type Cell, type FormRow, type ProblemCode } from "../../src/domain";
import { personKey } from "../../src/domain/text/normalize";
import { centers, type GeneratedMasters } from "./generate-masters";
import { Dice, landline, pad, seededRandom } from "./generate-random";
import { GENERIC_NAMES, GIVEN_NAMES, SURNAMES, VARIANT_SURNAMES } from "./generate-vocabulary";

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
