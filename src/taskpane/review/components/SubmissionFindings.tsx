import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { messageOf, SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from "../../../domain";
import { useReviewController } from "../review-context";
import { NOTE_AT, type SubmissionView } from "../review-state";
import { ActionNote } from "./ActionNote";

const useStyles = makeStyles({
  rows: { minWidth: 0 },
  // No bullets: a wrapped finding reads as one block, its severity first.
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: { display: "block", textAlign: "left", overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** 「エラー 2・警告 1」 of one row's findings, worst first. */
function severityCounts(findings: SubmissionView["rows"][number]["findings"]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])
    .map(([sev, n]) => `${SEVERITY_LABEL[sev]} ${n}`)
    .join("・");
}

/**
 * A submission's findings, folded: one line naming the rows with findings; opened, one folded line per row (its
 * number, name and counts), and a row opened lists its findings, each selecting its cell on the submission's sheet.
 */
export function SubmissionFindings({ s }: { s: SubmissionView }) {
  const styles = useStyles();
  const review = useReviewController();
  const errorRows = s.rows.filter((r) => r.findings.some((f) => f.severity === "error")).length;
  return (
    <Accordion collapsible>
      <AccordionItem value="findings">
        <AccordionHeader size="small" data-testid="findings-header">
          指摘のある行（{s.rows.length}行{errorRows > 0 ? `、うちエラー ${errorRows}行` : ""}）
        </AccordionHeader>
        <AccordionPanel>
          <Text size={200} className={styles.hint}>
            行を開くと指摘が表示されます。指摘を押すと、申請のシートのそのセルを選択します。
          </Text>
          <Accordion multiple collapsible className={styles.rows} data-testid="submission-findings">
            {s.rows.map((r) => (
              <AccordionItem key={r.row} value={r.row} data-testid="finding-row" data-row={r.row}>
                <AccordionHeader size="small">
                  {r.row}行目{r.name ? `（${r.name}）` : ""}：{severityCounts(r.findings)}
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {r.findings.map((f, i) => (
                      <li key={i} data-severity={f.severity}>
                        <Link as="button" className={styles.finding} data-testid="review-finding" onClick={() => void review.goToCell(s.id, `${f.place.column}${f.place.row}`)}>
                          {SEVERITY_LABEL[f.severity]} {f.place.column}
                          {f.place.row}：{messageOf(f)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          <ActionNote at={NOTE_AT.findings(s.id)} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
