import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState } from "react";
import { useReviewController, useReviewState } from "../review-context";
import { NOTE_AT } from "../review-state";
import { filterCounts, matchesFilter, type SubmissionFilter } from "../submission-filter";
import { ProblemList } from "../../components/ProblemList";
import { ActionNote } from "./ActionNote";
import { PlaceMessages } from "./PlaceMessages";
import { Progress } from "./Progress";
import type { Step } from "./steps";
import { SubmissionCard } from "./SubmissionCard";
import { SubmissionFilterBar } from "./SubmissionFilterBar";
import { TemplateMaker } from "./TemplateMaker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/**
 * 作業②: pick submitted files, then the submissions as a list of compact cards (filtered by decision or errors), each
 * decided in place; the reports come after. What an action did is said beside its control; the top of the step keeps
 * the progress and the next step.
 */
export function ReviewSubmissions({ onGoToStep }: { onGoToStep?: (step: Step) => void }) {
  const styles = useStyles();
  const review = useReviewController();
  const submissions = useReviewState((s) => s.submissions);
  const notices = useReviewState((s) => s.notices);
  const canInsert = useReviewState((s) => s.canInsertSheets);
  const input = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState<SubmissionFilter>("all");
  // A card the reviewer has been in stays listed until the filter changes (deciding it must not whisk it away).
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string>();
  const counts = useMemo(() => filterCounts(submissions), [submissions]);
  const shown = submissions.filter((s) => matchesFilter(s, filter) || pinned.has(s.id));
  const pin = (id: string) => setPinned((p) => (p.has(id) ? p : new Set([...p, id])));
  const focused = useCallback(() => setFocusId(undefined), []);
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
      <PlaceMessages places={["review"]} />
      {notices.length > 0 && (
        <Card aria-label="取り込みの注意" data-testid="import-notices">
          <Text weight="semibold">取り込みの注意</Text>
          <ProblemList problems={notices} />
        </Card>
      )}
      {submissions.length > 1 && (
        <SubmissionFilterBar
          value={filter}
          counts={counts}
          onChange={(f) => {
            setFilter(f);
            setPinned(new Set());
          }}
        />
      )}
      <PlaceMessages
        places={["review"]}
        at={NOTE_AT.removal}
        onUndone={(id) => {
          pin(id);
          setFocusId(id);
        }}
      />
      {submissions.length === 0 ? (
        <Text>取り込んだ申請はまだありません。機関から届いた申請様式（.xlsx）や電子申請の一覧（.csv）を選んでください。複数まとめて選べます。</Text>
      ) : (
        <>
          <div className={styles.list} data-testid="submission-list">
            {shown.length === 0 && <Text data-testid="no-submissions">この状態の申請はありません。</Text>}
            {shown.map((s) => (
              <div key={s.id} onFocus={() => pin(s.id)}>
                <SubmissionCard s={s} focusDecision={focusId === s.id} onFocused={focused} />
              </div>
            ))}
          </div>
          <Card aria-label="審査結果の記録">
            <Text weight="semibold">審査結果の記録（判定を付けた後に）</Text>
            <div className={styles.row}>
              <Button onClick={() => void review.writeReportSheet()} aria-describedby="review-report-note">
                審査結果シートを作成
              </Button>
              <Button onClick={() => review.downloadReportHtml()} aria-describedby="review-report-note">
                印刷用の審査結果（HTML）
              </Button>
            </div>
            <ActionNote at={NOTE_AT.report} id="review-report-note" />
          </Card>
        </>
      )}
      <TemplateMaker />
    </div>
  );
}
