import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { reviewProgress } from "../../../domain";
import { useReviewState } from "../review-context";
import { DECISION_LABEL } from "../review-messages";
import type { Step } from "./steps";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

/** 未判定 n・要確認・差戻し・承認 and the step that comes next, named. */
export function Progress({ onGoToStep }: { onGoToStep?: (step: Step) => void }) {
  const styles = useStyles();
  const submissions = useReviewState((s) => s.submissions);
  const progress = reviewProgress(submissions.map((x) => x.decision));
  return (
    <Card aria-label="審査の進み具合" data-testid="review-progress">
      {progress.total > 0 && (
        <Text data-testid="review-counts">
          全{progress.total}件：{DECISION_LABEL.受付} {progress.counts.受付}・要確認 {progress.counts.要確認}・差戻し {progress.counts.差戻し}・承認 {progress.counts.承認}
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
