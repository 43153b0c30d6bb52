import { cellText, columnIndex, columnLetter, FIELD_KEYS, diffForms, problemsInOrder, SEVERITY_ORDER, formDiffText, initialDecision, type CheckedSubmission, type FormProfile, type ReviewDecision } from "../../domain";
import { previousLabel } from "./review-messages";
import type { ColumnsView, SubmissionView } from "./review-state";

export interface SubmissionViewInputs {
  checked: readonly CheckedSubmission[];
  decisions: ReadonlyMap<string, ReviewDecision>;
  profile: FormProfile;
  /** How each submission's sheet came in, this session. */
  how: ReadonlyMap<string, "inserted" | "copied">;
  /** Submissions whose file is in memory (a marked-up copy can be made). */
  withFile: ReadonlySet<string>;
  /** Newer version id → the id of the version before it. */
  previous: ReadonlyMap<string, string>;
  /** Submissions imported in this session: a version before one of them is not 「前回」. */
  importedNow?: ReadonlySet<string>;
  /** The last message about a submission's columns, by id. */
  columnMessages?: ReadonlyMap<string, NonNullable<ColumnsView["message"]>>;
}

/** The submissions as the pane lists them: rows with an error first, and in each row its errors before its warnings. */
export function submissionViews(inputs: SubmissionViewInputs): SubmissionView[] {
  return inputs.checked.map((c) => {
    const nameCol = columnIndex((c.submission.profile ?? inputs.profile).fields.name.column);
    const byRow = new Map<number, SubmissionView["rows"][number]>();
    for (const f of c.findings) {
      let entry = byRow.get(f.place.row);
      if (!entry) {
        const name = cellText(c.checker.rowInput(f.place.row)?.cells[nameCol] ?? null).trim();
        byRow.set(f.place.row, (entry = { row: f.place.row, name, findings: [] }));
      }
      entry.findings.push(f);
    }
    const rows = [...byRow.values()].map((r) => ({ ...r, findings: problemsInOrder(r.findings) }));
    const worst = (r: (typeof rows)[number]) => Math.min(...r.findings.map((f) => SEVERITY_ORDER[f.severity]));
    rows.sort((a, b) => worst(a) - worst(b) || a.row - b.row);
    const id = c.submission.id;
    return {
      id,
      fileName: c.submission.fileName,
      sourceSheet: c.submission.sourceSheet,
      sheetName: c.submission.sheetName,
      institution: c.submission.institution.text,
      decision: inputs.decisions.get(id) ?? initialDecision(),
      summary: c.summary,
      how: inputs.how.get(id),
      rows,
      comparison: comparison(inputs.checked, c, inputs.previous.get(id), inputs.importedNow ?? new Set()),
      canMarkUp: inputs.withFile.has(id),
      ...(c.submission.mapping && c.submission.columns ? { columns: columnsView(c.submission, inputs.profile, inputs.columnMessages?.get(id)) } : {}),
    };
  });
}

/** The comparison with the version before (rows matched by person, findings resolved and new). */
function comparison(checked: readonly CheckedSubmission[], c: CheckedSubmission, previousId: string | undefined, importedNow: ReadonlySet<string>): SubmissionView["comparison"] {
  const before = previousId === undefined ? undefined : checked.find((x) => x.submission.id === previousId);
  if (!before) return undefined;
  const diff = diffForms(before.checker, c.checker);
  const name = (x: CheckedSubmission) => `${x.submission.id}（${x.submission.fileName}、シート「${x.submission.sourceSheet}」）`;
  const earlierSession = !importedNow.has(before.submission.id);
  return {
    previousId: before.submission.id,
    previousLabel: previousLabel(before.submission.id, earlierSession),
    summary: diff.summary,
    text: formDiffText(diff, name(before), name(c), earlierSession ? "前回" : "前の版"),
  };
}

const HOW: Record<string, string> = { position: "位置どおり", heading: "見出しで", "item-number": "項目番号で", override: "プロファイルの指定" };

/** The 列の対応 section of a submission whose columns are not where the profile says. */
function columnsView(s: CheckedSubmission["submission"], profile: FormProfile, message: ColumnsView["message"]): ColumnsView {
  const mapping = s.mapping!;
  const columns = s.columns!;
  const headingAt = (col: string) => cellText(s.headerCells[columnIndex(col)] ?? null).trim();
  const items = FIELD_KEYS.map((key) => {
    const m = mapping.items[key];
    const corrected = Object.prototype.hasOwnProperty.call(columns.choices, key);
    return {
      key,
      label: profile.fields[key].label,
      required: profile.required.includes(key),
      column: m.column,
      heading: m.column === undefined ? undefined : headingAt(m.column),
      how: corrected ? "審査者が指定" : m.found ? HOW[m.found] : undefined,
    };
  });
  const missing = items.filter((i) => i.column === undefined).map((i) => i.label);
  const options: ColumnsView["options"] = [];
  for (let i = 0; i < s.headerCells.length; i++) {
    const h = cellText(s.headerCells[i] ?? null).trim();
    const col = columnLetter(i);
    if (h !== "" || items.some((x) => x.column === col)) options.push({ column: col, label: `${col}列${h ? `「${h}」` : ""}` });
  }
  const moved = items.find((i) => i.column !== undefined && i.column !== profile.fields[i.key].column);
  const example = mapping.extras.length > 0 ? `${mapping.extras[0].heading}列の挿入` : missing.length > 0 ? `${missing[0]}の列がない` : moved ? `${moved.label}の列の移動` : "入力不要の列の削除";
  const list = mapping.layout === "list" ? `電子申請などの一覧です（1行目の見出しで項目の列を見つけました${missing.length > 0 ? `。${missing[0]}の列がありません` : ""}）。確認してください。` : undefined;
  const summary = columns.confirmed ? "列の対応は確定済みです。" : (list ?? `列の位置が様式と違います（${example}など）。確認してください。`);
  return { summary, confirmed: columns.confirmed, items, extras: mapping.extras, missing, options, ...(message ? { message } : {}) };
}
