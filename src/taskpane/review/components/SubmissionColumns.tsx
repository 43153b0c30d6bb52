import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { FieldKey } from "../../../domain";
import { useReviewController } from "../review-context";
import type { ColumnsView } from "../review-state";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  head: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  text: { overflowWrap: "anywhere" },
});

const NONE = "";

/**
 * 列の対応 of one submission (its columns are not where the profile says): each item's column with the heading found
 * there and how, the columns that are no item, and a select per item to correct it; この対応で確定 confirms. What a
 * correction or the confirmation did is said below the button (aria-live). All logic is the controller's.
 */
export function SubmissionColumns({ id, columns }: { id: string; columns: ColumnsView }) {
  const styles = useStyles();
  const review = useReviewController();
  const statusRef = useRef<HTMLDivElement>(null);
  return (
    <div className={styles.section} data-testid="submission-columns">
      <div className={styles.head}>
        <Text size={200} className={styles.text} data-testid="columns-summary">
          {columns.summary}
        </Text>
        {columns.confirmed && (
          <Badge color="success" appearance="tint" data-testid="columns-confirmed">
            確定済み
          </Badge>
        )}
      </div>
      <Accordion collapsible>
        <AccordionItem value="columns">
          <AccordionHeader size="small">列の対応（{columns.items.length}項目）</AccordionHeader>
          <AccordionPanel>
            <div className={styles.items}>
              <Text size={200} className={styles.text}>
                申請のシートの列と様式の項目の対応です。違っていれば列を選び直してください。選び直すと、すぐにチェックし直します。
              </Text>
              {columns.items.map((item) => (
                <Field
                  key={item.key}
                  label={`${item.label}${item.required ? "（必須）" : ""}`}
                  hint={item.column === undefined ? "この申請のシートに列がありません" : `${item.column}列「${item.heading ?? ""}」（${item.how ?? ""}）`}
                  validationState={item.column === undefined && item.required ? "warning" : "none"}
                >
                  <Select
                    className={styles.select}
                    aria-label={`${id}の${item.label}の列`}
                    value={item.column ?? NONE}
                    onChange={(_, d) => void review.setColumn(id, item.key as FieldKey, d.value === NONE ? null : d.value)}
                  >
                    <option value={NONE}>なし</option>
                    {columns.options.map((o) => (
                      <option key={o.column} value={o.column}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
              {columns.extras.length > 0 && (
                <Text size={200} className={styles.text} data-testid="columns-extras">
                  様式にない列（チェックも登録用CSVへの出力もしません）：{columns.extras.map((e) => `${e.column}列「${e.heading}」`).join("、")}
                </Text>
              )}
              {columns.missing.length > 0 && (
                <Text size={200} className={styles.text} data-testid="columns-missing">
                  列がない項目（空欄として扱います）：{columns.missing.join("、")}
                </Text>
              )}
              {!columns.confirmed && (
                <Button
                  appearance="primary"
                  onClick={() => {
                    void review.confirmColumns(id).then(() => statusRef.current?.focus());
                  }}
                >
                  この対応で確定
                </Button>
              )}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" data-testid="columns-message" data-intent={columns.message?.intent}>
        {columns.message && (
          <Text size={200} className={styles.text}>
            {columns.message.text}
          </Text>
        )}
      </div>
    </div>
  );
}
