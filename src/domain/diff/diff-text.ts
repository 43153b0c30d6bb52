import { messageOf, type CellProblem } from "../problems/problem";
import { SEVERITY_LABEL } from "../problems/severity";
import { ROW_STATUS_LABEL } from "../review/review-report";
import type { FormDiff } from "./form-diff";

const BASIS_LABEL = { person: "", "person-type": "（所属機関が変わった行）", name: "（氏名で対応付け）", email: "（メールアドレスで対応付け）" } as const;

const quote = (s: string) => (s === "" ? "（空欄）" : `「${s}」`);
const findingLine = (f: CellProblem) => `${SEVERITY_LABEL[f.severity]} ${f.place.column}${f.place.row}: ${messageOf(f)}`;

/**
 * The comparison of two versions of a submission as a Japanese report. `oldLabel` names the older version in it
 * (「前回」; the review says 「前の版」 of one imported in the same session).
 */
export function formDiffText(diff: FormDiff, oldName: string, newName: string, oldLabel = "前回"): string {
  const s = diff.summary;
  const lines: string[] = [];
  lines.push(`■ ${oldLabel}: ${oldName}`);
  lines.push(`■ 今回: ${newName}`);
  lines.push(
    `追加 ${s.added}行・削除 ${s.removed}行・変更 ${s.changed}行・変更なし ${s.unchanged}行　解消した指摘 ${s.resolved}件・新しい指摘 ${s.appeared}件　エラー ${s.oldErrors}件 → ${s.newErrors}件`,
  );
  const changed = diff.matched.filter((m) => m.changes.length > 0 || m.resolved.length > 0 || m.appeared.length > 0);
  if (changed.length > 0) {
    lines.push("");
    lines.push("【変更された行】");
    for (const m of changed) {
      const where = m.oldRow === m.newRow ? `${m.newRow}行目` : `${m.oldRow}行目 → ${m.newRow}行目`;
      const status = m.oldStatus === m.newStatus ? ROW_STATUS_LABEL[m.newStatus] : `${ROW_STATUS_LABEL[m.oldStatus]} → ${ROW_STATUS_LABEL[m.newStatus]}`;
      lines.push(`・${where}（${m.name || "利用者名なし"}）［${status}］${BASIS_LABEL[m.basis]}`);
      for (const c of m.changes) lines.push(`　　${c.column}列 ${c.label}: ${quote(c.old)} → ${quote(c.new)}`);
      for (const f of m.resolved) lines.push(`　　解消: ${findingLine(f)}`);
      for (const f of m.appeared) lines.push(`　　新規: ${findingLine(f)}`);
    }
  }
  if (diff.added.length > 0) {
    lines.push("");
    lines.push("【追加された行】");
    for (const r of diff.added) {
      lines.push(`・${r.row}行目（${r.name || "利用者名なし"}）［${ROW_STATUS_LABEL[r.status]}］`);
      for (const f of r.findings) lines.push(`　　${findingLine(f)}`);
    }
  }
  if (diff.removed.length > 0) {
    lines.push("");
    lines.push(`【削除された行】（${oldLabel}の行番号）`);
    for (const r of diff.removed) lines.push(`・${r.row}行目（${r.name || "利用者名なし"}）`);
  }
  const moved = diff.matched.filter((m) => m.oldRow !== m.newRow && m.changes.length === 0 && m.resolved.length === 0 && m.appeared.length === 0).length;
  if (moved > 0) {
    lines.push("");
    lines.push(`※ 内容の変わらない ${moved} 行は行の位置だけが変わっています。`);
  }
  if (diff.gaps.old.length > 0 || diff.gaps.new.length > 0) {
    lines.push("");
    lines.push(`空行: ${oldLabel} ${rowList(diff.gaps.old)} → 今回 ${rowList(diff.gaps.new)}`);
  }
  lines.push("");
  lines.push(changed.length + diff.added.length + diff.removed.length === 0 ? `${oldLabel}から内容の変更はありません。` : s.newErrors === 0 ? "今回の様式にエラーはありません。" : `今回の様式にエラーが ${s.newErrors} 件あります。`);
  return lines.join("\n") + "\n";
}

function rowList(rows: readonly number[]): string {
  return rows.length === 0 ? "なし" : rows.map((r) => `${r}行目`).join("・");
}
