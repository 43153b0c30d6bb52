import { Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { SUBMISSION_FILTERS, type SubmissionFilter } from "../submission-filter";

const useStyles = makeStyles({
  group: { flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: 0 },
  // A label and its count stay on one line (「すべて（5）」, never 「すべて」 over 「（5）」).
  label: { whiteSpace: "nowrap" },
});

/** Which submissions the list shows: all, by decision (未判定・要確認・差戻し・承認) or with errors, each with its count. */
export function SubmissionFilterBar({ value, counts, onChange }: { value: SubmissionFilter; counts: Record<SubmissionFilter, number>; onChange: (f: SubmissionFilter) => void }) {
  const styles = useStyles();
  return (
    <RadioGroup layout="horizontal" className={styles.group} aria-label="表示する申請" value={value} onChange={(_, d) => onChange(d.value as SubmissionFilter)} data-testid="submission-filter">
      {SUBMISSION_FILTERS.map(([f, label]) => (
        <Radio key={f} value={f} label={{ children: `${label}（${counts[f]}）`, className: styles.label }} />
      ))}
    </RadioGroup>
  );
}
