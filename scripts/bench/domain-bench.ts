// Domain figures for `npm run bench`: full check, incremental re-check, master index build, CSV export.
// Inputs are generated (seeded, realistic) by test/support/generate-form.ts and generate-masters.ts: a 10,000-row form and a 180,000-row 全数 master.
import {
  buildMasterIndex,
  createCheckContext,
  DEFAULT_PROFILE,
  findForms,
  FormChecker,
  type FormSheet,
  registrationExport,
  searchPreference,
  type Cell,
  type FormProfile,
  type FormRow,
} from "../../src/domain";
import { generateForm } from "../../test/support/generate-form-rows";
import { generateMasters, masterSetOf } from "../../test/support/generate-masters";

export interface Figure {
  name: string;
  medianMs: number;
  targetMs: number;
  runs: number;
  note?: string;
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measure(runs: number, fn: (i: number) => void, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function runDomainBench(log: (s: string) => void): Figure[] {
  const profile = DEFAULT_PROFILE;
  log("データを生成しています（全数マスタ 180,000 行、申請様式 10,000 行）…");
  const generated = generateMasters({ zensuRows: 180000, teitenRows: 5000 });
  const masters = masterSetOf(generated, profile);
  const form = generateForm(10000, generated);
  const figures: Figure[] = [];

  const indexMs = measure(5, () => {
    buildMasterIndex("zensu", "bench", generated.zensu, profile);
  });
  figures.push({ name: "医療機関マスタ（全数）180,000行の索引作成", medianMs: indexMs, targetMs: 800, runs: 5 });

  // The pickers' search on that master: the first one makes the search keys (the pane's worker sends them made);
  // then two words with the form's jurisdiction first (what the 医療機関 picker runs on each keystroke).
  const zensu = masters.zensu!;
  const sample = zensu.get(zensu.codes[150000])!;
  const firstSearchMs = measure(1, () => {
    buildMasterIndex("zensu", "bench", generated.zensu, profile).search(sample.name!);
  }) - indexMs;
  figures.push({ name: "同・初回の名称検索（検索キー作成を含む）", medianMs: Math.max(0, firstSearchMs), targetMs: 600, runs: 1 });
  const prefer = searchPreference(masters.healthCenter, [], [masters.healthCenter!.codes[200]]);
  const words = `${sample.name!.replace(/[0-9].*$/, "")} ${sample.prefecture ?? ""}`;
  const searchMs = measure(7, () => {
    zensu.search(words, { prefer });
    zensu.search("く", { prefer });
  });
  figures.push({ name: "同・2語の検索と1文字の検索（管轄順）", medianMs: searchMs, targetMs: 200, runs: 7, note: `「${words}」と「く」` });

  /** Checks a whole form 7 times (median time) with a profile, and gives the last checker. */
  const fullCheck = (formProfile: FormProfile, sheet: { headerRow: number; rows: FormRow[] }) => {
    let last!: FormChecker;
    const ms = measure(7, () => {
      last = new FormChecker(createCheckContext(formProfile, masters), sheet.headerRow);
      last.reset(sheet.rows);
      last.result();
    });
    return { ms, checker: last };
  };
  const { ms: fullMs, checker } = fullCheck(profile, form);
  const summary = checker.result().summary;
  figures.push({
    name: "10,000行の全件チェック",
    medianMs: fullMs,
    targetMs: 300,
    runs: 7,
    note: `完了 ${summary.complete}・未完了 ${summary.incomplete}・空行 ${summary.gap}、エラー ${summary.errors}・警告 ${summary.warnings}`,
  });

  // The columns found by their headings: once per sheet (header only). The same form as read, then with a column
  // inserted after B (フリガナ): reading it with the mapping, and checking it with the sheet's own profile.
  const plainMs = measure(7, () => {
    findForms([{ name: "申請様式", values: form.values }], profile, { mapColumns: true });
  });
  figures.push({ name: "10,000行の様式の読み込み（列の対応付け込み）", medianMs: plainMs, targetMs: 100, runs: 7 });
  const moved = {
    name: "申請様式",
    values: form.values.map((r, i) => {
      const c = [...r];
      c.splice(2, 0, i === form.headerRow - 1 ? "フリガナ" : null);
      return c;
    }),
  };
  let movedForm!: FormSheet;
  const movedReadMs = measure(7, () => {
    movedForm = findForms([moved], profile, { mapColumns: true }).forms[0];
  });
  figures.push({ name: "同・列を挿入した様式の読み込み", medianMs: movedReadMs, targetMs: 100, runs: 7, note: `${movedForm.notices.map((n) => n.code).join("・")}` });
  const { ms: movedMs, checker: movedChecker } = fullCheck(movedForm.profile!, movedForm);
  const movedSummary = movedChecker.result().summary;
  figures.push({
    name: "同・列を挿入した様式の全件チェック",
    medianMs: movedMs,
    targetMs: 300,
    runs: 7,
    note: `エラー ${movedSummary.errors}・警告 ${movedSummary.warnings}（挿入前と同じであること）`,
  });

  // One user edit in the middle of the form: the name changes (and back), which moves the row between
  // duplicate groups — the most expensive kind of single-row edit. The pane asks only for that row's outcome.
  const target = form.rows[5000];
  const nameColumn = 1;
  const edits: FormRow[] = [0, 1].map((k) => {
    const cells: Cell[] = [...target.cells];
    cells[nameColumn] = k === 0 ? "山田　次郎" : target.cells[nameColumn];
    return { row: target.row, cells };
  });
  const incrementalMs = measure(
    41,
    (i) => {
      const changed = checker.update([edits[Math.abs(i) % 2]]);
      for (const row of changed) {
        checker.status(row);
        checker.rowFindings(row);
      }
    },
    5,
  );
  figures.push({ name: "1行編集後の差分チェック（10,000行中）", medianMs: incrementalMs, targetMs: 5, runs: 41 });

  checker.update([{ row: target.row, cells: target.cells }]);
  const forms = [{ source: "bench.xlsx", exportSource: "bench.xlsx", checker, headerCells: form.values[form.headerRow - 1] }];
  let written = 0;
  const exportMs = measure(5, () => {
    written = registrationExport(forms, profile).written.length;
  });
  figures.push({ name: "10,000行の登録用CSV出力（CP932）", medianMs: exportMs, targetMs: 200, runs: 5, note: `${written}行を出力` });
  return figures;
}
