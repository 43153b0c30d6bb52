import { entry, type CatalogueEntry } from "../entry";

/**
 * Findings as the institution reads them in the marked-up workbook and 申請者チェック, where the reviewer's sentence
 * speaks to the reviewer (「機関から聴取してください」). Same severity as the reviewer's code they stand for.
 */
export const INSTITUTION_VIEW_MESSAGES = {
  "institution.blank-ask": entry("warning", (p) => `${p.label}が空欄です。コードが分かる場合は入力してください。${p.master ? `${p.master}に未登録の機関の場合は空欄のままで構いませんので、次の情報をお知らせください：${p.collect}。` : ""}`),
  "healthCenter.unknown-ask": entry("error", (p) => `保健所コード「${p.value}」が見つかりません。${p.suggestion ? `所属機関（${p.column}列）${p.institution}の保健所は${p.suggestion}です。` : ""}管轄の保健所のコードをご確認ください（不明な場合は申請先の自治体にお問い合わせください）。`),
  "sendBack.still-marked": entry("error", (p) => `審査担当が要修正とした${p.value === "" ? "セルが空欄" : `値「${p.value}」`}のままです。この画面では確認できない点（マスタとの照合など）を含むため、シート「修正のお願い」とセルのメモを確認して修正してください。`),
  "orgType.not-accepted-ask": entry("warning", (p) => `所属機関分類コード${p.value}（${p.label}）の申請は、この窓口では受け付けていません。${p.where}に申請してください。`),
} satisfies Record<string, CatalogueEntry>;
