/**
 * Failures of Office (or of reading a file) as Japanese sentences for the pane. Office.js rejects with
 * OfficeExtension.Error, whose `code` is stable; the Excel layer may also reject with its own Japanese message.
 */
const OFFICE_CODES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excelでセルを編集中のため操作できません。Enterキーで入力を確定してから、もう一度お試しください。",
  ItemNotFound: "対象のシートまたはセルが見つかりません。シートが削除・名前変更されていないか確認してください。",
  AccessDenied: "ブックが保護されているか読み取り専用のため、変更できません。保護を解除してからお試しください。",
  InvalidArgument: "Excelが指定を受け付けませんでした（範囲や値が不正です）。",
  InvalidReference: "シートまたはセルの参照が無効です。シートが変更されていないか確認してください。",
  RequestPayloadSizeLimitExceeded: "一度に扱うデータが大きすぎます。シートを分けるか、行数を減らしてお試しください。",
  ResponsePayloadSizeLimitExceeded: "一度に読み込むデータが大きすぎます。シートを分けるか、行数を減らしてお試しください。",
  ActivityLimitReached: "Excelの処理上限に達しました。少し待ってから、もう一度お試しください。",
  GeneralException: "Excelで予期しないエラーが発生しました。",
  Conflict: "別の操作と競合しました。もう一度お試しください。",
  ApiNotFound: "このバージョンのExcelでは使えない機能です。",
  Unauthenticated: "Officeへのサインインが必要です。",
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * A whole sentence saying what failed ("判定をブックに保存できませんでした。", from a catalogue), then why — the why from
 * the Office error code or the Excel layer's own message: never assembled from fragments.
 */
export function failureSentence(sentence: string, error: unknown): string {
  return `${sentence}${reason(error)}`;
}

function reason(error: unknown): string {
  if (error && typeof error === "object") {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && OFFICE_CODES[code]) return OFFICE_CODES[code];
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") {
      if (JAPANESE.test(message)) return message;
      return `（詳細：${typeof code === "string" ? code + " " : ""}${message}）`;
    }
    if (typeof code === "string") return `（エラーコード：${code}）`;
  }
  if (typeof error === "string" && error !== "") return JAPANESE.test(error) ? error : `（詳細：${error}）`;
  return "原因が分かりません。もう一度お試しください。";
}
