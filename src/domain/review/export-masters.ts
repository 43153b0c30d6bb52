import { messageOf, type Problem } from "../problems/problem";
import type { MasterKind } from "../profile/schema";

/** Masters the spec calls optional (動物診療施設マスタ): missing, their codes are accepted unverified and only noted. */
const OPTIONAL_MASTERS: ReadonlySet<MasterKind> = new Set(["animal"]);

export interface UncheckedMasters {
  /** Missing masters that make an export unsafe unless the user says so (--no-masters / the pane's switch). */
  required: Problem[];
  /** Every missing master (for the list of columns written unchecked). */
  all: Problem[];
  /** The form's columns written without a master check. */
  columns: string[];
}

/**
 * From the check notices of the forms to export: which masters are missing. An export with unchecked 保健所 / 医療機関
 * codes would write K=99999 or AJ=0000000000 as if they were right, so the CLI and the pane refuse it unless the user
 * says so explicitly.
 */
export function uncheckedMasters(notices: readonly Problem[]): UncheckedMasters {
  const seen = new Map<string, Problem>();
  for (const n of notices) {
    if (n.code !== "master.missing") continue;
    const sentence = messageOf(n);
    if (!seen.has(sentence)) seen.set(sentence, n);
  }
  const all = [...seen.values()];
  return {
    all,
    required: all.filter((n) => n.params.kind === undefined || !OPTIONAL_MASTERS.has(n.params.kind as MasterKind)),
    columns: [...new Set(all.flatMap((n) => (n.params.columns === undefined ? [] : String(n.params.columns).split(","))))],
  };
}

/** The refusal, in Japanese, naming the reason and what to do (`how` = how this surface says "export anyway"). */
export function uncheckedMastersMessage(u: UncheckedMasters, how: string): string[] {
  return [
    "登録用CSVを出力しませんでした: マスタが読み込まれていないため、コードが正しいか確認できていません。",
    ...u.required.map((n) => `※ ${messageOf(n)}`),
    `マスタを読み込んでください。照合せずに出力してよい場合に限り、${how}と出力します。`,
  ];
}
