export class UsageError extends Error {}

export const USAGE = `使い方:
  nesid-account check FORM.xlsx... [--masters FILE]... [--profile PROFILE.json] [--json]
      申請様式をチェックします。エラーがなければ終了コード 0、エラーがあれば 1。
  nesid-account export FORM.xlsx... [--masters FILE]... --out reg.csv [--encoding cp932|utf8bom] [--no-header] [--include-16]
      登録用CSVを出力します（エラーのない行のみ）。出力できない行は理由とともに表示します。
  nesid-account mail --form FORM.xlsx --issued issued.csv --url URL --out DIR [--split] [--template FILE] [--from ADDR]
      発行結果CSVと申請様式から、利用者ごとの通知メール（.eml 下書き）を作成します。

  --masters FILE   マスタ（.xlsx のマスタシート、または .csv）。申請様式ブック内のマスタシートも使います。
  --progress       進捗を標準エラー出力に表示します（端末では既定で表示）。
終了コード: 0 = 問題なし、1 = エラーあり、2 = 使い方の誤り・読めないファイル`;
