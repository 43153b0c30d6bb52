/** What a failed file operation means for the user, in Japanese, with what to do — never a raw code like ENOENT. */
export function fileErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "ファイルまたはフォルダが見つかりません。名前と場所（パス）を確認してください。";
    case "EACCES":
    case "EPERM":
      return "アクセスが許可されていません。読み取り専用でないか、このフォルダに書き込む権限があるかを確認してください。";
    case "EISDIR":
      return "フォルダが指定されています。ファイル名まで指定してください。";
    case "ENOTDIR":
      return "パスの途中にフォルダでないものがあります。パスを確認してください。";
    case "EBUSY":
    case "ETXTBSY":
      return "ほかのアプリ（Excel など）で開かれています。閉じてからやり直してください。";
    case "ENOSPC":
      return "ディスクの空き容量が足りません。";
    case "EROFS":
      return "書き込みできない場所（読み取り専用のドライブ）です。別のフォルダを指定してください。";
    case "EEXIST":
      return "同じ名前のファイルがすでにあります。";
    case "ELOOP":
      return "シンボリックリンクが指定されています。リンクではない通常のファイル・フォルダを指定してください。";
    default:
      return "ファイルを読み書きできませんでした。場所と権限を確認してください。";
  }
}
