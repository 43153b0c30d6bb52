import "../support/jsdom-gaps";
// REVIEW_MESSAGES: every message of the review tab, called with sample arguments, is a whole sentence with nothing
// left unfilled. The table below must name every entry (a new entry without samples does not compile).
import { problem, type UncheckedMasters } from "../../../src/domain";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";

type Catalogue = typeof REVIEW_MESSAGES;
type Samples = {
  [G in keyof Catalogue]: { [K in keyof Catalogue[G]]: Catalogue[G][K] extends (...args: infer P) => string ? P[] : never };
};

const missingMasters: UncheckedMasters = {
  required: [problem("master.missing", { master: "保健所マスタ", what: "保健所コード（K列）", kind: "healthCenter", columns: "K" })],
  all: [],
  columns: ["保健所コード"],
};

const SAMPLES: Samples = {
  intake: {
    recordUnreadable: [["審査の記録を読み取れません。"]],
    cannotStoreRecord: [[]],
    sheetsUnreadable: [[]],
    sheetsMissing: [
      [[{ id: "A-001", fileName: "申請.xlsx", sheetName: "A-001" }]],
      [
        [
          { id: "A-001", fileName: "a.xlsx", sheetName: "A-001" },
          { id: "A-002", fileName: "b.xlsx", sheetName: "A-002" },
        ],
      ],
    ],
    imported: [[["A-001"]], [["A-001", "A-002"]], [["A-001", "A-002", "A-003", "A-004", "A-005"]]],
    valuesCopied: [[]],
    csvCopied: [[]],
    resubmitted: [["S002", "S001（先ほど取り込み）"]],
    sameContent: [["申請.xlsx", "S001"]],
    filesRefused: [[2]],
  },
  desk: {
    decided: [["承認"]],
    remarkSaved: [[]],
    columnSet: [
      ["連絡先電話番号", "E", 2, 1],
      ["連絡先電話番号", null, 0, 0],
    ],
    decisionReset: [["承認"]],
    columnsConfirmed: [["S001"]],
    removed: [
      ["A-001", "申請.xlsx", "A-001", true],
      ["A-001", "申請.xlsx", "A-001", false],
    ],
    restored: [["A-001", "申請.xlsx", "差戻し"]],
    sheetTaken: [["A-001"]],
  },
  export: {
    uncheckedMasters: [[missingMasters]],
    nothingImported: [[]],
    noRows: [[3]],
    downloaded: [
      ["登録用CSV_20260101.csv", 12, "cp932"],
      ["登録用CSV_20260101.csv", 12, "utf8bom"],
    ],
    sheetInsteadOfDownload: [["登録用CSV", 12]],
    writtenToSheet: [
      ["登録用CSV", 12, true],
      ["登録用CSV", 12, false],
    ],
    copied: [[12]],
    copyFailed: [[]],
  },
  report: {
    sheetWritten: [["審査結果", 5]],
    cannotDownload: [[]],
    downloaded: [["審査結果_20260101.html"]],
  },
  sendBack: {
    copied: [["A-001"]],
    copyFailed: [[]],
    cannotDownload: [[]],
    noOriginal: [["A-001"]],
    downloaded: [["差戻し_申請.xlsx", 4]],
    senderNotRemembered: [[]],
    csvNoMarkUp: [["S001"]],
  },
  template: {
    cannotDownload: [[]],
    unknownCodes: [[["99"]], [["99", "12345"]]],
    needsMaster: [[]],
    downloadedWithCenters: [["申請様式_配布用_20260101.xlsx", 8]],
    downloadedWithoutCenters: [["申請様式_配布用_20260101.xlsx"]],
  },
  notify: {
    noApproved: [[]],
    splitWhy: [[]],
    singleWarning: [[]],
    emlSome: [[2]],
    emlAll: [[]],
    pairFailed: [[]],
    urlNotRemembered: [[]],
    urlForgotten: [[]],
    issuedFirst: [[]],
    drafted: [[3, 4]],
    draftsUrlInvalid: [[]],
    draftsFailed: [[]],
    cannotDownload: [[]],
    zipDownloaded: [["メール下書き_20260101.zip", 4]],
    passwordsForgotten: [[]],
  },
};

const cases = Object.entries(REVIEW_MESSAGES).flatMap(([group, entries]) =>
  Object.entries(entries as Record<string, (...args: unknown[]) => string>).flatMap(([name, message]) => {
    const samples = (SAMPLES as unknown as Record<string, Record<string, unknown[][] | undefined>>)[group]?.[name] ?? [];
    return samples.map((args, i) => ({ label: `${group}.${name} #${i + 1}`, text: message(...args) }));
  }),
);

describe("REVIEW_MESSAGES", () => {
  it("every entry has sample arguments", () => {
    const named = Object.entries(REVIEW_MESSAGES).flatMap(([group, entries]) => Object.keys(entries).map((name) => `${group}.${name}`));
    const sampled = new Set(cases.map((c) => c.label.replace(/ #\d+$/, "")));
    expect(named.filter((n) => !sampled.has(n))).toEqual([]);
  });

  it.each(cases)("$label is a whole sentence with nothing left unfilled", ({ text }) => {
    expect(text.trim()).not.toBe("");
    expect(text).toMatch(/。$/);
    expect(text).not.toMatch(/undefined|NaN|\[object|\$\{/);
  });
});

it("a large import names two sheets and how many others, not all fifty", () => {
  const names = Array.from({ length: 50 }, (_, i) => `S${String(i + 1).padStart(3, "0")}_申請`);
  expect(REVIEW_MESSAGES.intake.imported(names)).toBe("50件の申請を取り込みました（S001_申請、S002_申請 ほか48件）。");
  expect(REVIEW_MESSAGES.intake.imported(names.slice(0, 3))).toBe("3件の申請を取り込みました（S001_申請、S002_申請、S003_申請）。");
});
