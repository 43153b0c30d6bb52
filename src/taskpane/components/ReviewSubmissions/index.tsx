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
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { REMARK_MAX, REVIEW_STATUSES, type ReviewStatus } from "../../../domain";
import { useReviewController, useReviewState } from "../../review/review-context";
import type { SubmissionView } from "../../review/review-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, maxHeight: "240px", overflowY: "auto", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
});

const STATUS_COLOR: Record<ReviewStatus, "informative" | "warning" | "danger" | "success"> = { 受付: "informative", 要確認: "warning", 差戻し: "danger", 承認: "success" };

/** 作業②: pick submitted files, see every submission's check, set the decision and remark, make the report. */
export function ReviewSubmissions() {
  const styles = useStyles();
  const review = useReviewController();
  const submissions = useReviewState((s) => s.submissions);
  const notices = useReviewState((s) => s.notices);
  const canInsert = useReviewState((s) => s.canInsertSheets);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
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
      <TemplateMaker />
      {notices.length > 0 && (
        <Card aria-label="取り込みの注意" data-testid="import-notices">
          <Text weight="semibold">取り込みの注意</Text>
          <ul className={styles.notices}>
            {notices.map((n, i) => (
              <li key={i} data-severity={n.severity}>
                {n.severity === "error" ? "× " : n.severity === "warning" ? "△ " : "・"}
                {n.message}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {submissions.length === 0 ? (
        <Text>取り込んだ申請はまだありません。機関から届いた申請様式（.xlsx）を選んでください。複数まとめて選べます。</Text>
      ) : (
        <>
          <div className={styles.row}>
            <Button onClick={() => void review.writeReportSheet()}>審査結果シートを作成</Button>
            <Button onClick={() => review.downloadReportHtml()}>印刷用の審査結果（HTML）</Button>
          </div>
          {submissions.map((s) => (
            <SubmissionCard key={s.id} s={s} />
          ))}
        </>
      )}
    </div>
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
  const { summary } = s;
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
        <Accordion collapsible>
          <AccordionItem value="findings">
            <AccordionHeader size="small">指摘のある行（{s.rows.length}行）</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.findings}>
                {s.rows.map((r) => (
                  <li key={r.row}>
                    {r.row}行目{r.name ? `（${r.name}）` : ""}
                    <ul>
                      {r.findings.map((f, i) => (
                        <li key={i}>
                          {f.severity === "error" ? "× " : f.severity === "warning" ? "△ " : "・"}
                          {f.cell}: {f.message}
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
          <Select value={s.decision.status} onChange={(_, d) => void review.setDecision(s.id, { status: d.value as ReviewStatus })} aria-label={`${s.id}の判定`}>
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
            <Button onClick={() => void review.downloadMarkedUp(s.id)} disabled={!s.canMarkUp} title={s.canMarkUp ? undefined : "元のファイルを取り込み直すと作成できます"}>
              印を付けた様式をダウンロード
            </Button>
          </>
        )}
        <Button appearance="subtle" onClick={() => void review.removeSubmission(s.id)}>
          審査から外す
        </Button>
      </div>
      {showSendBack && s.decision.status === "差戻し" && (
        <pre className={styles.pre} data-testid="sendback-text">
          {review.sendBackPreview(s.id)}
        </pre>
      )}
    </Card>
  );
}
