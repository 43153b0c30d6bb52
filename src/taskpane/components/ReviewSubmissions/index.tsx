import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  Field,
  Input,
  Link,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { approvalNeedsConfirmation, messageOf, REMARK_MAX, REVIEW_STATUSES, reviewProgress, type ReviewStatus, SEVERITY_LABEL } from "../../../domain";
import { useReviewController, useReviewState } from "../../review/review-context";
import type { SubmissionView } from "../../review/review-state";
import { ConfirmDialog } from "../ConfirmDialog";
import { ProblemList } from "../ProblemList";
import type { Step } from "../ReviewPane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  finding: { textAlign: "left", overflowWrap: "anywhere" },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, maxHeight: "240px", overflowY: "auto", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
});

const STATUS_COLOR: Record<ReviewStatus, "informative" | "warning" | "danger" | "success"> = { 受付: "informative", 要確認: "warning", 差戻し: "danger", 承認: "success" };

/** 作業②: pick submitted files, see every submission's check, set the decision and remark; the reports come after. */
export function ReviewSubmissions({ onGoToStep }: { onGoToStep?: (step: Step) => void }) {
  const styles = useStyles();
  const review = useReviewController();
  const submissions = useReviewState((s) => s.submissions);
  const notices = useReviewState((s) => s.notices);
  const canInsert = useReviewState((s) => s.canInsertSheets);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <Progress onGoToStep={onGoToStep} />
      <div className={styles.row}>
        <Button appearance={submissions.length === 0 ? "primary" : "secondary"} onClick={() => input.current?.click()}>
          申請様式を取り込む
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          data-testid="review-file-input"
          aria-label="申請様式のファイル（.xlsx、複数選択可）"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = "";
            if (files.length) void review.importFiles(files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })));
          }}
        />
        <Text size={200}>{canInsert ? "各申請のシートを書式ごとこのブックに追加します。" : "各申請の値をこのブックの新しいシートにコピーします。"}</Text>
      </div>
      {notices.length > 0 && (
        <Card aria-label="取り込みの注意" data-testid="import-notices">
          <Text weight="semibold">取り込みの注意</Text>
          <ProblemList problems={notices} />
        </Card>
      )}
      {submissions.length === 0 ? (
        <Text>取り込んだ申請はまだありません。機関から届いた申請様式（.xlsx）を選んでください。複数まとめて選べます。</Text>
      ) : (
        <>
          {submissions.map((s) => (
            <SubmissionCard key={s.id} s={s} />
          ))}
          <Card aria-label="審査結果の記録">
            <Text weight="semibold">審査結果の記録（判定を付けた後に）</Text>
            <div className={styles.row}>
              <Button onClick={() => void review.writeReportSheet()}>審査結果シートを作成</Button>
              <Button onClick={() => review.downloadReportHtml()}>印刷用の審査結果（HTML）</Button>
            </div>
          </Card>
        </>
      )}
      <TemplateMaker />
    </div>
  );
}



/** 未判定 n・要確認・差戻し・承認 and the step that comes next, named. */
function Progress({ onGoToStep }: { onGoToStep?: (step: Step) => void }) {
  const styles = useStyles();
  const submissions = useReviewState((s) => s.submissions);
  const progress = reviewProgress(submissions.map((x) => x.decision));
  return (
    <Card aria-label="審査の進み具合" data-testid="review-progress">
      {progress.total > 0 && (
        <Text data-testid="review-counts">
          全{progress.total}件：未判定（受付）{progress.counts.受付}・要確認 {progress.counts.要確認}・差戻し {progress.counts.差戻し}・承認 {progress.counts.承認}
        </Text>
      )}
      <div className={styles.row}>
        <Text weight="semibold" data-testid="review-next">
          {progress.next}
        </Text>
        {progress.nextStep === "export" && onGoToStep && (
          <Button size="small" appearance="primary" onClick={() => onGoToStep("export")}>
            ② 登録用CSVへ進む
          </Button>
        )}
      </div>
    </Card>
  );
}

/** 配布用の様式を作成: the form to send to institutions, with the 保健所 of the jurisdiction to choose from. */
function TemplateMaker() {
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
              <Button onClick={() => void review.downloadTemplate(codes)}>配布用の様式を作成</Button>
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function SubmissionCard({ s }: { s: SubmissionView }) {
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
              前回（{s.comparison.previousId}）との比較：追加 {s.comparison.summary.added}行・削除 {s.comparison.summary.removed}行・変更 {s.comparison.summary.changed}行・解消 {s.comparison.summary.resolved}件・新規{" "}
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
      {showSendBack && s.decision.status === "差戻し" && (
        <pre className={styles.pre} data-testid="sendback-text">
          {review.sendBackPreview(s.id)}
        </pre>
      )}
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
