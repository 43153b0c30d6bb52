import type { CheckResult, CellProblem, ProblemCode } from "../../domain";

/** What a one-click fix of each kind does, for buttons and the bulk-fix confirmation. */
const FIX_LABELS: Partial<Record<ProblemCode, string>> = {
  "phone.normalized": "全角の数字・ハイフンを半角にする",
  "phone.parentheses": "括弧・空白をハイフンにする",
  "phone.extension": "内線を除いた番号にする",
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
  "cell.formula-like": "数式と解釈される値を消して空欄にする",
  "orgType.invalid": "所属機関分類の名称をコードにする",
};

/** For a kind of fix without its own words: the value itself, said in one of these sentences. */
const VALUE_LABELS = {
  fromTo: (before: string, fix: string) => `「${before}」を「${fix}」に直す`,
  to: (fix: string) => `「${fix}」に直す`,
  clear: "空欄にする",
  each: "セルごとに示した修正案の値に直す",
} as const;

/** Values up to this many characters are quoted as they are now and after (old → new); longer ones only after. */
const SHORT = 12;

/** What a finding's one-click fix does, in words; `before` is what the cell holds now, when the pane knows it. */
export function fixLabel(finding: Pick<CellProblem, "code" | "fix">, before?: string): string {
  const words = FIX_LABELS[finding.code];
  if (words) return words;
  return valueLabel(finding.fix ?? "", before);
}

function valueLabel(fix: string, before?: string): string {
  if (fix === "") return VALUE_LABELS.clear;
  if (before !== undefined && before !== "" && before.length <= SHORT && fix.length <= SHORT) return VALUE_LABELS.fromTo(before, fix);
  return VALUE_LABELS.to(fix);
}

/** The words of a kind of fix (for まとめて修正): its own, else the value when every finding gets the same one. */
export function kindLabel(code: ProblemCode, findings: readonly CellProblem[]): string {
  const words = FIX_LABELS[code];
  if (words) return words;
  const values = new Set(findings.map((f) => f.fix ?? ""));
  return values.size === 1 ? valueLabel([...values][0]) : VALUE_LABELS.each;
}

/** A fix as the cell will receive it: "" clears the cell. */
export function fixPreview(fix: string): string {
  return fix === "" ? "（空欄にする）" : fix;
}

export interface FixKind {
  code: ProblemCode;
  label: string;
  findings: CellProblem[];
}

/** Findings that carry a fix, by kind; a cell appears once per kind. */
export function fixKinds(result: CheckResult | undefined): FixKind[] {
  if (!result) return [];
  const byCode = new Map<ProblemCode, CellProblem[]>();
  for (const f of result.findings) {
    if (f.fix === undefined) continue;
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  return [...byCode].map(([code, findings]) => ({ code, label: kindLabel(code, findings), findings }));
}

/** One edit per cell: when several findings of a kind fix the same cell, the first wins. */
export function editsFor(findings: readonly CellProblem[]): { address: string; value: string }[] {
  const seen = new Set<string>();
  const edits: { address: string; value: string }[] = [];
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const address = `${f.place.column}${f.place.row}`;
    if (seen.has(address)) continue;
    seen.add(address);
    edits.push({ address, value: f.fix });
  }
  return edits;
}
