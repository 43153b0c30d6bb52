import { readFileSync } from "node:fs";
import { applicationRecords, checkFormSheet, DEFAULT_PROFILE, encodeText, mastersFromSheets, addMasters, matchAccounts, pairManually, readIssuedCsv, type ApplicationRecord, type IssuedAccount, type MatchResult, type Cell } from "../../../src/domain";
import { readWorkbook } from "../../../src/cli/read-workbook";
import { checkRows, formRow, type CellKey } from "../../support/form-rows";
import { SAMPLE_FORM, SAMPLE_ISSUED } from "../../support/samples";
import { findFormSheets } from "../../support/exceljs-sheets";

const HEADER = "利用者ID,利用者名,初期パスワード,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード";

/** Issued accounts from CSV lines (UTF-8), read the way the product reads them. */
function accounts(lines: string[], header = HEADER): IssuedAccount[] {
  const read = readIssuedCsv(encodeText([header, ...lines].join("\r\n") + "\r\n", "utf8"));
  if (read.status !== "ok") throw new Error(JSON.stringify(read.problems));
  if (read.problems.length) throw new Error(JSON.stringify(read.problems));
  return read.accounts;
}

/** Application records of form rows 4, 5, … with the given changes to the valid row. */
function records(...rows: Partial<Record<CellKey, Cell>>[]): ApplicationRecord[] {
  return applicationRecords("様式.xlsx:申請様式", checkRows(rows.map((changes, i) => formRow(4 + i, changes))));
}

function pairs(result: MatchResult): string[] {
  return result.matches.map((m) => `${m.account.userId}→${m.record.row} ${m.method}`);
}

describe("the sample: issued-accounts.csv against application-form.xlsx", () => {
  let result: MatchResult;
  beforeAll(async () => {
    const sheets = await readWorkbook(SAMPLE_FORM);
    const form = findFormSheets(sheets, DEFAULT_PROFILE)[0];
    const checker = checkFormSheet(form, DEFAULT_PROFILE, addMasters({}, mastersFromSheets(sheets, DEFAULT_PROFILE, SAMPLE_FORM)));
    const read = readIssuedCsv(readFileSync(SAMPLE_ISSUED));
    if (read.status !== "ok") throw new Error("sample CSV");
    result = matchAccounts(read.accounts, applicationRecords("application-form.xlsx:申請様式", checker));
  });

  it("pairs the 10 accounts with rows 4-13, the institution confirming all but the 11 (動物) row whose AJ is blank", () => {
    expect(pairs(result)).toEqual([
      "U230000→4 email-name-institution",
      "U230001→5 email-name-institution",
      "U230002→6 email-name-institution",
      "U230003→7 email-name-institution",
      "U230004→8 email-name-institution",
      "U230005→9 email-name-institution",
      "U230006→10 email-name-institution",
      "U230007→11 email-name-institution",
      "U230008→12 email-name-institution",
      "U230009→13 email-name",
    ]);
    expect(result.matches.every((m) => m.differences.length === 0)).toBe(true);
    expect(result.ambiguous).toEqual([]);
    expect(result.unmatchedAccounts).toEqual([]);
  });

  it("leaves the rows with errors (14, 15, 17) without an account, marked as such", () => {
    expect(result.unmatchedRecords.map((r) => [r.row, r.name, r.hasErrors])).toEqual([
      [14, "吉田　太郎", true],
      [15, "山田　美咲", true],
      [17, "佐々木　翔", true],
    ]);
  });

  it("carries what the mails need from the rows: 2FA method, account type, institution name from the master", () => {
    const m = result.matches[1].record;
    expect([m.email, m.orgType, m.institutionCode, m.institutionName, m.tfaMethod, m.tfaPhone]).toEqual([
      "suzuki.1@example-hosp.jp",
      "09",
      "2513100103",
      "山手10医院",
      "2",
      "090-1001-5001",
    ]);
  });
});

