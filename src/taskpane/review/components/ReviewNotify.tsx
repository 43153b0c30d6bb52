import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useReviewController, useReviewState } from "../review-context";
import { ColumnMapping } from "./ColumnMapping";
import { IssuedSummary } from "./IssuedSummary";
import { MailDrafts } from "./MailDrafts";
import { MatchLists } from "./MatchLists";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
});

/** 作業④: the issued accounts CSV in, matched to approved rows, the mails drafted. Passwords never leave memory except into drafts the user saves. */
export function ReviewNotify() {
  const styles = useStyles();
  const review = useReviewController();
  const issued = useReviewState((s) => s.issued);
  const holds = useReviewState((s) => s.holdsPasswords);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          発行結果CSVを読み込む
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv"
          hidden
          data-testid="issued-file-input"
          aria-label="発行結果CSV"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) await review.loadIssued(file.name, new Uint8Array(await file.arrayBuffer()));
          }}
        />
        {holds && (
          <Button onClick={() => review.forgetPasswords()} data-testid="forget-passwords">
            初期パスワードを忘れる
          </Button>
        )}
      </div>
      {holds && (
        <Text size={200} data-testid="password-reminder">
          初期パスワードはこの画面のメモリにだけあり、ブック・設定・ログには保存しません。メールを送ったら「初期パスワードを忘れる」を押し、発行結果CSVのファイルを削除してください。
        </Text>
      )}
      {issued && <IssuedSummary />}
      {issued?.status === "needs-mapping" && <ColumnMapping />}
      <MatchLists />
      <MailDrafts />
    </div>
  );
}
