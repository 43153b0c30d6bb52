import { entry, type CatalogueEntry } from "../entry";

/** About a check as a whole, a workbook or a master as read: said once, not per cell. */
export const CHECK_NOTICE_MESSAGES = {
  "master.missing": entry("warning", (p) => `${p.master}が読み込まれていないため、${p.what}をマスタと照合していません。`),
  "master.duplicates": entry("warning", (p) => `${p.master}（${p.source}）にコードの重複が${p.count}件あります：${p.sample}。${p.resolution}`),
  "master.empty": entry("warning", (p) => `${p.label}（${p.source}）には見出し行だけでデータがありません。このマスタとは照合できません。`),
  "master.zero-padded": entry("info", (p) => `${p.label}（${p.source}）のコード${p.count}件が数値として保存され先頭の0が失われていたため、他のコードの桁数（${p.width}桁）に合わせて0を補いました（例：${p.example}）。`),
  "sheet.hidden": entry("warning", (p) => `非表示のシート「${p.sheet}」（${p.state}）は申請様式の形式ですが、チェック・出力の対象にしていません。対象にする場合は再表示してください。`),
  "rows.hidden": entry("info", (p) => `シート「${p.sheet}」の申請データに非表示の行があります（${p.rows}）。非表示の行もチェック・出力の対象です。`),
  "sheet.formulas-uncached": entry("warning", (p) => `シート「${p.sheet}」の数式${p.count}セルに計算結果が保存されていません（Excel以外のソフトで作成・保存されたファイルです）。数式だけで値を入力していない行は空の行として扱いました。Excelで開いて保存し直してください。`),
  "profile.used": entry("info", (p) => `様式プロファイル「${p.name}」（${p.id}）でチェックしました${p.file ? `（${p.file}）` : "（標準）"}。`),
} satisfies Record<string, CatalogueEntry>;
