import type { MasterSet } from "../masters/master-set";
import type { FormProfile, MasterKind } from "../profile/schema";
import type { FormChecker } from "./form-checker";

/** Something about the whole check rather than a cell: a master that was needed but not loaded, duplicate master codes. */
export interface Notice {
  code: "master.missing" | "master.duplicates";
  message: string;
  /** The master concerned. */
  master?: MasterKind;
  /** master.missing: the form's columns left unchecked because of it. */
  columns?: string[];
}

export function checkNotices(checker: FormChecker, profile: FormProfile, masters: MasterSet): Notice[] {
  const notices: Notice[] = [];
  const rows = checker.filledRows().map((r) => checker.rowResult(r)!);
  if (rows.length > 0 && !masters.healthCenter) {
    notices.push({
      code: "master.missing",
      message: `${profile.masters.healthCenter.label}が読み込まれていないため、保健所コード（${profile.fields.healthCenterCode.column}列）と中核市コード（${profile.fields.cityCode.column}列）をマスタと照合していません。`,
      master: "healthCenter",
      columns: [profile.fields.healthCenterCode.column, profile.fields.cityCode.column],
    });
  }
  for (const type of profile.orgTypes) {
    const used = rows.some((r) => r.values.orgType === type.code && r.values.institutionCode !== undefined);
    if (used && !masters[type.master]) {
      notices.push({
        code: "master.missing",
        message: `${profile.masters[type.master].label}が読み込まれていないため、所属機関分類コード${type.code}の行の${profile.fields.institutionCode.column}列をマスタと照合していません。`,
        master: type.master,
        columns: [profile.fields.institutionCode.column],
      });
    }
  }
  for (const m of Object.values(masters)) {
    if (!m || m.duplicates.length === 0) continue;
    const sample = m.duplicates.slice(0, 3).map((d) => `${d.code}（${d.rows.join("・")}行目）`).join("、");
    notices.push({ code: "master.duplicates", master: m.kind, message: `${m.label}（${m.source}）にコードの重複が${m.duplicates.length}件あります：${sample}${m.duplicates.length > 3 ? " ほか" : ""}。${m.kind === "healthCenter" ? "保健所コードと中核市コードの組で照合します（どの行の中核市コードも正しいとみなします）。" : "最初の行を使います。"}` });
  }
  return notices;
}
