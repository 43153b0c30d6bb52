import type { MasterSet } from "../masters/master-set";
import { problem, type Problem } from "../problems/problem";
import type { FormProfile } from "../profile/schema";
import type { FormChecker } from "./form-checker";

/**
 * What is said about the whole check rather than a cell: a master that was needed but not loaded (params.kind and
 * params.columns name it and the form columns left unchecked), duplicate master codes, and what the masters say of themselves.
 */
export function checkNotices(checker: FormChecker, profile: FormProfile, masters: MasterSet): Problem[] {
  const notices: Problem[] = [];
  const rows = checker.filledRows().map((r) => checker.rowResult(r)!);
  const { fields } = profile;
  if (rows.length > 0 && !masters.healthCenter) {
    notices.push(
      problem("master.missing", {
        master: profile.masters.healthCenter.label,
        what: `保健所コード（${fields.healthCenterCode.column}列）と中核市コード（${fields.cityCode.column}列）`,
        kind: "healthCenter",
        columns: [fields.healthCenterCode.column, fields.cityCode.column].join(","),
      }),
    );
  }
  for (const type of profile.orgTypes) {
    const used = rows.some((r) => r.values.orgType === type.code && r.values.institutionCode !== undefined);
    if (used && !masters[type.master]) {
      notices.push(
        problem("master.missing", {
          master: profile.masters[type.master].label,
          what: `所属機関分類コード${type.code}の行の${fields.institutionCode.column}列`,
          kind: type.master,
          columns: fields.institutionCode.column,
        }),
      );
    }
  }
  for (const m of Object.values(masters)) {
    if (m) notices.push(...m.notices);
    if (!m || m.duplicates.length === 0) continue;
    const sample = m.duplicates.slice(0, 3).map((d) => `${d.code}（${d.rows.join("・")}行目）`).join("、") + (m.duplicates.length > 3 ? " ほか" : "");
    const resolution = m.kind === "healthCenter" ? "保健所コードと中核市コードの組で照合します（どの行の中核市コードも正しいとみなします）。" : "最初の行を使います。";
    notices.push(problem("master.duplicates", { master: m.label, source: m.source, count: m.duplicates.length, sample, resolution, kind: m.kind }));
  }
  return notices;
}
