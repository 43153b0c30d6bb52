import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Card, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useReviewController, useReviewState } from "../review-context";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The accounts matched to approved rows, the rows left without one, and a choice for each account not matched. */
export function MatchLists() {
  const styles = useStyles();
  const review = useReviewController();
  const match = useReviewState((s) => s.match);
  const [choice, setChoice] = useState<Record<string, string>>({});
  if (!match) return null;
  // Only rows the registration CSV writes are expected to have an account.
  const missing = match.unmatchedRecords.filter((r) => r.exported);
  const open = [...match.ambiguous.map((a) => ({ userId: a.userId, label: `${a.userId}（${a.name || "利用者名なし"}、CSV ${a.line}行目）`, options: a.candidates })),
    ...match.unmatchedAccounts.map((a) => ({ userId: a.userId, label: `${a.userId}（${a.name || "利用者名なし"}、${a.email || "メールなし"}、CSV ${a.line}行目）`, options: match.unmatchedRecords }))];
  return (
    <Card aria-label="照合の結果" data-testid="match-result">
      <Text weight="semibold" data-testid="match-summary">
        照合：対応付け {match.matched.length}件・候補が複数 {match.ambiguous.length}件・申請に見つからない {match.unmatchedAccounts.length}件・アカウントのない出力行 {missing.length}件
      </Text>
      <Text size={200}>「アカウントのない出力行」は登録用CSVに出力される行だけを数えます（承認していない申請の行、エラーのある行は含みません）。</Text>
      <Accordion collapsible multiple>
        <AccordionItem value="matched">
          <AccordionHeader size="small">対応付けできたアカウント（{match.matched.length}件）</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {match.matched.map((m) => (
                <li key={m.userId}>
                  {m.userId} → {m.where}（{m.how}）{m.differences.map((d, i) => <div key={i}>※ {d}</div>)}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        {missing.length > 0 && (
          <AccordionItem value="records">
            <AccordionHeader size="small">アカウントが見つからない出力行（{missing.length}件）</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} data-testid="records-without-account">
                {missing.map((r) => (
                  <li key={r.key}>{r.where}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
      {open.length > 0 && (
        <>
          <Text>対応付けできなかったアカウント：申請の行を選んで「対応付ける」を押してください。</Text>
          {open.map((a) => (
            <div key={a.userId} className={styles.row} data-testid="unmatched-account">
              <Field label={a.label}>
                <Select aria-label={`${a.userId}に対応する申請の行`} value={choice[a.userId] ?? ""} onChange={(_, d) => setChoice((c) => ({ ...c, [a.userId]: d.value }))}>
                  <option value="">（選択してください）</option>
                  {a.options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.where}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button disabled={!choice[a.userId]} onClick={() => review.pair(a.userId, choice[a.userId])}>
                対応付ける
              </Button>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
