import { Card, Text } from "@fluentui/react-components";
import { ProblemList } from "../../components/ProblemList";
import { useReviewState } from "../review-context";

/** The issued accounts CSV as read: its name, encoding, how many accounts, and what is wrong with it. */
export function IssuedSummary() {
  const issued = useReviewState((s) => s.issued)!;
  return (
    <Card aria-label="発行結果CSV" data-testid="issued-summary">
      <Text weight="semibold">
        {issued.fileName}
        {issued.encodingLabel ? `（${issued.encodingLabel}）` : ""}：{issued.status === "ok" ? `アカウント ${issued.accounts}件` : issued.status === "needs-mapping" ? "列の指定が必要です" : "読み込めません"}
      </Text>
      <ProblemList problems={issued.problems} testId="issued-problems" />
    </Card>
  );
}
