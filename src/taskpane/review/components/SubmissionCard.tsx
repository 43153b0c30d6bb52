import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Card, Field, Link, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { approvalNeedsConfirmation, messageOf, REMARK_MAX, REVIEW_STATUSES, type ReviewStatus, SEVERITY_LABEL } from "../../../domain";
import { useReviewController } from "../review-context";
import type { SubmissionView } from "../review-state";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SendBackLetter } from "./SendBackLetter";
import { SubmissionColumns } from "./SubmissionColumns";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  finding: { textAlign: "left", overflowWrap: "anywhere" },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, maxHeight: "240px", overflowY: "auto", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
});

const STATUS_COLOR: Record<ReviewStatus, "informative" | "warning" | "danger" | "success"> = { 受付: "informative", 要確認: "warning", 差戻し: "danger", 承認: "success" };


export function SubmissionCard({ s }: { s: SubmissionView }) {
  const styles = useStyles();
  const review = useReviewController();
  const [remark, setRemark] = useState(s.decision.remark);
  const [showSendBack, setShowSendBack] = useState(false);
  const [asking, setAsking] = useState<"approve" | "remove" | undefined>();
  const statusRef = useRef<HTMLSelectElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const { summary } = s;
  const errorRows = s.rows.filter((r) => r.findings.some((f) => f.severity === "error")).length;
  return (
    <Card className={styles.card} aria-label={`${s.id} ${s.institution}`} data-testid="submission" data-id={s.id}>
      <div className={styles.row}>
        <Text weight="semibold">{s.id}</Text>
        <Text>{s.institution}</Text>
        <Badge color={STATUS_COLOR[s.decision.status]} data-testid="submission-status">
          {s.decision.status}
        </Badge>
      </div>
      <Text size={200}>
        {s.fileName}（シート「{s.sourceSheet}」→「{s.sheetName}」{s.how === "copied" ? "、値をコピー" : ""}）
      </Text>
      <Text size={200} data-testid="submission-summary">
        {summary.rows}行：完了 {summary.complete}・未完了 {summary.incomplete}・空行 {summary.gap}　エラー {summary.errors}件・警告 {summary.warnings}件
      </Text>
      {s.columns && <SubmissionColumns id={s.id} columns={s.columns} />}
      {s.rows.length > 0 && (
        <Accordion collapsible defaultOpenItems={summary.errors > 0 ? ["findings"] : []}>
          <AccordionItem value="findings">
            <AccordionHeader size="small">
              指摘のある行（{s.rows.length}行{errorRows > 0 ? `、うちエラー ${errorRows}行` : ""}）
            </AccordionHeader>
            <AccordionPanel>
              <Text size={200}>指摘を押すと、申請のシートのそのセルを選択します。</Text>
              <ul className={styles.findings} data-testid="submission-findings">
                {s.rows.map((r) => (
                  <li key={r.row}>
                    {r.row}行目{r.name ? `（${r.name}）` : ""}
                    <ul>
                      {r.findings.map((f, i) => (
                        <li key={i} data-severity={f.severity}>
                          <Link as="button" className={styles.finding} data-testid="review-finding" onClick={() => void review.goToCell(s.id, `${f.place.column}${f.place.row}`)}>
                            {SEVERITY_LABEL[f.severity]} {f.place.column}{f.place.row}：{messageOf(f)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {s.comparison && (
        <Accordion collapsible>
          <AccordionItem value="comparison">
            <AccordionHeader size="small">
              {s.comparison.previousLabel}との比較：追加 {s.comparison.summary.added}行・削除 {s.comparison.summary.removed}行・変更 {s.comparison.summary.changed}行・解消 {s.comparison.summary.resolved}件・新規{" "}
              {s.comparison.summary.appeared}件
            </AccordionHeader>
            <AccordionPanel>
              <pre className={styles.pre} data-testid="comparison-text">
                {s.comparison.text}
              </pre>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <div className={styles.row}>
        <Field label="判定">
          <Select
            ref={statusRef}
            value={s.decision.status}
            onChange={(_, d) => {
              const status = d.value as ReviewStatus;
              if (status === "承認" && approvalNeedsConfirmation(summary)) setAsking("approve");
              else void review.setDecision(s.id, { status });
            }}
            aria-label={`${s.id}の判定`}
          >
            {REVIEW_STATUSES.map((st) => (
              <option key={st} value={st}>
                {st}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="備考（審査の記録・差戻しの理由）">
        <Textarea
          value={remark}
          maxLength={REMARK_MAX}
          aria-label={`${s.id}の備考`}
          onChange={(_, d) => setRemark(d.value)}
          onBlur={() => {
            if (remark !== s.decision.remark) void review.setDecision(s.id, { remark });
          }}
        />
      </Field>
      <div className={styles.row}>
        {s.decision.status === "差戻し" && (
          <>
            <Button onClick={() => setShowSendBack((v) => !v)}>{showSendBack ? "差戻し文を閉じる" : "差戻し文を表示"}</Button>
            <Button onClick={() => void review.copySendBack(s.id)}>差戻し文をコピー</Button>
            <Button
              onClick={() => void review.downloadMarkedUp(s.id)}
              disabledFocusable={!s.canMarkUp}
              aria-describedby={s.canMarkUp ? undefined : `${s.id}-markup-why`}
            >
              印を付けた様式をダウンロード
            </Button>
            {!s.canMarkUp && (
              <Text size={200} id={`${s.id}-markup-why`}>
                元のファイルがこの画面にないため作成できません。提出されたファイルを取り込み直すと作成できます。
              </Text>
            )}
          </>
        )}
        <Button ref={removeRef} appearance="subtle" onClick={() => setAsking("remove")}>
          審査から外す
        </Button>
      </div>
      {showSendBack && s.decision.status === "差戻し" && <SendBackLetter id={s.id} />}
      <ConfirmDialog
        open={asking === "approve"}
        testId="confirm-approve"
        title={`${s.id} を承認しますか`}
        confirmLabel="エラーがあるまま承認する"
        returnFocus={statusRef}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          setAsking(undefined);
          void review.setDecision(s.id, { status: "承認" }).then(() => setTimeout(() => statusRef.current?.focus(), 0));
        }}
      >
        この申請にはエラーが{summary.errors}件あります。エラーのある行は登録用CSVに出力されません。差戻しにしない理由を備考に残してください。
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "remove"}
        testId="confirm-remove"
        title={`${s.id} を審査から外しますか`}
        confirmLabel="審査から外す"
        returnFocus={removeRef}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          setAsking(undefined);
          void review.removeSubmission(s.id);
        }}
      >
        シート「{s.sheetName}」を削除し、判定「{s.decision.status}」と備考も消えます。この画面を閉じるまでは「元に戻す」で戻せます。
      </ConfirmDialog>
    </Card>
  );
}
