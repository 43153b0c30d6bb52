import { entry, type CatalogueEntry } from "../entry";

/**
 * How the form's columns were found (src/domain/form/column-mapping.ts): said once per sheet, never per row. Placed
 * on the sheet (and file); `column` params are the sheet's own letters.
 */
export const COLUMN_MESSAGES = {
  "columns.missing": entry(
    "error",
    (p) => `必須の項目「${p.label}」（項目${p.item}）の列が見つかりません（見出し行 ${p.headerRow}行目）。列を戻すか、見出しを「${p.label}」にしてください。この項目以外は各行をチェックしています。`,
  ),
  "columns.absent": entry("info", (p) => `項目「${p.label}」（項目${p.item}）の列がありません。すべての行で空欄として扱います。`),
  "columns.grey-absent": entry("info", (p) => `入力不要の列（様式の ${p.columns}列）がありません。登録用CSVでは空欄として出力します。`),
  "columns.extra": entry("info", (p) => `${p.column}列「${p.heading}」は様式にない列です。チェックせず、登録用CSVにも出力しません。`),
  "columns.ambiguous": entry(
    "warning",
    (p) => `項目「${p.label}」に当たる列が複数あります（${p.candidates}）。${p.chosen}列を使います。違う場合は見出しを直すか、プロファイルの columns で列を指定してください。`,
  ),
  "columns.form-tab": entry(
    "info",
    (p) => `このシートは列の位置が様式と違うため、見出しで項目の列を見つけてチェックしています（${p.details}）。指摘のセルはこのシートの列で示します。`,
  ),
  "export.column-missing": entry("error", (p) => `申請様式に「${p.label}」の列がないため出力できません`),
} satisfies Record<string, CatalogueEntry>;
