import { uncheckedMastersMessage, type ReviewStatus, type UncheckedMasters } from "../../domain";

/**
 * A decision as the pane names it: 受付 (the status a submission is imported with, kept in the record) is shown as
 * 未判定, so the list never mixes a state and a decision.
 */
export const DECISION_LABEL: Record<ReviewStatus, string> = { 受付: "未判定", 要確認: "要確認", 差戻し: "差戻し", 承認: "承認" };

/**
 * How an earlier version of a submission is named in sentences: 「前回（S001）」 only when it was imported in an earlier
 * session (a reopened review); one imported in this session is 「S001（先ほど取り込み）」.
 */
export function previousLabel(id: string, earlierSession: boolean): string {
  return earlierSession ? `前回（${id}）` : `${id}（先ほど取り込み）`;
}

/**
 * The review tab's messages (session.say) as whole Japanese sentences, by step. A failed Office task's sentence is in
 * review-tasks.ts; the form tab's are in state/pane-failures.ts.
 */
export const REVIEW_MESSAGES = {
  intake: {
    /** The saved record could not be read (`why` is the parser's sentence); the review starts afresh. */
    recordUnreadable: (why: string) => `${why} 新しい審査として始めます（ブックの記録は上書きしません）。`,
    /** An old Excel without settings: decisions last only while the pane is open. */
    cannotStoreRecord: () =>
      "この Excel は古い版のため、審査の判定をブックに保存できません。判定はこの画面を閉じるまで有効です（新しい版の Excel では保存されます）。",
    /** A reopened review workbook whose submission sheets cannot be read (no form gateway). */
    sheetsUnreadable: () => "保存された審査の申請シートを読み込めません。申請様式を取り込み直してください。",
    sheetsMissing: (missing: readonly { id: string; fileName: string; sheetName: string }[]) =>
      `${missing.map((m) => `${m.id}（${m.fileName}）のシート「${m.sheetName}」`).join("、")}が見つかりません。削除または名前が変更されています。`,
    /** Up to 3 sheets by name; more, the first two and how many others (the cards list them all). */
    imported: (sheetNames: readonly string[]) =>
      `${sheetNames.length}件の申請を取り込みました（${sheetNames.length <= 3 ? sheetNames.join("、") : `${sheetNames.slice(0, 2).join("、")} ほか${sheetNames.length - 2}件`}）。`,
    /** The host cannot insert a worksheet, so the submission's values were copied instead. */
    valuesCopied: () => "この Excel ではシートをそのまま挿入できないため、値をコピーしました（書式は引き継がれません）。",
    /** A CSV (an online application service's list) is copied as values: there is no sheet to insert. */
    csvCopied: () => "CSVのファイルは、値をこのブックの新しいシートにコピーしました。",
    /** A newer version whose rows changed: undecided, compared with the one before it. */
    resubmitted: (id: string, previous: string) =>
      `${id} は ${previous}の新しい版です。判定は引き継がず「未判定」から始めます。カードの比較で変わった行を確認してください。`,
    /** A file whose content is already in the review: not added again (the notice says the same). */
    sameContent: (fileName: string, id: string) => `「${fileName}」は取り込み済みの ${id} と同じ内容のため、追加しませんでした。`,
    filesRefused: (count: number) => `${count}件のファイル・シートを取り込めませんでした。理由は「取り込みの注意」を確認してください。`,
  },
  desk: {
    /** Said beside the 判定 box once a decision or a remark is saved. */
    decided: (status: string) => `判定を「${status}」にしました。`,
    remarkSaved: () => "備考を保存しました。",
    /** An item put in another column (null = none); the submission was checked again. */
    columnSet: (label: string, column: string | null, errors: number, warnings: number) =>
      `${label}を${column === null ? "「なし」（この様式にない）" : `${column}列`}にして、チェックし直しました（エラー ${errors}件・警告 ${warnings}件）。`,
    /** The rows read differently after a column correction: the decision went back to 受付. */
    decisionReset: (status: string) => `行の内容が変わったため、判定「${status}」を「${DECISION_LABEL.受付}」に戻しました。判定し直してください。`,
    columnsConfirmed: (id: string) => `${id}の列の対応を確定しました。`,
    /** 審査から外す done; `canUndo` adds how to put it back. */
    removed: (id: string, fileName: string, sheetName: string, canUndo: boolean) =>
      `${id}（${fileName}）を審査から外し、シート「${sheetName}」を削除しました。${canUndo ? "「元に戻す」で判定・備考ごと戻せます（この画面を閉じるまで）。" : ""}`,
    restored: (id: string, fileName: string, status: string) =>
      `${id}（${fileName}）を審査に戻しました（判定「${status}」と備考もそのままです）。`,
    /** Why 元に戻す fails when a sheet of the same name was added meanwhile. */
    sheetTaken: (sheetName: string) =>
      `シート「${sheetName}」が既にあるため、元に戻せません。シートの名前を変えてから、もう一度お試しください。`,
  },
  export: {
    /** The refusal when a master the rows need is not loaded and 「マスタなしで出力する」 is off. */
    uncheckedMasters: (missing: UncheckedMasters) =>
      uncheckedMastersMessage(missing, "「マスタなしで出力する（コードを照合しない）」をオンにする").join(" "),
    nothingImported: () => "取り込んだ申請がありません。先に「申請様式を取り込む」で提出されたファイルを選んでください。",
    noRows: (refused: number) => `出力できる行がありません（${refused}行すべてを出力しませんでした）。理由は下の一覧を確認してください。`,
    downloaded: (fileName: string, rows: number, encoding: "cp932" | "utf8bom") =>
      `「${fileName}」をダウンロードしました（${rows}行、${encoding === "cp932" ? "Shift_JIS" : "UTF-8 BOM付き"}）。保存先はダウンロードフォルダーです。`,
    /** The host cannot download: the CSV lines went to a sheet, with how to save it as CSV. */
    sheetInsteadOfDownload: (sheetName: string, rows: number) =>
      `この Excel ではファイルをダウンロードできないため、シート「${sheetName}」にCSVの行を書き出しました（${rows}行）。そのシートを表示した状態で［ファイル］→［名前を付けて保存］→ ファイルの種類「CSV (コンマ区切り)」で保存してください。`,
    writtenToSheet: (sheetName: string, rows: number, header: boolean) =>
      `シート「${sheetName}」にCSVの行（${rows}行${header ? "＋見出し" : ""}）を書き出しました。［名前を付けて保存］で「CSV (コンマ区切り)」を選ぶと Shift_JIS で保存されます。`,
    copied: (rows: number) =>
      `CSVの内容（${rows}行）をクリップボードにコピーしました。クリップボードには文字として入ります（Shift_JISのファイルではありません）。メモ帳に貼り付け、文字コード「ANSI」で保存してください。`,
    copyFailed: () => "クリップボードにコピーできませんでした。「シートに書き出す」を使ってください。",
  },
  report: {
    sheetWritten: (sheetName: string, rows: number) =>
      `シート「${sheetName}」に審査結果を書き出しました（${rows}行）。Excel の印刷・PDF保存で記録として残せます。`,
    /** The host cannot save files: the report sheet is the way to print. */
    cannotDownload: () => "この Excel ではファイルを保存できません。「審査結果シートを作成」で Excel から印刷してください。",
    downloaded: (fileName: string) => `「${fileName}」をダウンロードしました。ブラウザーで開いて印刷できます。`,
  },
  sendBack: {
    copied: (id: string) => `${id} の差戻し文をクリップボードにコピーしました。メールや文書に貼り付けて送ってください。`,
    copyFailed: () => "クリップボードにコピーできませんでした。",
    /** The host cannot save files: no marked-up form, the letter or the CLI instead. */
    cannotDownload: () =>
      "この Excel ではファイルを保存できないため、印を付けた様式を作れません。「差戻し文をコピー」を使うか、コマンド（nesid-account annotate）を使ってください。",
    /** The submission was imported in an earlier session, so its file's bytes are not here. */
    noOriginal: (id: string) =>
      `${id} は以前の作業で取り込まれたため、元のファイルがこの画面にありません。提出されたファイルを取り込み直すか、コマンド（nesid-account annotate）を使ってください。`,
    downloaded: (fileName: string, cells: number) =>
      `「${fileName}」をダウンロードしました（印を付けたセル ${cells} 件）。差戻し文とともに機関へ送ってください。`,
    /** The sender block could not be kept on this PC (storage refused): it lasts while the pane is open. */
    senderNotRemembered: () => "このパソコンでは差出人を記憶できないため、この画面を閉じるまで使います。",
    /** A CSV (an online application list) has no cells to mark: the letter instead. */
    csvNoMarkUp: (id: string) => `${id} はCSV（電子申請の一覧）のため、印を付けた様式は作れません。「差戻し文をコピー」で指摘を送ってください。`,
  },
  template: {
    /** The host cannot save files: the browser Excel or the CLI instead. */
    cannotDownload: () =>
      "この Excel ではファイルを保存できないため、様式を作成できません。ブラウザー版の Excel か、コマンド（nesid-account template）を使ってください。",
    /** Jurisdiction codes with no 保健所 in the workbook's 保健所マスタ. */
    unknownCodes: (codes: readonly string[]) =>
      `管轄のコード ${codes.join("、")} に当たる保健所が保健所マスタにありません（中核市コード、2桁の都道府県コード、または保健所コード）。`,
    /** Jurisdiction codes given, but the workbook has no 保健所マスタ to filter with. */
    needsMaster: () => "管轄のコードで絞り込むには、このブックに「保健所マスタ」のシートが必要です。",
    /** The form with a list of the jurisdiction's 保健所. */
    downloadedWithCenters: (fileName: string, centers: number) =>
      `「${fileName}」をダウンロードしました。保健所コードは一覧（${centers}件）から選び、中核市コードは自動で表示されます。`,
    /** The form without a 保健所 list (no 保健所マスタ in the workbook). */
    downloadedWithoutCenters: (fileName: string) =>
      `「${fileName}」をダウンロードしました。このブックに保健所マスタのシートがないため、保健所コード・中核市コードは手入力の様式です。`,
  },
  notify: {
    /** No 承認 submission, so the issued accounts have no rows to match. */
    noApproved: () => "「承認」の申請がないため、発行結果と照合する申請の行がありません。",
    /** Why the password goes in its own mail (shown beside the switch). */
    splitWhy: () => "初期パスワードは利用者ID・URLとは別のメールで送ります。1通が誤って届いたり盗み見られたりしても、それだけではログインできないようにするためです。",
    /** The reviewer chose one mail: said beside the switch. */
    singleWarning: () => "利用者ID・URL・初期パスワードを1通のメールに書きます。このメールだけでログインできるため、宛先に誤りがないか特に注意してください。",
    /** Some drafts are too long for a mailto: link (those lines have no 「メールを作成」 button). */
    emlSome: (mails: number) =>
      `本文が長いため、${mails}通の下書きはメールソフトに直接渡せません（「メールを作成」ボタンのない下書き）。「下書きをまとめて保存（.zip）」で保存し、.eml ファイルを開いて送ってください。`,
    /** Every draft is too long for a mailto: link: there is no 「メールを作成」 button at all. */
    emlAll: () => "本文が長いため、どの下書きもメールソフトに直接渡せません。「下書きをまとめて保存（.zip）」で保存し、.eml ファイルを開いて送ってください。",
    /** A manual pairing refused (the why follows it). */
    pairFailed: () => "手動で対応付けできませんでした。",
    /** The browser's storage is unavailable: the URL lasts while the pane is open. */
    urlNotRemembered: () => "このPCではURLを記憶できません（ブラウザーの保存領域が使えません）。この画面を閉じるまで有効です。",
    urlForgotten: () => "このPCに記憶したシステムのURLを消去しました。",
    issuedFirst: () => "先に発行結果CSVを読み込んでください。",
    drafted: (people: number, mails: number) =>
      `${people}人分・${mails}通の下書きを作成しました。「下書きをまとめて保存（.zip）」で保存できます。`,
    /** No draft: every problem is the system URL. */
    draftsUrlInvalid: () => "メールの下書きを作成できませんでした。「システムのURL」の欄を確認してください。",
    /** No draft: the problems are listed under the button. */
    draftsFailed: () => "メールの下書きを作成できませんでした。理由は「メールの下書きを作成」のボタンの下に表示しています。",
    /** The host cannot save files: no .zip, the per-row mailto or the browser Excel instead. */
    cannotDownload: () =>
      "この Excel ではファイルを保存できないため、.zip を作れません。各行の「メールを作成」を使うか、ブラウザー版の Excel で操作してください。",
    zipDownloaded: (zipName: string, mails: number) =>
      `「${zipName}」をダウンロードしました（${mails}通）。展開した .eml を Outlook で開くと下書きになります。下書きには初期パスワードが含まれるため、送信後は .zip・.eml と発行結果CSVを削除してください。`,
    passwordsForgotten: () => "初期パスワードをこの画面のメモリから消去しました。発行結果CSVのファイルは、メール送信後に削除してください。",
  },
} as const;
