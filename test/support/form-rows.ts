/**
 * Building blocks for domain tests: form rows as Excel gives them (Cell[] indexed by column, A = 0),
 * a small inline set of masters in the spec's layout, and short ways to read findings.
 */
import {
  buildMasterIndex,
  columnIndex,
  createCheckContext,
  DEFAULT_PROFILE,
  FormChecker,
  type Cell,
  type FieldKey,
  type CellProblem,
  type FormProfile,
  type FormRow,
  type MasterSet,
} from "../../src/domain";
import { checkRow, type RowResult } from "../../src/domain/check/check-row";

export const PROFILE = DEFAULT_PROFILE;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** Columns A..AN. */
export const WIDTH = 40;

/** A field key or a column letter (for grey columns and A). */
export type CellKey = FieldKey | string;

/** A complete, valid 09 (全数) row that uses 2FA by mail; every test starts from it and changes what it tests. */
export const VALID: Record<FieldKey, Cell> = {
  name: "佐藤　太郎",
  phone: "03-5555-1000",
  email: "sato@example-hosp.jp",
  orgType: "09",
  cityCode: "253658",
  healthCenterCode: "25654",
  downloadFlag: "0",
  institutionCode: "2513100103",
  tfaPhone: null,
  tfaEmail: "sato.2fa@example-hosp.jp",
  tfaMethod: "1",
};

function indexOf(key: CellKey, profile: FormProfile): number {
  const field = (profile.fields as Record<string, { column: string } | undefined>)[key];
  return columnIndex(field ? field.column : key);
}

/** Cells of one form row: the given values by field key or column letter, everything else empty (null). */
export function cells(values: Partial<Record<CellKey, Cell>>, profile: FormProfile = PROFILE): Cell[] {
  const out: Cell[] = new Array(WIDTH).fill(null);
  for (const [key, v] of Object.entries(values)) out[indexOf(key, profile)] = v as Cell;
  return out;
}

/** The valid row with some fields changed (null clears a field). */
export function validCells(changes: Partial<Record<CellKey, Cell>> = {}, profile: FormProfile = PROFILE): Cell[] {
  return cells({ ...VALID, ...changes }, profile);
}

export function formRow(row: number, changes: Partial<Record<CellKey, Cell>> = {}): FormRow {
  return { row, cells: validCells(changes) };
}

// --- masters (保健所マスタ B/G, 全数 A/G, 定点 A/F, 動物 A/D as in samples/masters.xlsx) ---

export const HEALTH_CENTER_SHEET: Cell[][] = [
  ["都道府県コード", "保健所コード", "保健所名", "都道府県名", "設置主体", "中核市名", "中核市コード", "電話番号"],
  ["01", "01000", "北海中央市保健所", "北海道", "中核市", "北海中央市", "012005", "03-1000-2000"],
  ["04", "04033", "宮城県中央保健所", "宮城県", "都道府県", "", "040000", "06-1003-2003"],
  ["06", "06055", "山形中央市保健所", "山形県", "中核市", "山形中央市", "062059", "08-1005-2005"],
  ["13", "13125", "東京都中央保健所", "東京都", "都道府県", "", "130000", "03-1012-2012"],
  ["25", "25654", "滋賀県中央保健所", "滋賀県", "都道府県", "", "253658", "07-1024-2024"],
];

export const ZENSU_SHEET: Cell[][] = [
  ["医療機関コード", "医療機関名称", "医療機関名称カナ", "郵便番号", "住所", "電話番号", "保健所コード", "許可病床数"],
  ["2513100103", "山手10医院", "ヤマテ10クリニック", "740-1010", "滋賀県山手町11-2", "07-3010-1070", "25654", 0],
  ["1313100200", "東京中央病院", "トウキョウチュウオウビョウイン", "100-0001", "東京都中央町1-1", "03-3000-2000", "13125", 120],
  ["0511500118", "緑11診療所", "ミドリ11クリニック", "663-1011", "秋田県緑町12-3", "08-3011-1077", "04033", 0],
  ["0400000001", "宮城みなと病院", "ミヤギミナトビョウイン", "980-0001", "宮城県港町1-1", "06-3000-0001", "04033", 50],
];

export const TEITEN_SHEET: Cell[][] = [
  ["医療機関コードhos_cd", "医療機関名称", "医療機関名称カナ", "住所", "電話番号", "保健所コード", "病院・一般診療所区分"],
  ["06100005", "山手定点5こどもクリニック", "ヤマテテイテン5", "山形県山手町6", "08-5005-6005", "06055", "一般診療所"],
  ["25100010", "滋賀定点病院", "シガテイテン", "滋賀県中央町1", "07-5010-6010", "25654", "病院"],
];

export const ANIMAL_SHEET: Cell[][] = [
  ["動物診療施設コード", "動物診療施設名称", "動物診療施設名称カナ", "保健所コード"],
  ["A0400001", "みやぎ動物病院", "ミヤギドウブツビョウイン", "04033"],
  ["A2500001", "しが動物病院", "シガドウブツビョウイン", "25654"],
];

/** The masters above; `without` leaves some out (to test "master not loaded"). */
export function testMasters(...without: (keyof MasterSet)[]): MasterSet {
  const all: MasterSet = {
    healthCenter: buildMasterIndex("healthCenter", "test:保健所マスタ", HEALTH_CENTER_SHEET, PROFILE),
    zensu: buildMasterIndex("zensu", "test:医療機関マスタ（全数）", ZENSU_SHEET, PROFILE),
    teiten: buildMasterIndex("teiten", "test:医療機関マスタ（定点）", TEITEN_SHEET, PROFILE),
    animal: buildMasterIndex("animal", "test:動物診療施設マスタ", ANIMAL_SHEET, PROFILE),
  };
  for (const k of without) delete all[k];
  return all;
}

const SHARED_MASTERS = testMasters();

/** Runs the row rules on one row (row 4 unless given). */
export function checkCells(rowCells: readonly Cell[], masters: MasterSet = SHARED_MASTERS, row = FIRST_DATA_ROW, profile: FormProfile = PROFILE): RowResult {
  return checkRow({ row, cells: rowCells }, createCheckContext(profile, masters));
}

/** Runs the row rules on the valid row with some fields changed. */
export function checkValid(changes: Partial<Record<CellKey, Cell>>, masters: MasterSet = SHARED_MASTERS): RowResult {
  return checkCells(validCells(changes), masters);
}

/** A full check of whole rows (row numbers given) with the test masters. */
export function checkRows(rows: readonly FormRow[], masters: MasterSet = SHARED_MASTERS, profile: FormProfile = PROFILE): FormChecker {
  const checker = new FormChecker(createCheckContext(profile, masters), HEADER_ROW);
  checker.reset(rows);
  return checker;
}

/** "K:healthCenter.unknown" style keys: column and code, the way the tests compare findings. */
export function keys(findings: readonly CellProblem[]): string[] {
  return findings.map((f) => `${f.place.column}:${f.code}`);
}

/** Findings with row: "17 K healthCenter.unknown". */
export function rowKeys(findings: readonly CellProblem[]): string[] {
  return findings.map((f) => `${f.place.row} ${f.place.column} ${f.code}`);
}

export function only(findings: readonly CellProblem[], code: string): CellProblem {
  const found = findings.filter((f) => f.code === code);
  if (found.length !== 1) throw new Error(`expected exactly one ${code}, got ${JSON.stringify(findings)}`);
  return found[0];
}
