import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useReviewController } from "../review-context";
import { NOTE_AT } from "../review-state";
import { ActionNote } from "./ActionNote";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 配布用の様式を作成: the form to send to institutions, with the 保健所 of the jurisdiction to choose from. */
export function TemplateMaker() {
  const styles = useStyles();
  const review = useReviewController();
  const [codes, setCodes] = useState("");
  return (
    <Accordion collapsible>
      <AccordionItem value="template">
        <AccordionHeader size="small">医療機関に配布する様式</AccordionHeader>
        <AccordionPanel>
          <div className={styles.card}>
            <Text size={200}>
              入力規則（一覧・桁数・全角文字）、文字列の書式、入力不要の列の保護（パスワードなし）、入力時のメッセージ付きの様式を作ります。
              このブックの保健所マスタから、保健所コードの一覧と中核市コードの自動表示を付けます。
            </Text>
            <Field label="管轄のコード（中核市コード・2桁の都道府県コード・保健所コード、複数は空白区切り。空欄ならすべての保健所）">
              <Input value={codes} onChange={(_, d) => setCodes(d.value)} aria-label="管轄のコード" />
            </Field>
            <div className={styles.row}>
              <Button onClick={() => void review.downloadTemplate(codes)} aria-describedby="review-template-note">
                配布用の様式を作成
              </Button>
            </div>
            <ActionNote at={NOTE_AT.template} id="review-template-note" />
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
