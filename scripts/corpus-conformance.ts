/**
 * The workbook reader against a corpus of real-world .xlsx/.xlsm files: `npx tsx scripts/corpus-conformance.ts DIR`.
 *
 * Every .xlsx/.xlsm in DIR is read with readXlsx; the script prints, per file and in total, what was read (sheets,
 * cells with a value, or the problem reported) and compares the cells for which EXPECTED below knows the answer.
 * The expected values are those the calamine project asserts for its test files (github.com/tafia/calamine,
 * tests/test.rs, MIT), written as this product's cells: text as text, numbers as numbers, a date as "yyyy-mm-dd"
 * (Excel's 1900 or 1904 calendar), a time-only or elapsed-time cell as its number, an error as { error: "#N/A" }.
 * Fetch the files yourself (they are not part of this repository), e.g. calamine's tests/ folder.
 *
 * Each compared cell is one of:
 *   identical        — the same cell;
 *   written differently — the same text once both are written out (cellText) with line ends as LF and ASCII white
 *                      space trimmed at both ends (e.g. " a" for "a", "1" for 1);
 *   wrong            — anything else: another value, an empty cell, a sheet not read, a problem for a readable file.
 * A file EXPECTED says is damaged must give a problem; a readable file's problem makes all its expected cells wrong.
 * Exit status 0 whatever the figures: this is a measurement, the unit tests hold the behaviour.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cellText, type Cell } from "../src/domain/cell";
import { readXlsx } from "../src/domain/workbook/xlsx-reader";

type Sheet = string | number;

interface Expectation {
  /** Cells by reference (A1 style); null = empty. */
  cells?: Record<string, Cell>;
  /** Rows from A1 (or from `at`), for calamine's whole-range assertions. */
  rows?: Cell[][];
  at?: string;
}

type FileExpectation = { damaged: true } | { sheets: [Sheet, Expectation][] };

const e = (error: string): Cell => ({ error });

const EXPECTED: Record<string, FileExpectation> = {
  "issues.xlsx": {
    sheets: [
      ["issue2", { rows: [[1, "a"], [2, "b"], [3, "c"]] }],
      ["issue5", { rows: [[0.5]] }],
      ["issue6", { rows: [[1], [2], ["ab"], [false]] }],
      ["spc_chrs", { rows: [["&"], ["<"], [">"], ["aaa ' aaa"], ['"'], ["☺"], ["֍"], ["àâéêèçöïî«»"]] }],
    ],
  },
  "issue3.xlsm": { sheets: [["Sheet1", { rows: [[1, "a"]] }]] },
  "errors.xlsx": { sheets: [["Feuil1", { rows: [[e("#DIV/0!")], [e("#NAME?")], [e("#VALUE!")], [e("#NULL!")], [e("#REF!")], [e("#NUM!")], [e("#N/A")]] }]] },
  "issue9.xlsx": { sheets: [["Feuil1", { rows: [["test1"], ["test2 other"], ["test3 aaa"], ["test4"]] }]] },
  "has_x000D_.xlsx": { sheets: [["Sheet1", { cells: { A1: "ABC\r\nDEF" } }]] },
  "has_x000D_inline.xlsx": { sheets: [["Sheet1", { cells: { A1: "ABC\r\nDEF" } }]] },
  "richtext-namespaced.xlsx": { sheets: [["Sheet1", { cells: { A1: "inline string\nLine 2\nLine 3", H1: "shared string\nLine 2\nLine 3" } }]] },
  "encoded_entities.xlsx": { sheets: [["Sheet1", { cells: { A1: "&", A2: "" } }]] },
  "rph.xlsx": { sheets: [["Sheet1", { cells: { A1: "課きく　毛こ" } }]] },
  // Dates: 44197 = 2021-01-01 (1900), 42735 = 2021-01-01 (1904); A3 is [h]:mm:ss, an elapsed time: its number.
  "date.xlsx": { sheets: [[0, { rows: [["2021-01-01", 15], ["2021-01-02", 16], [10.6320601851852, 17]] }]] },
  "date_1904.xlsx": { sheets: [[0, { cells: { A1: "2021-01-01", A3: 10.6320601851852 } }]] },
  "date_iso.xlsx": { sheets: [[0, { cells: { A1: "2021-01-01", A2: "2021-01-01", A3: "10:10:10" } }]] },
  "date_quoted_format.xlsx": { sheets: [[0, { rows: [["2021-01-01"], ["2021-01-01"], ["2021-01-01"], ["2021-01-01"]] }]] },
  "issue221.xlsm": { sheets: [["Sheet1", { rows: [["Cell_A1", "Cell_B1"], ["Cell_A2", "Cell_B2"]] }]] },
  "nonstandard-xml-ns-prefix.xlsx": { sheets: [[0, { rows: [["a", "b"], [1, 3], [2, 4]] }]] },
  "issue252.xlsx": { damaged: true },
  "issue_261.xlsx": { sheets: [["Some Sheet", { cells: { A1: "String Value 32", G61: 939, A66: "String Value 42", D66: "String Value 8" } }]] },
  "formula.issue.xlsx": { sheets: [["Sheet1", { cells: { A1: 23, C1: 23, G13: 2, J14: "US" } }]] },
  "empty_s_attribute.xlsx": { sheets: [["Sheet1", { rows: [["Name", "Value"], ["John", 1], ["Sophia", 2], ["Peter", 3], ["Sam", 4]] }]] },
  "string-ref.xlsx": {
    sheets: [
      [0, { rows: [["col1"], ["-8086931554011838357"]] }],
      [1, { rows: [["col1"], ["-8086931554011838357"]] }],
    ],
  },
  "empty_shared_string.xlsx": { sheets: [["Sheet1", { rows: [["abc"], [""]] }]] },
  "empty_shared_string_value.xlsx": { sheets: [["Sheet1", { rows: [["Name", "City", "Status"], ["Alice", null, "Active"], [null, "Berlin", null]] }]] },
  "inlineStr_with_value.xlsx": { sheets: [[0, { cells: { E1: "ID", E2: "RQ11610", D2: "1." } }]] },
  "inlineStr_cdata.xlsx": { sheets: [["Sheet1", { rows: [["Hello CDATA", "World"], ["12345", "NormalText"]] }]] },
  "richtext-after-plain.xlsx": { sheets: [["Sheet1", { cells: { A2: "tvalrval1rval2" } }]] },
  "minimal_package.xlsx": { sheets: [["Sheet1", { cells: { A3: "BKG_NUM" } }]] },
  "non_monotonic_si.xlsx": { sheets: [["Sheet1", { rows: [[1, 2, 3], [2, 4, 6], [3, 6, 9], [4, 8, 12], [5, 10, 15], [6, 12, 18]] }]] },
  "whitespace_trim.xlsx": {
    sheets: [
      ["inlineStr", { cells: { A1: "trimmed value", B1: "value with tabs", C1: " \t\n", D1: "clean text", A2: "line1\nline2", B2: "  line1\nline2  ", A3: "日期 时间" } }],
      ["SharedStrings", { cells: { A1: "trimmed value", B1: "  preserved value  ", C1: "", D1: "clean text", A2: "line1\nline2", B2: "  line1\nline2  ", A3: "日期 时间" } }],
    ],
  },
};

