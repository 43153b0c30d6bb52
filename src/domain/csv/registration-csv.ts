import type { Place } from "../problems/place";
import { messageOf, problem, type CellProblem, type Problem } from "../problems/problem";
import { cellText, isBlankCell, type Cell } from "../cell";
import { columnIndex } from "../columns";
import type { RowResult } from "../check/check-row";
import type { FormProfile } from "../profile/schema";
import { isAcceptedOrgType } from "../rules/org-type";
import { formulaLikeStart } from "../text/formula";
import { displayText } from "../text/display";
import { hasControlCharacter } from "../text/jis";
import { trimSpaces } from "../text/normalize";
import { csvText } from "./csv-text";
import { encodeText, unencodableCharacters } from "./encode-text";

/** One data row offered for export: its cells, its own check result, and every finding it has (incl. cross-row). */
export interface ExportRow {
  /** Which submission (file / sheet) it came from, for reports across several forms. */
  source: string;
  row: number;
  cells: readonly Cell[];
  /** Undefined for an empty (gap) row. */
  result?: RowResult;
  findings: readonly CellProblem[];
  /** The profile with its form's own columns (FormSheet.profile) when they are not where the profile says; the fields are written in the profile's order. */
  profile?: FormProfile;
}

export interface ExportOptions {
  encoding?: "cp932" | "utf8bom";
  header?: boolean;
  /** The header line's labels, one per exported column (from the form's header row); defaults to the profile's. */
  headerLabels?: readonly string[];
  /** Write rows of types the profile marks deferred (none in the default profile; `--include-16`). */
  issueDeferred?: boolean;
  /** A reason to keep a row out (e.g. its submission is not approved), or undefined to let it through. */
  exclude?: (row: ExportRow) => Problem | undefined;
}

/** A row not written, with every reason: the row's errors as they are, and the export's own (export.*). */
export interface RefusedRow {
  source: string;
  row: number;
  reasons: Problem[];
}

/** A reason as one line: 「C列：連絡先電話番号が入力されていません。」, or the sentence alone when no column is to blame. */
export function refusalText(reason: Problem): string {
  return reason.place.column === undefined ? messageOf(reason) : `${reason.place.column}列：${messageOf(reason)}`;
}

/** A grey-column (入力不要) value of a written row: left out of the file (the field is empty) and listed. */
export interface ClearedValue {
  source: string;
  row: number;
  column: string;
  value: string;
}

export interface RegistrationCsv {
  bytes: Uint8Array;
  text: string;
  encoding: "cp932" | "utf8bom";
  written: { source: string; row: number }[];
  refused: RefusedRow[];
  /** Grey-column values of written rows that were not written (their fields are empty). */
  cleared: ClearedValue[];
  /** Things the user should know about the file itself (e.g. a header label replaced), in Japanese. */
  notes: string[];
}

const ENCODING_NAME = { cp932: "Shift_JIS", utf8bom: "UTF-8" } as const;

/** 「a」「b」, with broken characters shown by their code (a lone surrogate cannot be printed). */
function charList(chars: readonly string[]): string {
  return chars.map((c) => (/[\ud800-\udfff]/.test(c) && c.length === 1 ? `U+${c.charCodeAt(0).toString(16).toUpperCase()}` : `「${c}」`)).join("");
}

/** Header labels from the profile: the field label, or （入力不要） for the grey columns. */
export function profileHeaderLabels(profile: FormProfile): string[] {
  const byColumn = new Map(Object.values(profile.fields).map((f) => [f.column, f.label]));
  return profile.csv.columns.map((c) => byColumn.get(c) ?? "（入力不要）");
}

/**
 * The registration CSV (作業③): one line per exportable row, the profile's columns in order, RFC 4180 quoting,
 * CRLF, CP932 (or UTF-8 with BOM). Rows with errors, blank AJ, deferred types, excluded by the caller, or with
 * characters the encoding cannot hold are not written, and each is reported with its reasons.
 */