describe("matching by e-mail and name", () => {
  it("folds spaces, width and case: 佐藤太郎 / 佐藤　太郎, full-width or upper-case addresses", () => {
    const r = records({ name: "佐藤　太郎", email: "sato@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,佐藤太郎,Pass#word1,ＳＡＴＯ@Example-Hosp.JP,09,2513100103"]), r);
    expect(pairs(result)).toEqual(["U1→4 email-name-institution"]);
  });

  it("codes that lost their leading zeros in a spreadsheet still agree (9 = 09, 511500118 = 0511500118)", () => {
    const r = records({ institutionCode: "0511500118", healthCenterCode: "04033", cityCode: "040000" });
    const result = matchAccounts(accounts(["U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp,9,511500118"]), r);
    expect(pairs(result)).toEqual(["U1→4 email-name-institution"]);
  });

  it("two people with one e-mail address are told apart by name, never crossed", () => {
    const r = records({ name: "佐藤　太郎", email: "iryo@example-hosp.jp" }, { name: "鈴木　美咲", email: "iryo@example-hosp.jp", tfaEmail: "suzuki@example-hosp.jp" });
    const result = matchAccounts(
      accounts(["U2,鈴木　美咲,Pass#word2,iryo@example-hosp.jp,09,2513100103", "U1,佐藤　太郎,Pass#word1,iryo@example-hosp.jp,09,2513100103"]),
      r,
    );
    expect(pairs(result)).toEqual(["U2→5 email-name-institution", "U1→4 email-name-institution"]);
    expect(result.unmatchedRecords).toEqual([]);
  });

  it("without a name column, two people sharing an address are ambiguous: both candidates are offered, nothing is guessed", () => {
    const r = records({ name: "佐藤　太郎", email: "iryo@example-hosp.jp" }, { name: "鈴木　美咲", email: "iryo@example-hosp.jp", tfaEmail: "suzuki@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,Pass#word1,iryo@example-hosp.jp,09,2513100103", "U2,Pass#word2,iryo@example-hosp.jp,09,2513100103"], "利用者ID,初期パスワード,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード"), r);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous.map((a) => [a.account.userId, a.candidates.map((c) => c.row)])).toEqual([
      ["U1", [4, 5]],
      ["U2", [4, 5]],
    ]);
    expect(result.unmatchedRecords.map((x) => x.row)).toEqual([4, 5]);
  });

  it("one person with accounts at two institutions: each account goes to its institution's row", () => {
    const r = records({ institutionCode: "2513100103" }, { institutionCode: "1313100200", healthCenterCode: "13125", cityCode: "130000", tfaEmail: "sato.b@example-hosp.jp" });
    const result = matchAccounts(
      accounts(["U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp,09,1313100200", "U2,佐藤　太郎,Pass#word2,sato@example-hosp.jp,09,2513100103"]),
      r,
    );
    expect(pairs(result)).toEqual(["U1→5 email-name-institution", "U2→4 email-name-institution"]);
  });

  it("…and when the CSV has no institution column, both accounts are ambiguous between the two rows", () => {
    const r = records({ institutionCode: "2513100103" }, { institutionCode: "1313100200", healthCenterCode: "13125", cityCode: "130000", tfaEmail: "sato.b@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp", "U2,佐藤　太郎,Pass#word2,sato@example-hosp.jp"], "利用者ID,利用者名,初期パスワード,連絡先メールアドレス"), r);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous.map((a) => a.candidates.map((c) => c.row))).toEqual([
      [4, 5],
      [4, 5],
    ]);
  });

  it("a different account type or institution on both sides rules a pair out", () => {
    const r = records({});
    const result = matchAccounts(accounts(["U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp,16,06100005", "U2,佐藤　太郎,Pass#word2,sato@example-hosp.jp,09,1313100200"]), r);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous).toEqual([]);
    expect(result.unmatchedAccounts.map((a) => a.userId)).toEqual(["U1", "U2"]);
    expect(result.unmatchedRecords.map((x) => x.row)).toEqual([4]);
  });
});

