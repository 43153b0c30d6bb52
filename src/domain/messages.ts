import type { Severity } from "./findings";

/** Parameters a message may use. Every value is already display text. */
export type MessageParams = Record<string, string | number | undefined>;

interface MessageEntry {
  severity: Severity;
  text: (p: MessageParams) => string;
}

function entry(severity: Severity, text: (p: MessageParams) => string): MessageEntry {
  return { severity, text };
}

/**
 * The catalogue of findings: stable code → severity and Japanese text. Tests assert codes; users read text.
 * Parameters: label = the column's field name, value = what the cell holds.
 */
export const MESSAGES = {
  "cell.error-value": entry("error", (p) => `セルがエラー値（${p.value}）になっています。数式や参照を確認し、値を直接入力してください。`),
  "cell.control-character": entry("error", () => "セル内に改行などの制御文字（目に見えない文字を含む）が含まれています。取り除いて1行で入力してください。"),
  "cell.formula-like": entry("error", (p) => `「${p.first}」で始まる値はCSVで数式として扱われるおそれがあるため登録できません。先頭の文字を見直してください。`),
  "required.missing": entry("error", (p) => `${p.label}が入力されていません。`),
  "required.municipality-fills": entry("info", (p) => `${p.label}は自治体が記入します（医療機関での記入は不要です）。`),
  "text.surrounding-space": entry("warning", () => "値の前後に空白があります。空白を除いて登録します。"),
  "name.non-jis": entry("error", (p) => `登録できない文字（環境依存文字など）が含まれています：${p.chars}。JIS第1・第2水準の文字に置き換えてください。`),
  "name.halfwidth-kana": entry("warning", () => "半角カタカナが含まれています。全角カタカナでの入力をおすすめします。"),
  "name.generic": entry("warning", (p) => `利用者名「${p.value}」は個人名ではなく共用・部署名のようです。アカウントは利用者ごとに申請してください。`),
  "name.duplicate": entry("error", (p) => `${p.rows}行目と同じ利用者・所属機関の申請です（重複申請）。どちらか一方を削除してください。`),
  "name.same-name": entry("warning", (p) => `${p.rows}行目と同じ利用者名・所属機関の申請ですが、連絡先（メールアドレス・電話番号）が異なります。同姓同名の別の方か確認してください（同じ方なら重複申請です）。`),
  "name.same-name-other-file": entry("warning", (p) => `「${p.source}」の${p.rows}行目と同じ利用者名・所属機関の申請ですが、連絡先が異なります。同姓同名の別の方か確認してください。`),
  "name.duplicate-other-file": entry("error", (p) => `「${p.source}」の${p.rows}行目と同じ利用者・所属機関の申請です（別の申請様式との重複）。`),
  "phone.normalized": entry("warning", () => "全角の数字・ハイフンなどが含まれています。半角に直して登録します。"),
  "phone.leading-zero-lost": entry("error", (p) => `数値として入力されたため先頭の0が消えています（${p.value}）。文字列として「${p.fix}」と入力してください。`),
  "phone.international": entry("error", () => "国際表記（+81）ではなく、0から始まる国内の番号で入力してください。"),
  "phone.foreign": entry("error", () => "日本国内の電話番号のみ登録できます。"),
  "phone.invalid-characters": entry("error", () => "電話番号に使えない文字が含まれています。数字とハイフンで入力してください。"),
  "phone.no-leading-zero": entry("error", () => "電話番号は0から始まる国内の番号で入力してください（市外局番から）。"),
  "phone.length": entry("error", (p) => `電話番号の桁数が正しくありません（数字${p.digits}桁）。市外局番からの10桁、携帯電話などは11桁です。`),
  "phone.invalid": entry("error", () => "日本の電話番号として正しくありません。番号を確認してください。"),
  "tfa.sms-needs-mobile": entry("error", () => "二要素認証手段がSMS（2）のため、携帯電話番号（070・080・090で始まる11桁）が必要です。0800などのフリーダイヤル、IP電話（050）、固定電話ではSMSを受け取れません。"),
  "email.fullwidth": entry("error", () => "全角文字が含まれています。メールアドレスは半角英数字で入力してください（初期パスワードの送付先になります）。"),
  "email.invalid": entry("error", (p) => `メールアドレスの形式が正しくありません${p.reason ? `（${p.reason}）` : ""}。`),
  "code.normalized": entry("warning", (p) => `全角数字などが含まれています。「${p.fix}」として登録します。`),
  "code.zero-padded": entry("warning", (p) => `数値として入力されたため先頭の0が失われています。マスタの「${p.fix}」として扱います。文字列で入力し直してください。`),
  "orgType.normalized": entry("warning", (p) => `所属機関分類コード「${p.value}」は「${p.fix}」として登録します。`),
  "orgType.invalid": entry("error", (p) => `所属機関分類コード「${p.value}」は使えません。${p.allowed}のいずれかを入力してください。`),
  "orgType.not-accepted": entry("warning", (p) => `所属機関分類コード${p.value}（${p.label}）の申請は、この窓口では受け付けていません。${p.where}に申請してください（登録用CSVには出力しません）。`),
  "orgType.deferred": entry("warning", () => "16（医療機関管理者（定点））のアカウントは、次期システムの運用開始後に発行します。"),
  "healthCenter.unknown": entry("error", (p) => `保健所コード「${p.value}」は保健所マスタにありません。保健所マスタB列のコードを入力してください。`),
  "cityCode.mismatch": entry("error", (p) => `中核市コードが保健所マスタと一致しません。保健所コード${p.healthCenter}の中核市コードは${p.candidates}${String(p.candidates).includes("・") ? "のいずれか" : ""}です。`),
  "downloadFlag.invalid": entry("error", (p) => `個票・CSVダウンロードフラグ「${p.value}」は使えません。0 または 1 を入力してください。`),
  "institution.blank": entry("warning", (p) => `所属医療機関/動物診療施設コードが空欄です（${p.master}に未登録の機関として申請）。マスタ登録のため、次の情報を機関から聴取してください：${p.collect}。空欄のままでは登録用CSVに出力できません。`),
  "institution.unknown": entry("error", (p) => `コード「${p.value}」は${p.master}にありません。`),
  "institution.wrong-master": entry("error", (p) => `コード「${p.value}」は${p.other}のコードです。所属機関分類コード（E列）が正しいか確認してください。`),
  "institution.health-center-mismatch": entry("warning", (p) => `${p.institution}の保健所コードは${p.masterHealthCenter}ですが、K列は${p.healthCenter}です。管轄の保健所を確認してください。`),
  "tfaMethod.invalid": entry("error", (p) => `二要素認証手段コード「${p.value}」は使えません。${p.allowed}のいずれかを入力してください。`),
  "tfa.shared": entry("warning", (p) => `${p.rows}行目の別の利用者と同じ二要素認証先です。二要素認証には本人専用の連絡先を登録してください。`),
  "tfa.shared-other-file": entry("warning", (p) => `別の申請様式（${p.places}）の別の利用者と同じ二要素認証先です。二要素認証には本人専用の連絡先を登録してください。`),
  "grey.has-value": entry("warning", () => "入力不要の列に値があります。この列は空欄にしてください。"),
  "row.gap": entry("error", () => "空行です。最終行までの間に空行があると一括登録でエラーになります。行を削除して上に詰めてください。"),
  // What the workbook reader finds in a submitted file (the cell as Excel shows it, not as a library guesses it).
  "cell.formula-uncached": entry("error", (p) => `セル${p.cell}の数式に計算結果が保存されていません（Excel以外のソフトで作成・保存されたファイルです）。Excelで開いて保存し直してください。`),
  "cell.shared-string-missing": entry("error", (p) => `セル${p.cell}の文字列がファイル内に見つかりません（ファイルが壊れている可能性があります）。Excelで開いて値を確認し、保存し直してください。`),
  "cell.merged": entry("warning", (p) => `セル${p.range}が結合されています。Excelでは結合範囲の左上のセル（${p.anchor}）にだけ値があり、他のセルは空欄として扱われます。結合を解除して各行に値を入力してください。`),
  "row.stray": entry("error", (p) => `${p.row}行目に、申請データ（${p.lastRow}行目まで）から大きく離れた値があります（${p.cells}）。不要な値なら削除してください。申請データなら空行を詰めて上に移動してください。この行はチェック・出力の対象にしていません。`),
  // A file that cannot be read at all: the whole message names the file.
  "file.encrypted": entry("error", (p) => `ファイル「${p.file}」はパスワードで保護（暗号化）されているため読めません。Excelで開いてパスワードを解除して保存し直してください。`),
  "file.xls": entry("error", (p) => `ファイル「${p.file}」は古い形式（.xls）のExcelブックのため読めません。Excelで開き、ファイルの種類を Excel ブック (.xlsx) で保存し直してください。`),
  "file.not-xlsx": entry("error", (p) => `ファイル「${p.file}」はExcelブック（.xlsx）ではありません。.xlsx ファイルを指定してください。`),
  "file.truncated": entry("error", (p) => `ファイル「${p.file}」は途中で切れているため読めません（コピーやダウンロードが終わっていない可能性があります）。元のファイルをもう一度取得してください。`),
  "file.damaged": entry("error", (p) => `ファイル「${p.file}」は壊れているため読めません（${p.part}）。Excelで開いて修復・保存し直すか、元のファイルをもう一度取得してください。`),
  "file.no-workbook": entry("error", (p) => `ファイル「${p.file}」はZIP形式ですがExcelブック（.xlsx）ではありません。.xlsx ファイルを指定してください。`),
  // reader (issue 19)
  "file.sheet-missing": entry("error", (p) => `ファイル「${p.file}」は壊れているため読めません（シート「${p.sheet}」の中身 ${p.part} がファイル内にありません）。Excelで開いて修復・保存し直すか、元のファイルをもう一度取得してください。`),
} satisfies Record<string, MessageEntry>;

export type FindingCode = keyof typeof MESSAGES;