function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad reference ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function refOf(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** The expected cells of one sheet, by reference. */
function expectedCells(x: Expectation): [string, Cell][] {
  const out: [string, Cell][] = Object.entries(x.cells ?? {});
  if (x.rows) {
    const at = parseRef(x.at ?? "A1");
    x.rows.forEach((cells, r) => cells.forEach((c, k) => out.push([refOf(at.row + r, at.col + k), c])));
  }
  return out;
}

const loose = (c: Cell | undefined) => cellText(c ?? null).replace(/\r\n?/g, "\n").replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
const same = (a: Cell | undefined, b: Cell) => JSON.stringify(a ?? null) === JSON.stringify(b);

type Verdict = "identical" | "different" | "wrong";

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npx tsx scripts/corpus-conformance.ts DIR");
    process.exit(2);
  }
  const files = readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
  const total = { files: 0, read: 0, problems: 0, cells: 0, compared: 0, identical: 0, different: 0, wrong: 0, damagedSeen: 0, damagedExpected: 0 };
  const wrongLines: string[] = [];
  for (const file of files) {
    total.files++;
    const result = readXlsx(new Uint8Array(readFileSync(join(dir, file))), file);
    const expected = EXPECTED[file];
    let line: string;
    if (result.ok) {
      total.read++;
      const counts = result.sheets.map((s) => s.values.reduce((n, row) => n + row.filter((c) => c !== null && c !== undefined).length, 0));
      const cells = counts.reduce((a, b) => a + b, 0);
      total.cells += cells;
      line = `${file}: ${result.sheets.length} sheet(s), ${cells} cells [${result.sheets.map((s, i) => `${s.name}: ${counts[i]}`).join(", ")}]`;
    } else {
      total.problems++;
      line = `${file}: problem ${result.problem.code}${result.problem.params.part ? ` (${result.problem.params.part})` : ""}`;
    }
    if (expected && "damaged" in expected) {
      total.damagedExpected++;
      if (!result.ok) total.damagedSeen++;
      else wrongLines.push(`${file}: read as a workbook, expected a problem (damaged)`);
      line += result.ok ? "  — expected a problem: WRONG" : "  — a problem, as expected";
    } else if (expected) {
      const verdicts: Record<Verdict, number> = { identical: 0, different: 0, wrong: 0 };
      for (const [which, x] of expected.sheets) {
        const sheet = result.ok ? (typeof which === "number" ? result.sheets[which] : result.sheets.find((s) => s.name === which)) : undefined;
        for (const [ref, want] of expectedCells(x)) {
          const { row, col } = parseRef(ref);
          const got = sheet?.values[row]?.[col] ?? null;
          const v: Verdict = sheet && same(got, want) ? "identical" : sheet && loose(got) === loose(want) ? "different" : "wrong";
          verdicts[v]++;
          if (v !== "identical") wrongLines.push(`${file} ${String(which)}!${ref}: ${v}, read ${JSON.stringify(sheet ? got : "(sheet not read)")}, expected ${JSON.stringify(want)}`);
        }
      }
      total.compared += verdicts.identical + verdicts.different + verdicts.wrong;
      total.identical += verdicts.identical;
      total.different += verdicts.different;
      total.wrong += verdicts.wrong;
      line += `  — compared ${verdicts.identical + verdicts.different + verdicts.wrong}: ${verdicts.identical} identical, ${verdicts.different} written differently, ${verdicts.wrong} wrong`;
    }
    console.log(line);
  }
  console.log("");
  for (const w of wrongLines) console.log(`  ${w}`);
  console.log("");
  console.log(`files ${total.files} (read ${total.read}, problem ${total.problems}), cells read ${total.cells}`);
  console.log(`cells compared ${total.compared}: identical ${total.identical}, written differently ${total.different}, wrong ${total.wrong}`);
  console.log(`damaged files reported as damaged: ${total.damagedSeen} of ${total.damagedExpected}`);
}

main();
