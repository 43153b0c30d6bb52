export class UsageError extends Error {}

export const USAGE = `使い方:
  nesid-account check FORM.xlsx... [--masters FILE]... [--profile PROFILE.json] [--json] [--view institution|reviewer]
      申請様式をチェックします。エラーがなければ終了コード 0、エラーがあれば 1。
  nesid-account export FORM.xlsx... [--masters FILE]... --out reg.csv [--encoding cp932|utf8bom] [--no-header] [--no-masters]
      登録用CSVを出力します（エラーのない行のみ）。出力できない行は理由とともに表示します。
      保健所マスタや医療機関マスタがないときは出力しません（照合せずに出力してよい場合のみ --no-masters）。
  nesid-account mail --form FORM.xlsx --issued issued.csv --url URL --out DIR [--split] [--template FILE] [--from ADDR]
                     [--issued-columns 利用者ID=…,初期パスワード=…]
      発行結果CSVと申請様式から、利用者ごとの通知メール（.eml 下書き）を作成します。
      全員分を作成できれば終了コード 0、申請様式と対応付けできないアカウントなどがあれば 1。
  nesid-account template --out 様式.xlsx [--masters FILE] [--jurisdiction CODE]...
      医療機関に配布する申請様式（入力規則・一覧・書式・保護つき）を作成します。--jurisdiction は中核市コード、
      2桁の都道府県コード、または保健所コード（保健所コードの一覧をその管内に絞ります）。
  nesid-account annotate SUBMISSION.xlsx [--masters FILE]... --out 差戻し.xlsx [--from 差出人] [--jurisdiction CODE]...
      提出された様式に印を付けた差戻し用のファイルを作ります（問題のセルに色とメモ、先頭にシート「修正のお願い」、
      末尾に照合用のマスタ（管内の保健所と、記入された機関の行））。値と元のシートはそのままです。
      --from は差戻し文の末尾の差出人。修正が必要な箇所があれば終了コード 1。
  nesid-account diff OLD.xlsx NEW.xlsx [--masters FILE]... [--json]
      再提出された様式を前回のものと比べます（利用者ごとに対応付け：追加・削除・変更されたセル、解消した指摘・新しい指摘）。
      今回の様式にエラーがなければ終了コード 0、あれば 1。

  --masters FILE   マスタ（.xlsx のマスタシート、または .csv）。申請様式ブック内のマスタシートも使います。
  --no-masters     export: マスタがなくても（コードを照合せずに）出力します。照合していない列を表示します。
  --include-16     export: 様式プロファイルで保留にした種別も出力します（標準の様式では16も通常どおり出力するため不要）。
  --view institution  check: 医療機関の立場でチェックします。様式プロファイルで自治体が記入する項目（filledByMunicipality）が
                   空欄でもエラーにせず「自治体が記入します」と表示します（既定は reviewer: すべて必須）。
  --progress       進捗を標準エラー出力に表示します（端末では既定で表示）。
  --split          mail: 利用者ID・URL と初期パスワードを別々のメール（1人2通）にします。
  --template FILE  mail: 件名・本文のテンプレート（UTF-8。「Subject: 件名」の行の次の行から本文。{利用者名} {利用者ID}
                   {初期パスワード} {URL} {所属} {二要素認証} などを差し込みます。--split では2通分を順に書きます）。
  --issued-columns 項目=列,…  mail: 発行結果CSVの列を指定します（見出しから判別できないとき）。列は1行目の見出し、列の文字、
                   または1から数えた番号（例：利用者ID=ユーザID,初期パスワード=PW / 利用者ID=A,初期パスワード=C）。
                   指定しない項目は見出しから判別します。
  --from ADDR      mail: 差出人（例："感染症対策課 <kansen@city.example.lg.jp>"）。省略すると Outlook の送信アカウントになります。
                   annotate: 差戻し文の末尾に書く差出人（部署名・連絡先など）。
終了コード：0 = 問題なし、1 = エラーあり、2 = 使い方の誤り・読めないファイル`;
