import type { Severity } from "../findings";
import type { MessageParams } from "../messages";
import type { MasterSet } from "../masters/master-set";
import { noticeText, type NoticeCode } from "../problems";
import type { FormProfile, MasterKind } from "../profile/schema";
import type { FormChecker } from "./form-checker";


/**
 * Something about the whole check rather than a cell: a master that was needed but not loaded, duplicate master codes,
 * hidden sheets or rows, a master with no data or with codes that lost their zeros.
 */
export interface Notice {
  code: NoticeCode;
  severity: Severity;
  message: string;
  /** The master concerned. */
  master?: MasterKind;
  /** master.missing: the form's columns left unchecked because of it. */
  columns?: string[];
}

export function catalogueNotice(code: NoticeCode, params: MessageParams): Notice {
  return { code, ...noticeText(code, params) };
}

export function checkNotices(checker: FormChecker, profile: FormProfile, masters: MasterSet): Notice[] {
  const notices: Notice[] = [];
  const rows = checker.filledRows().map((r) => checker.rowResult(r)!);
  const { fields } = profile;
  if (rows.length > 0 && !masters.healthCenter) {
    notices.push({
      code: "master.missing",
      ...noticeText("master.missing", {
        master: profile.masters.healthCenter.label,
        what: `保健所コード（${fields.healthCenterCode.column}列）と中核市コード（${fields.cityCode.column}列）`,
      }),
      master: "healthCenter",
      columns: [fields.healthCenterCode.column, fields.cityCode.column],
    });
  }
  for (const type of profile.orgTypes) {
    const used = rows.some((r) => r.values.orgType === type.code && r.values.institutionCode !== undefined);
    if (used && !masters[type.master]) {
      notices.push({
        code: "master.missing",
        ...noticeText("master.missing", { master: profile.masters[type.master].label, what: `所属機関分類コード${type.code}の行の${fields.institutionCode.column}列` }),
        master: type.master,
        columns: [fields.institutionCode.column],
      });
    }
  }
  for (const m of Object.values(masters)) {
    if (m) notices.push(...m.notices);
    if (!m || m.duplicates.length === 0) continue;
    const sample = m.duplicates.slice(0, 3).map((d) => `${d.code}（${d.rows.join("・")}行目）`).join("、") + (m.duplicates.length > 3 ? " ほか" : "");
    const resolution = m.kind === "healthCenter" ? "保健所コードと中核市コードの組で照合します（どの行の中核市コードも正しいとみなします）。" : "最初の行を使います。";
    notices.push({
      code: "master.duplicates",
      ...noticeText("master.duplicates", { master: m.label, source: m.source, count: m.duplicates.length, sample, resolution }),
      master: m.kind,
    });
  }
  return notices;
}