describe("matching by institution when e-mail or name changed", () => {
  it("a renamed person (same address and institution) is paired, and the reviewer is told the names differ", () => {
    const r = records({ name: "佐藤　花子", email: "hanako@example-hosp.jp" }, { name: "鈴木　美咲", email: "suzuki@example-hosp.jp", tfaEmail: "suzuki.2fa@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,山本　花子,Pass#word1,hanako@example-hosp.jp,09,2513100103", "U2,鈴木　美咲,Pass#word2,suzuki@example-hosp.jp,09,2513100103"]), r);
    expect(pairs(result)).toEqual(["U1→4 email-institution", "U2→5 email-name-institution"]);
    expect(result.matches[0].differences).toEqual(["利用者名が異なります（発行結果: 山本　花子 ／ 申請様式: 佐藤　花子）"]);
  });

  it("a renamed person who shares the address with a colleague at the same institution is still found once the colleague is paired", () => {
    const r = records({ name: "佐藤　花子", email: "iryo@example-hosp.jp" }, { name: "鈴木　美咲", email: "iryo@example-hosp.jp", tfaEmail: "suzuki@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,山本　花子,Pass#word1,iryo@example-hosp.jp,09,2513100103", "U2,鈴木　美咲,Pass#word2,iryo@example-hosp.jp,09,2513100103"]), r);
    expect(pairs(result)).toEqual(["U1→4 email-institution", "U2→5 email-name-institution"]);
  });

  it("a changed address with the same name and institution is paired; the mail still goes to the form's address", () => {
    const r = records({ email: "old@example-hosp.jp" });
    const result = matchAccounts(accounts(["U1,佐藤　太郎,Pass#word1,new@example-hosp.jp,09,2513100103"]), r);
    expect(pairs(result)).toEqual(["U1→4 name-institution"]);
    expect(result.matches[0].differences[0]).toContain("メールアドレスが異なります（発行結果: new@example-hosp.jp ／ 申請様式: old@example-hosp.jp）");
  });

  it("a row two accounts fit strongly is not handed to a third that fits it weakly", () => {
    const r = records({});
    const result = matchAccounts(
      accounts([
        "U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp,09,2513100103",
        "U2,佐藤　太郎,Pass#word2,sato@example-hosp.jp,09,2513100103",
        "U3,佐藤　太郎,Pass#word3,other@example-hosp.jp,09,2513100103",
      ]),
      r,
    );
    expect(result.matches).toEqual([]);
    expect(result.ambiguous.map((a) => [a.account.userId, a.candidates.map((c) => c.row)])).toEqual([
      ["U1", [4]],
      ["U2", [4]],
      ["U3", [4]],
    ]);
  });
});

describe("unmatched on both sides, and the reviewer's own pairing", () => {
  const r = () =>
    records(
      { name: "佐藤　太郎", email: "sato@example-hosp.jp" },
      { name: "鈴木　美咲", email: "suzuki@example-hosp.jp", tfaEmail: "suzuki.2fa@example-hosp.jp" },
      { name: "高橋　翔", email: "takahashi@example-hosp.jp", tfaEmail: "takahashi.2fa@example-hosp.jp", phone: null },
    );
  const a = () =>
    accounts([
      "U1,佐藤　太郎,Pass#word1,sato@example-hosp.jp,09,2513100103",
      "U9,田中　恵,Pass#word9,tanaka@example-hosp.jp,09,2513100103",
      "U2,鈴木　美咲,Pass#word2,suzuki@example-hosp.jp,09,2513100103",
    ]);

  it("reports accounts without a row and rows without an account", () => {
    const result = matchAccounts(a(), r());
    expect(pairs(result)).toEqual(["U1→4 email-name-institution", "U2→5 email-name-institution"]);
    expect(result.unmatchedAccounts.map((x) => x.userId)).toEqual(["U9"]);
    expect(result.unmatchedRecords.map((x) => [x.row, x.hasErrors])).toEqual([[6, true]]);
  });

  it("pairs by hand, noting what differs, and both sides leave the unmatched lists", () => {
    const before = matchAccounts(a(), r());
    const after = pairManually(before, "U9", "様式.xlsx:申請様式#6");
    expect(pairs(after)).toEqual(["U1→4 email-name-institution", "U9→6 manual", "U2→5 email-name-institution"]);
    expect(after.unmatchedAccounts).toEqual([]);
    expect(after.unmatchedRecords).toEqual([]);
    const manual = after.matches[1];
    expect(manual.differences).toEqual([
      "利用者名が異なります（発行結果: 田中　恵 ／ 申請様式: 高橋　翔）",
      "メールアドレスが異なります（発行結果: tanaka@example-hosp.jp ／ 申請様式: takahashi@example-hosp.jp）。メールは申請様式のアドレスに作成します",
      "申請様式のこの行にはエラーがあります（登録用CSVに出力されない状態です）",
    ]);
    expect(pairs(before)).toEqual(["U1→4 email-name-institution", "U2→5 email-name-institution"]);
  });

  it("re-pairing an account or a row frees its old partner", () => {
    const result = matchAccounts(a(), r());
    const moved = pairManually(result, "U9", "様式.xlsx:申請様式#4");
    expect(pairs(moved)).toEqual(["U9→4 manual", "U2→5 email-name-institution"]);
    expect(moved.ambiguous).toEqual([]);
    expect(moved.unmatchedAccounts.map((x) => x.userId)).toEqual(["U1"]);
    expect(moved.unmatchedRecords.map((x) => x.row)).toEqual([6]);
  });

  it("refuses to pair what does not exist (a programming error, not user input)", () => {
    const result = matchAccounts(a(), r());
    expect(() => pairManually(result, "NOPE", "様式.xlsx:申請様式#4")).toThrow("unknown account");
    expect(() => pairManually(result, "U1", "様式.xlsx:申請様式#99")).toThrow("unknown application row");
  });
});
