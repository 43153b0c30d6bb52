import { entry, type CatalogueEntry } from "../entry";

/** 作業②の受付: what importing submitted files finds. place.file (and place.sheet) name the file. */
export const IMPORT_MESSAGES = {
  "import.unreadable": entry("error", (p, place) => `「${place.file}」はExcelブック（.xlsx）として読めないため取り込みませんでした（${p.reason}）。`),
  "import.no-form-sheet": entry("error", (p, place) =>
      `「${place.file}」に申請様式のシートがないため取り込みませんでした（${p.rows}行目までの${p.column}列に「${p.label}」の見出しがあるシート、または1行目の見出しが申請様式の必須の項目をすべて含む一覧を探します）。シート：${p.sheets}`,
  ),
  "import.empty-form": entry("error", (p, place) => `「${place.file}」のシート「${place.sheet}」には申請の行がないため取り込みませんでした（${p.firstDataRow}行目以降が空です）。`),
  "import.renamed-form-sheet": entry("info", (p, place) => `「${place.file}」の申請様式はシート名が「${place.sheet}」に変更されています（見出し行から申請様式と判断して取り込みました）。`),
  "import.several-form-sheets": entry("warning", (p, place) => `「${place.file}」には申請様式のシートが${p.count}枚あります（${p.sheets}）。それぞれ別の申請として取り込みました。重複していないか確認してください。`,
  ),
  "import.extra-sheet": entry("info", (p, place) => `「${place.file}」のシート「${place.sheet}」は申請様式でもマスタでもないため取り込みませんでした。`),
  "import.numeric-codes": entry("warning", (p, place) =>
      `「${place.file}」のシート「${place.sheet}」で、コードや電話番号が数値として入力されています（${p.cells}）。先頭の0が失われている可能性があります。値はファイルのまま取り込み、チェック結果で確認できます。`,
  ),
  "import.same-file-name": entry("warning", (p, place) =>
      `「${place.file}」と同じ名前のファイルは取り込み済みです${p.id ?? ""}。内容が変わっているため新しい版として取り込み、前の版との比較を表示します。新しい版は「未判定」から判定してください。前の版が不要になったら「審査から外す」で外してください（前の版を差戻しにするか審査から外すまでは、同じ利用者の行が重複として指摘されます）。`,
  ),
  "import.same-content": entry("info", (p, place) =>
      `「${place.file}」${place.sheet ? `のシート「${place.sheet}」` : ""}は取り込み済みの ${p.id} と同じ内容のため、取り込みませんでした（${p.id} の判定・備考はそのままです）。`,
  ),
  "import.read-findings-more": entry("warning", (p, place) => `「${place.file}」のシート「${place.sheet}」：読み取りでの指摘がほかに${p.count}件あります。`),
  "review-record.not-json": entry("error", () => "ブックに保存された審査の記録が壊れているため読み込めません（JSONとして読めません）。"),
  "review-record.invalid": entry("error", (p) => `ブックに保存された審査の記録が読み込めません（${p.path}: ${p.detail}）。`),
} satisfies Record<string, CatalogueEntry>;
