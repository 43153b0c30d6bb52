import { entry, type CatalogueEntry } from "../entry";

/**
 * Why a row was not written to the registration CSV (作業③), besides the row's own errors (which are listed as they
 * are). place.row is the row; place.column, when there is one, the column to look at.
 */
export const EXPORT_MESSAGES = {
  "export.gap": entry("error", () => "空行です（一括登録でエラーになるため詰めてください）"),
  "export.institution-blank": entry("warning", () => "所属医療機関/動物診療施設コードが空欄のため出力できません（マスタ登録後にコードを記入してください）"),
  "export.org-type-not-accepted": entry("warning", (p) => `${p.code}（${p.label}）はこの窓口で受け付けていない種別のため出力しません（${p.where}に申請）`),
  "export.deferred": entry("warning", (p) => `${p.code}（${p.label}）は次期システムの運用開始後に発行するため出力しません`),
  "export.unconfirmed-value": entry("error", () => "確認できていない値があるため出力できません"),
  "export.formula-like": entry("error", () => "数式と解釈される文字で始まるため出力できません"),
  "export.unencodable": entry("error", (p) => `${p.encoding}で表せない文字（${p.chars}）があるため出力できません`),
  "export.not-approved": entry("info", (p) => `申請の判定が「${p.status}」のため出力しません（「承認」にした申請だけを出力します）`),
} satisfies Record<string, CatalogueEntry>;
