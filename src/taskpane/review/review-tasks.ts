/** Each Office task of the review as the pane names it: what it is doing (spinner) and the whole sentence when it fails. */
export const REVIEW_TASKS = {
  審査の記録の読み込み: { doing: "審査の記録を読み込んでいます", failed: "審査の記録を読み込めませんでした。" },
  申請様式の取り込み: { doing: "申請様式を取り込んでいます", failed: "申請様式を取り込めませんでした。" },
  判定の保存: { doing: "判定を保存しています", failed: "判定をブックに保存できませんでした。" },
  申請の削除: { doing: "申請を審査から外しています", failed: "申請を審査から外せませんでした。" },
  申請の復元: { doing: "外した申請を元に戻しています", failed: "外した申請を元に戻せませんでした。" },
  設定の保存: { doing: "設定を保存しています", failed: "設定をブックに保存できませんでした。" },
  審査結果シートの作成: { doing: "審査結果シートを作成しています", failed: "審査結果シートを作成できませんでした。" },
  差戻し用の様式の作成: { doing: "差戻し用の様式を作成しています", failed: "差戻し用の様式を作成できませんでした。" },
  配布用の様式の作成: { doing: "配布用の様式を作成しています", failed: "配布用の様式を作成できませんでした。" },
  登録用CSVの出力: { doing: "登録用CSVを出力しています", failed: "登録用CSVを出力できませんでした。" },
  CSVのシートへの書き出し: { doing: "CSVをシートに書き出しています", failed: "CSVをシートに書き出せませんでした。" },
  列の対応の保存: { doing: "列の対応を保存しています", failed: "列の対応をブックに保存できませんでした。" },
  セルの選択: { doing: "セルを選択しています", failed: "申請のシートのセルを選択できませんでした。" },
} as const;

export type ReviewTask = keyof typeof REVIEW_TASKS;

/** Sheets the review writes into the workbook. */
export const REPORT_SHEET = "審査結果";
export const CSV_SHEET = "登録用CSV";
