import type { CheckResult, Finding, FindingCode } from "../../domain";

/** What a one-click fix of each kind does, for buttons and the bulk-fix confirmation. */
const FIX_LABELS: Partial<Record<FindingCode, string>> = {
  "phone.normalized": "全角の数字・ハイフンを半角にする",
  "phone.leading-zero-lost": "消えた先頭の0を補う",
  "phone.international": "+81 を国内の番号（0から）にする",
  "phone.no-leading-zero": "先頭に0を補う",
  "email.fullwidth": "全角の英数字・記号を半角にする",
  "email.invalid": "メールアドレスの空白を取り除く",
  "code.normalized": "全角数字などを半角にする",
  "code.zero-padded": "先頭の0を補ってマスタのコードにする",
  "orgType.normalized": "所属機関分類コードを2桁（09など）にする",
  "cityCode.mismatch": "中核市コードを保健所マスタの値にする",
  "text.surrounding-space": "前後の空白を取り除く",
  "cell.control-character": "改行などの制御文字を取り除く",
  "grey.has-value": "入力不要の列を空欄にする",
};

export function fixLabel(code: FindingCode): string {
  return FIX_LABELS[code] ?? "修正案の値にする";
}

/** A fix as the cell will receive it: "" clears the cell. */
export function fixPreview(fix: string): string {
  return fix === "" ? "（空欄にする）" : fix;
}

export interface FixKind {
  code: FindingCode;
  label: string;
  findings: Finding[];
}

/** Findings that carry a fix, by kind; a cell appears once per kind. */
export function fixKinds(result: CheckResult | undefined): FixKind[] {
  if (!result) return [];
  const byCode = new Map<FindingCode, Finding[]>();
  for (const f of result.findings) {
    if (f.fix === undefined) continue;
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  return [...byCode].map(([code, findings]) => ({ code, label: fixLabel(code), findings }));
}

/** One edit per cell: when several findings of a kind fix the same cell, the first wins. */
export function editsFor(findings: readonly Finding[]): { address: string; value: string }[] {
  const seen = new Set<string>();
  const edits: { address: string; value: string }[] = [];
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const address = `${f.column}${f.row}`;
    if (seen.has(address)) continue;
    seen.add(address);
    edits.push({ address, value: f.fix });
  }
  return edits;
}
