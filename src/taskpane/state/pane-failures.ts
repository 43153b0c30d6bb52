/**
 * The form tab's Office tasks as the whole sentence the pane shows when one fails; the why (from the Office error
 * code or the Excel layer's own message) follows it. The review tab's are in review/review-tasks.ts.
 */
export const PANE_FAILURES = {
  start: () => "申請様式を開けませんでした。",
  open: (sheet: string) => `シート「${sheet}」を申請様式として開けませんでした。`,
  recheck: () => "再チェックできませんでした。",
  fix: () => "修正をセルに書き込めませんでした。",
  bulkFix: () => "まとめて修正できませんでした。",
  healthCenter: () => "保健所をセルに書き込めませんでした。",
  institution: () => "医療機関をセルに書き込めませんでした。",
  masterSheet: (sheet: string) => `シート「${sheet}」をマスタとして読み込めませんでした。`,
  masterFile: (fileName: string) => `ファイル「${fileName}」をマスタとして読み込めませんでした。`,
  selectCell: (address: string) => `セル ${address} を選択できませんでした。`,
  saveMaster: () => "マスタをシートに保存できませんでした。",
  clearHighlights: () => "ハイライトを消せませんでした。",
  showHighlights: () => "ハイライトを表示できませんでした。",
  readChanges: () => "変更されたセルを読み込めませんでした。",
  stopWatching: () => "変更の監視を止められませんでした。",
  recheckChanges: () => "変更されたセルを再チェックできませんでした。",
  reloadMaster: (sheet: string) => `シート「${sheet}」のマスタを読み込み直せませんでした。`,
  reloadForm: () => "申請様式を読み込み直せませんでした。",
  undoFix: () => "修正を元に戻せませんでした。",
} as const;