export function registrationCsv(rows: readonly ExportRow[], profile: FormProfile, options: ExportOptions = {}): RegistrationCsv {
  const encoding = options.encoding ?? profile.csv.encoding;
  const withHeader = options.header ?? profile.csv.header;
  const notes: string[] = [];
  const cleared: ClearedValue[] = [];
  // Column positions per form profile, worked out once per profile (not per row).
  const layouts = new Map<FormProfile, ReturnType<typeof layoutOf>>();
  const layoutFor = (p: FormProfile) => {
    let l = layouts.get(p);
    if (!l) layouts.set(p, (l = layoutOf(p)));
    return l;
  };

  const data: string[][] = [];
  const written: { source: string; row: number }[] = [];
  const refused: RefusedRow[] = [];

  for (const r of rows) {
    const rowProfile = r.profile ?? profile;
    const { columns, fieldByColumn, institutionColumn, institutionIndex, grey } = layoutFor(rowProfile);
    const reasons: Problem[] = [];
    const at = (column?: string): Place => (column === undefined ? { row: r.row } : { row: r.row, column });
    if (!r.result) {
      refused.push({ source: r.source, row: r.row, reasons: [problem("export.gap", {}, at())] });
      continue;
    }
    const errors = r.findings.filter((f) => f.severity === "error");
    reasons.push(...errors);
    // A required item the form has no column for (columns.missing): the field would be empty.
    if (rowProfile !== profile) {
      for (const key of profile.required) if (!rowProfile.required.includes(key)) reasons.push(problem("export.column-missing", { label: profile.fields[key].label }, at()));
    }
    const type = profile.orgTypes.find((t) => t.code === r.result!.values.orgType);
    if (isBlankCell(r.cells[institutionIndex])) {
      reasons.push(problem("export.institution-blank", {}, at(institutionColumn)));
    }
    if (type && !isAcceptedOrgType(profile, type.code)) {
      reasons.push(problem("export.org-type-not-accepted", { code: type.code, label: type.label, where: type.appliedAt ?? "担当の窓口" }, at(rowProfile.fields.orgType.column)));
    } else if (type?.deferred && !options.issueDeferred) {
      reasons.push(problem("export.deferred", { code: type.code, label: type.label }, at(rowProfile.fields.orgType.column)));
    }
    const excluded = options.exclude?.(r);
    if (excluded) reasons.push(excluded);

    const line: string[] = [];
    const rowCleared: ClearedValue[] = [];
    if (reasons.length === 0) {
      for (const i of columns) {
        const field = fieldByColumn.get(i);
        const cell = r.cells[i] ?? null;
        const typed = trimSpaces(cellText(cell));
        let value: string;
        if (field) {
          const accepted = r.result.values[field];
          if (accepted === undefined && typed !== "") {
            reasons.push(problem("export.unconfirmed-value", {}, at(columnLetterOf(rowProfile, i))));
            break;
          }
          value = accepted ?? "";
        } else if (grey.has(i)) {
          // 入力不要: never written; a value there is listed so the user can see what was left out.
          if (typed !== "") rowCleared.push({ source: r.source, row: r.row, column: columnLetterOf(rowProfile, i), value: typed });
          value = "";
        } else {
          value = typed;
        }
        // The writer's own guard: whatever the findings said, no field of the file starts a formula.
        if (formulaLikeStart(value) !== undefined) {
          reasons.push(problem("export.formula-like", {}, at(columnLetterOf(rowProfile, i))));
          break;
        }
        const bad = unencodableCharacters(value, encoding);
        if (bad.length) {
          reasons.push(problem("export.unencodable", { encoding: ENCODING_NAME[encoding], chars: charList(bad) }, at(columnLetterOf(rowProfile, i))));
          break;
        }
        line.push(value);
      }
    }
    if (reasons.length > 0) {
      refused.push({ source: r.source, row: r.row, reasons });
      continue;
    }
    data.push(line);
    written.push({ source: r.source, row: r.row });
    for (const c of rowCleared) cleared.push(c);
  }

  const newline = profile.csv.lineEnding;
  const records = withHeader ? [headerLine(profile, options.headerLabels, encoding, notes), ...data] : data;
  const text = csvText(records, newline);
  return { bytes: encodeText(text, encoding), text, encoding, written, refused, cleared, notes };
}

/**
 * The header line: the given labels (the form's own), else the profile's. A label the encoding cannot hold, or one
 * that would start a formula, is replaced by the profile's label (or the column letter) and the replacement noted.
 */
function headerLine(profile: FormProfile, given: readonly string[] | undefined, encoding: "cp932" | "utf8bom", notes: string[]): string[] {
  const defaults = profileHeaderLabels(profile);
  const problem = (label: string): string | undefined => {
    if (hasControlCharacter(label)) return "改行などの制御文字を含む";
    if (formulaLikeStart(label) !== undefined) return "数式と解釈されるおそれがある";
    const bad = unencodableCharacters(label, encoding);
    return bad.length ? `${ENCODING_NAME[encoding]}で表せない文字（${charList(bad)}）を含む` : undefined;
  };
  return defaults.map((fallback, i) => {
    const label = given?.[i] ?? fallback;
    const why = problem(label);
    if (why === undefined) return label;
    const replacement = problem(fallback) === undefined ? fallback : profile.csv.columns[i];
    const shown = displayText(label);
    notes.push(`見出し（${profile.csv.columns[i]}列）「${shown}」は${why}ため、「${replacement}」として出力しました。`);
    return replacement;
  });
}

function layoutOf(profile: FormProfile) {
  const institutionColumn = profile.fields.institutionCode.column;
  return {
    columns: profile.csv.columns.map(columnIndex),
    fieldByColumn: new Map(Object.entries(profile.fields).map(([key, f]) => [columnIndex(f.column), key as keyof FormProfile["fields"]])),
    institutionColumn,
    institutionIndex: columnIndex(institutionColumn),
    grey: new Set(profile.greyColumns.map(columnIndex)),
  };
}

function columnLetterOf(profile: FormProfile, index: number): string {
  return profile.csv.columns.find((c) => columnIndex(c) === index) ?? String(index);
}
