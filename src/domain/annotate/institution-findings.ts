import { cellText, type Cell } from "../cell";
import { columnIndex } from "../columns";
import type { FormChecker } from "../check/form-checker";
import type { Finding } from "../findings";
import type { FindingCode } from "../messages";
import { trimSpaces } from "../text/normalize";

/**
 * What the institution reads for a finding, when it differs from the reviewer's text: null = not shown to the
 * institution (nothing it can act on, or about other submissions). Codes not listed keep the catalogue's text.
 */
type InstitutionText = (f: Finding, ctx: { value: string; checker: FormChecker }) => string;

const INSTITUTION_TEXT: Partial<Record<FindingCode, InstitutionText | null>> = {
  // The window's own scheduling, not the institution's to fix.
  "orgType.deferred": null,
  // About other institutions' submissions: never sent to this one.
  "name.duplicate-other-file": null,
  "tfa.shared-other-file": null,
  // The reviewer's text tells the reviewer to ask the institution; the institution is asked directly.
  "institution.blank": (f, { checker }) => {
    const p = checker.ctx.profile;
    const type = p.orgTypes.find((t) => t.code === checker.rowResult(f.row)?.values.orgType);
    const ask = type ? `${p.masters[type.master].label}に未登録の機関の場合は空欄のままで構いませんので、次の情報をお知らせください：${type.collect.join("、")}。` : "";
    return `${p.fields.institutionCode.label}が空欄です。コードが分かる場合は入力してください。${ask}`;
  },
  "healthCenter.unknown": (f, { value }) => `保健所コード「${value}」が見つかりません。管轄の保健所のコードをご確認ください（不明な場合は申請先の自治体にお問い合わせください）。`,
};

/**
 * The findings of one checked form as the institution should read them: errors and warnings only, reworded where the
 * catalogue speaks to the reviewer, without what the institution cannot act on.
 */
export function institutionFindings(checker: FormChecker, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.severity === "info") continue;
    const rewrite = INSTITUTION_TEXT[f.code];
    if (rewrite === null) continue;
    if (rewrite === undefined) {
      out.push(f);
      continue;
    }
    const cell: Cell = checker.rowInput(f.row)?.cells[columnIndex(f.column)] ?? null;
    out.push({ ...f, message: rewrite(f, { value: trimSpaces(cellText(cell)), checker }) });
  }
  return out;
}
