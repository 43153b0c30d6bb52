import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useReviewController, useReviewState } from "../review-context";
import { ProblemList } from "../../components/ProblemList";
import { Progress } from "./Progress";
import type { Step } from "./steps";
import { TemplateMaker } from "./TemplateMaker";
import { SubmissionCard } from "./SubmissionCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

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
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          multiple
          hidden
          data-testid="review-file-input"
          aria-label="申請様式のファイル（.xlsx、電子申請の一覧 .csv、複数選択可）"
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
        <Text>取り込んだ申請はまだありません。機関から届いた申請様式（.xlsx）や電子申請の一覧（.csv）を選んでください。複数まとめて選べます。</Text>
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
