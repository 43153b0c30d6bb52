import { messageOf, type CellProblem, type Problem } from "../problems/problem";
import type { z as Z } from "zod";
import { onFirstUse, zod } from "../zod";

/**
 * The `check --json` report: a document with a schema (this file is its single source; docs/report-schema.json is
 * generated from it by scripts/report-schema.ts), modelled on frictionless: `valid`, stats, and every problem —
 * cell findings and notices about the check — as data with a stable code, a severity, a message and a place.
 * Version 1. Additive changes keep the version; a removed or changed field raises it.
 */
export const REPORT_FORMAT = "nesid-account/check-report";
export const REPORT_VERSION = 1;

/** The report's schemas, built on first use (zod loads then: see zod.ts). */
function buildSchemas() {
  const z = zod();
  const SeveritySchema = z.enum(["error", "warning", "info"]).describe("error は登録用CSVへの出力を止める。warning は確認を促す。info は記録のみ。");
  const Count = z.number().int().min(0);

  const PlaceSchema = z
    .object({
      file: z.string().optional().describe("ファイルのパス"),
      sheet: z.string().optional().describe("シート名"),
      row: z.number().int().positive().optional().describe("シートの行番号（Excel の表示どおり、1から）"),
      column: z.string().optional().describe("列の英字（A〜AN）"),
      line: z.number().int().positive().optional().describe("テキストファイルの行番号（CSV は見出し = 1）"),
      part: z.string().optional().describe("メールテンプレートの部分（例：single.subject）"),
    })
    .describe("問題のある場所（分かる範囲で）");

  const ProblemSchema = z
    .object({
      code: z.string().describe("安定したコード（例：master.missing）。文言ではなくコードで判定すること"),
      severity: SeveritySchema,
      message: z.string().describe("利用者向けの日本語の説明"),
      place: PlaceSchema,
    })
    .describe("セル以外の問題（マスタ未読込、使用した様式プロファイルなど）。セルの指摘（findings）と同じ形にコード・重大度・場所を持つ");

  const FindingSchema = z
    .object({
      row: z.number().int().positive().describe("シートの行番号"),
      column: z.string().describe("列の英字"),
      severity: SeveritySchema,
      code: z.string().describe("安定したコード（例：phone.leading-zero-lost）。docs/form-rules.md の一覧を参照"),
      message: z.string().describe("日本語の説明"),
      fix: z.string().optional().describe("修正案の値（空文字列 = セルを空欄にする）"),
    })
    .describe("1つのセルの指摘");

  const RowOutcomeSchema = z.object({
    row: z.number().int().positive(),
    status: z.enum(["complete", "incomplete", "gap"]).describe("complete = 必須項目がそろいエラーなし、incomplete = 未入力またはエラー、gap = 最終行までの間の空行"),
  });

  const StatsSchema = z
    .object({
      rows: z.object({ total: Count, complete: Count, incomplete: Count, gap: Count }).describe("データ行の数（状態別）"),
      findings: z
        .object({
          total: Count,
          error: Count,
          warning: Count,
          info: Count,
          byCode: z.record(z.string(), Count).describe("コードごとの件数"),
        })
        .describe("指摘の数（重大度別・コード別）"),
      notices: z.object({ total: Count, error: Count, warning: Count, info: Count }).describe("通知（notices）の数"),
    })
    .describe("集計");

  const ColumnSchema = z
    .object({
      label: z.string().describe("項目名（プロファイルの label）"),
      profileColumn: z.string().describe("プロファイル（様式）での列"),
      column: z.string().nullable().describe("このシートでの列（null = 列がない）"),
      found: z
        .enum(["position", "heading", "item-number", "override"])
        .nullable()
        .describe("見つけ方: position = 様式どおりの位置、heading = 見出し、item-number = 項目N の行、override = プロファイルの columns 指定。null = 見つからない"),
    })
    .describe("1項目の列");

  const SheetReportSchema = z
    .object({
      path: z.string().describe("申請様式ファイルのパス"),
      sheet: z.string().describe("申請様式のシート名"),
      headerRow: z.number().int().positive().describe("見出し行の行番号"),
      valid: z.boolean().describe("このシートにエラー（findings・notices とも）がないこと"),
      rows: z.array(RowOutcomeSchema).describe("データ範囲のすべての行と状態"),
      findings: z.array(FindingSchema).describe("セルの指摘（行・列の順）。別ファイルとの重複など、複数ファイルにまたがる指摘を含む"),
      notices: z.array(ProblemSchema).describe("このシートのチェックについての通知（マスタ未読込・マスタのコード重複・使用した様式プロファイルなど）"),
      stats: StatsSchema,
      columns: z
        .record(z.string(), ColumnSchema)
        .optional()
        .describe("項目（キー: name・phone など）ごとの列。様式どおりの位置にない項目・列がないとき（列の挿入・削除・並べ替え、電子申請の一覧）だけ出力。様式にない列などは notices（columns.*）"),
    })
    .describe("申請様式の1シートの結果");

  const CheckReportSchema = z
    .object({
      format: z.literal(REPORT_FORMAT),
      version: z.literal(REPORT_VERSION).describe("このスキーマの版"),
      valid: z.boolean().describe("すべてのシートにエラーがないこと（終了コード 0 と同じ）"),
      view: z.enum(["reviewer", "institution"]).describe("チェックの立場（--view）"),
      profile: z
        .object({ id: z.string(), name: z.string(), file: z.string().optional().describe("--profile で指定したファイル（省略時は標準の様式）") })
        .describe("使用した様式プロファイル"),
      stats: StatsSchema.extend({ files: Count, sheets: Count }).describe("全体の集計"),
      notices: z.array(ProblemSchema).describe("特定のシートに属さない通知"),
      files: z.array(SheetReportSchema).describe("申請様式のシートごとの結果（1ファイルに複数シートがあればシートごとに1件）"),
    })
    .describe("nesid-account check --json の結果");
  return { ProblemSchema, FindingSchema, StatsSchema, SheetReportSchema, CheckReportSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The report's schemas (CheckReportSchema is the document's; the others are its parts). */
export const reportSchemas = onFirstUse(buildSchemas);

export type CheckReport = Z.infer<Schemas["CheckReportSchema"]>;
export type ReportStats = Z.infer<Schemas["StatsSchema"]>;
type SheetReportData = Z.infer<Schemas["SheetReportSchema"]>;
type ReportFinding = Z.infer<Schemas["FindingSchema"]>;
type ReportProblem = Z.infer<Schemas["ProblemSchema"]>;
/** A sheet's items and their columns in the report (SheetReportSchema.columns). */
export type ReportColumns = NonNullable<SheetReportData["columns"]>;

/** The JSON Schema (draft 2020-12) of the report, as committed in docs/report-schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = zod().toJSONSchema(reportSchemas().CheckReportSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return { $id: "https://nesid-account.invalid/report-schema.json", title: "nesid-account check report", ...schema };
}

export interface SheetInput {
  path: string;
  sheet: string;
  headerRow: number;
  rows: readonly { row: number; status: "complete" | "incomplete" | "gap" }[];
  findings: readonly CellProblem[];
  notices: readonly Problem[];
  /** Only when the sheet's columns are not where the profile says. */
  columns?: ReportColumns;
}

