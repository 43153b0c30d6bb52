import { SEVERITY_MARK } from "./problem-lines";
import { buildCheckReport, combineFormChecks, type ItemColumn, itemColumns, mappingSummary, compareCellProblems, displayText, messageOf, placed, type CellProblem, type FormProfile, type Problem, type RowStatus } from "../domain";
import type { CheckedSheet } from "./load-inputs";

export interface SheetReport {
  path: string;
  sheet: string;
  headerRow: number;
  rows: { row: number; status: RowStatus }[];
  findings: CellProblem[];
  /** About the sheet's check as a whole, placed on its file and sheet. */
  notices: Problem[];
  /** Each item's column, only when the sheet's columns are not where the profile says. */
  columns?: Record<string, ItemColumn>;
  /** The line saying so (mappingSummary). */
  columnsLine?: string;
}

/** Per form sheet: every data row with its status, and all findings incl. those across files. */
export function buildReports(checked: readonly CheckedSheet[], notices: (c: CheckedSheet) => Problem[], profile?: FormProfile): SheetReport[] {
  const combined = combineFormChecks(checked.map((c) => ({ source: `${c.path}:${c.form.sheet}`, checker: c.checker })));
  return checked.map((c, i) => ({
    ...columnsOf(c, profile),
    path: c.path,
    sheet: c.form.sheet,
    headerRow: c.checker.headerRow,
    rows: combined[i].rows,
    // What the reader found (merged cells, values far below the data) joins the checker's findings.
    findings: c.form.readFindings.length === 0 ? combined[i].findings : [...combined[i].findings, ...c.form.readFindings].sort(compareCellProblems),
    notices: [...c.form.notices, ...notices(c)].map((n) => placed(n, { file: c.path, sheet: c.form.sheet })),
  }));
}

function columnsOf(c: CheckedSheet, profile: FormProfile | undefined): Pick<SheetReport, "columns" | "columnsLine"> {
  const base = profile ?? c.profile;
  const columns = itemColumns(c.form.mapping, base);
  const line = mappingSummary(c.form.mapping, base);
  return columns && line ? { columns, columnsLine: line } : {};
}

export interface ReportMeta {
  view: "reviewer" | "institution";
  profile: { id: string; name: string; file?: string };
}

/** The `check --json` document (docs/report.md, docs/report-schema.json). */
export function reportJson(reports: readonly SheetReport[], meta: ReportMeta): string {
  return JSON.stringify(
    buildCheckReport({
      sheets: reports,
      view: meta.view,
      profile: meta.profile,
    }),
  );
}

const STATUS_LABEL: Record<RowStatus, string> = { complete: "完了", incomplete: "未完了", gap: "空行" };

/** A readable Japanese report, grouped by row; rows without findings are only counted. */
export function reportText(reports: readonly SheetReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const count = (s: RowStatus) => r.rows.filter((x) => x.status === s).length;
    const errors = r.findings.filter((f) => f.severity === "error").length;
    const warnings = r.findings.filter((f) => f.severity === "warning").length;
    lines.push(`■ ${r.path}（シート「${r.sheet}」、見出し ${r.headerRow}行目）`);
    if (r.rows.length === 0) lines.push("  データ行がありません。");
    else {
      lines.push(
        `  ${r.rows[0].row}〜${r.rows[r.rows.length - 1].row}行目：完了 ${count("complete")}行・未完了 ${count("incomplete")}行・空行 ${count("gap")}行　エラー ${errors}件・警告 ${warnings}件`,
      );
    }
    if (r.columnsLine) lines.push(`  ${r.columnsLine}`);
    for (const n of r.notices) lines.push(`  ※ ${messageOf(n)}`);
    const byRow = new Map<number, CellProblem[]>();
    for (const f of r.findings) {
      const list = byRow.get(f.place.row);
      if (list) list.push(f);
      else byRow.set(f.place.row, [f]);
    }
    const statusOf = new Map(r.rows.map((x) => [x.row, x.status]));
    const entries = [...byRow];
    for (let k = 0; k < entries.length; k++) {
      const [row, findings] = entries[k];
      const status = statusOf.get(row);
      // A run of empty rows is one line, whatever its length.
      if (isGapOnly(findings)) {
        let end = k;
        while (end + 1 < entries.length && entries[end + 1][0] === entries[end][0] + 1 && isGapOnly(entries[end + 1][1])) end++;
        if (end > k) {
          const last = entries[end][0];
          const f = findings[0];
          lines.push(`  ${row}〜${last}行目［${STATUS_LABEL.gap}］（${last - row + 1}行）`);
          lines.push(`    ${SEVERITY_MARK[f.severity]} ${f.place.column}${row}〜${f.place.column}${last}：${messageOf(f)}`);
          k = end;
          continue;
        }
      }
      lines.push(`  ${row}行目${status ? `［${STATUS_LABEL[status]}］` : ""}`);
      for (const f of findings) {
        const fix = f.fix === undefined ? "" : f.fix === "" ? "　→ 修正案：空欄にする" : `　→ 修正案：${f.fix}`;
        lines.push(`    ${SEVERITY_MARK[f.severity]} ${f.place.column}${f.place.row}：${messageOf(f)}${fix}`);
      }
    }
    lines.push("");
  }
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  lines.push(errors === 0 ? "エラーはありません。" : `エラーが ${errors} 件あります。`);
  // Values from the files appear in messages: every line stays one line, free of control characters.
  return lines.map(displayText).join("\n") + "\n";
}

function isGapOnly(findings: readonly CellProblem[]): boolean {
  return findings.length === 1 && findings[0].code === "row.gap";
}
