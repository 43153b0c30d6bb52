import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { ReviewStatus } from "../../../domain";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useReviewController } from "../review-context";
import { DECISION_LABEL } from "../review-messages";
import { NOTE_AT, type SubmissionView } from "../review-state";
import { ActionNote } from "./ActionNote";
import { SendBackLetter } from "./SendBackLetter";
import { SubmissionColumns } from "./SubmissionColumns";
import { SubmissionDecision } from "./SubmissionDecision";
import { SubmissionFindings } from "./SubmissionFindings";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", minWidth: 0 },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  text: { overflowWrap: "anywhere", minWidth: 0 },
  action: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, maxHeight: "240px", overflowY: "auto", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
});

const STATUS_COLOR: Record<ReviewStatus, "informative" | "warning" | "danger" | "success"> = { 受付: "informative", 要確認: "warning", 差戻し: "danger", 承認: "success" };

/** The check's state in one badge: errors, else warnings, else none. */
function checkBadge(s: SubmissionView): { color: "danger" | "warning" | "success"; text: string } {
  if (s.summary.errors > 0) return { color: "danger", text: `エラー ${s.summary.errors}件` };
  if (s.summary.warnings > 0) return { color: "warning", text: `警告 ${s.summary.warnings}件` };
  return { color: "success", text: "指摘なし" };
}

/**
 * One submission in step ①, overview first: who and which file, the counts, the check's state and the decision, then
 * 判定 and 備考; the 差戻し actions (each says what it did beside itself); the folded sections (列の対応, the findings by
 * row, the comparison with the version before); 審査から外す last.
 */
export function SubmissionCard({ s, focusDecision, onFocused }: { s: SubmissionView; focusDecision?: boolean; onFocused?: () => void }) {
  const styles = useStyles();
  const review = useReviewController();
  const [showSendBack, setShowSendBack] = useState(false);
  const [asking, setAsking] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const { summary } = s;
  const check = checkBadge(s);
  const copyNote = `${s.id}-copy-note`;
  const markNote = `${s.id}-markup-note`;
  return (
    <Card className={styles.card} aria-label={`${s.id} ${s.institution}`} data-testid="submission" data-id={s.id}>
      <div className={styles.row}>
        <Text weight="semibold">{s.id}</Text>
        <Text weight="semibold" className={styles.text}>
          {s.institution}
        </Text>
        <Badge color={STATUS_COLOR[s.decision.status]} data-testid="submission-status">
          {DECISION_LABEL[s.decision.status]}
        </Badge>
        <Badge color={check.color} appearance="tint" data-testid="submission-check">
          {check.text}
        </Badge>
      </div>
      <Text size={200} className={styles.text}>
        {s.fileName}（シート「{s.sourceSheet}」→「{s.sheetName}」{s.how === "copied" ? "、値をコピー" : ""}）
      </Text>
      <Text size={200} data-testid="submission-summary">
        {summary.rows}行：完了 {summary.complete}・未完了 {summary.incomplete}・空行 {summary.gap}　エラー {summary.errors}件・警告 {summary.warnings}件
      </Text>
      <SubmissionDecision s={s} focusNow={focusDecision} onFocused={onFocused} />
      {s.decision.status === "差戻し" && (
        <div className={styles.row} data-testid="sendback-actions">
          <Button onClick={() => setShowSendBack((v) => !v)} aria-expanded={showSendBack}>
            {showSendBack ? "差戻し文を閉じる" : "差戻し文を表示"}
          </Button>
          <div className={styles.action}>
            <Button onClick={() => void review.copySendBack(s.id)} aria-describedby={copyNote}>
              差戻し文をコピー
            </Button>
            <ActionNote at={NOTE_AT.copySendBack(s.id)} id={copyNote} />
          </div>
          <div className={styles.action}>
            <Button
              onClick={() => void review.downloadMarkedUp(s.id)}
              disabledFocusable={!s.canMarkUp}
              aria-describedby={s.canMarkUp ? markNote : `${s.id}-markup-why ${markNote}`}
            >
              印を付けた様式をダウンロード
            </Button>
            {!s.canMarkUp && (
              <Text size={200} id={`${s.id}-markup-why`} className={styles.text}>
                元のファイルがこの画面にないため作成できません。提出されたファイルを取り込み直すと作成できます。
              </Text>
            )}
            <ActionNote at={NOTE_AT.markUp(s.id)} id={markNote} />
          </div>
        </div>
      )}
      {showSendBack && s.decision.status === "差戻し" && <SendBackLetter id={s.id} />}
      {s.columns && <SubmissionColumns id={s.id} columns={s.columns} />}
      {s.rows.length > 0 && <SubmissionFindings s={s} />}
      {s.comparison && (
        <Accordion collapsible>
          <AccordionItem value="comparison">
            <AccordionHeader size="small">
              {s.comparison.previousLabel}との比較：追加 {s.comparison.summary.added}行・削除 {s.comparison.summary.removed}行・変更 {s.comparison.summary.changed}行・解消 {s.comparison.summary.resolved}件・新規{" "}
              {s.comparison.summary.appeared}件
            </AccordionHeader>
            <AccordionPanel>
              <pre className={styles.pre} data-testid="comparison-text" tabIndex={0} aria-label={`${s.id}と${s.comparison.previousId}の比較`}>
                {s.comparison.text}
              </pre>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <div className={styles.row}>
        <Button ref={removeRef} appearance="subtle" size="small" onClick={() => setAsking(true)}>
          審査から外す
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        testId="confirm-remove"
        title={`${s.id} を審査から外しますか`}
        confirmLabel="審査から外す"
        returnFocus={removeRef}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void review.removeSubmission(s.id);
        }}
      >
        シート「{s.sheetName}」を削除し、判定「{DECISION_LABEL[s.decision.status]}」と備考も消えます。この画面を閉じるまでは「元に戻す」で戻せます。
      </ConfirmDialog>
    </Card>
  );
}