function countSeverities(items: readonly { severity: "error" | "warning" | "info" }[]) {
  const c = { total: items.length, error: 0, warning: 0, info: 0 };
  for (const i of items) c[i.severity]++;
  return c;
}

export function reportStats(rows: SheetInput["rows"], findings: readonly CellProblem[], notices: readonly Problem[]): ReportStats {
  const r = { total: rows.length, complete: 0, incomplete: 0, gap: 0 };
  for (const x of rows) r[x.status]++;
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { rows: r, findings: { ...countSeverities(findings), byCode: sorted }, notices: countSeverities(notices) };
}

function plainFinding(f: CellProblem): ReportFinding {
  const o: ReportFinding = { row: f.place.row, column: f.place.column, severity: f.severity, code: f.code, message: messageOf(f) };
  if (f.fix !== undefined) o.fix = f.fix;
  return o;
}

function plainProblem(p: Problem): ReportProblem {
  return { code: p.code, severity: p.severity, message: messageOf(p), place: { ...p.place } };
}

/** Builds the report document; the result always passes CheckReportSchema. */
export function buildCheckReport(input: {
  sheets: readonly SheetInput[];
  notices?: readonly Problem[];
  view?: "reviewer" | "institution";
  profile: { id: string; name: string; file?: string };
}): CheckReport {
  const files = input.sheets.map((s) => {
    const findings = s.findings.map(plainFinding);
    const notices = s.notices.map(plainProblem);
    const valid = !findings.some((f) => f.severity === "error") && !notices.some((n) => n.severity === "error");
    const sheet: SheetReportData = { path: s.path, sheet: s.sheet, headerRow: s.headerRow, valid, rows: s.rows.map((r) => ({ row: r.row, status: r.status })), findings, notices, stats: reportStats(s.rows, s.findings, s.notices) };
    if (s.columns) sheet.columns = s.columns;
    return sheet;
  });
  const notices = (input.notices ?? []).map(plainProblem);
  const all = reportStats(
    input.sheets.flatMap((s) => s.rows),
    input.sheets.flatMap((s) => s.findings),
    [...input.sheets.flatMap((s) => s.notices), ...(input.notices ?? [])],
  );
  const profile: CheckReport["profile"] = { id: input.profile.id, name: input.profile.name };
  if (input.profile.file !== undefined) profile.file = input.profile.file;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    valid: files.every((f) => f.valid) && !notices.some((n) => n.severity === "error"),
    view: input.view ?? "reviewer",
    profile,
    stats: { ...all, files: new Set(input.sheets.map((s) => s.path)).size, sheets: input.sheets.length },
    notices,
    files,
  };
}
