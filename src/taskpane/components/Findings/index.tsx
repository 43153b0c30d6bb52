import { Button, Caption1, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { Fragment, useMemo } from "react";
import { fixKinds } from "../../state/fix-kinds";
import { findingKey, groupFindings, neighbours, PAGE_SIZE, pageCount, type SeverityFilter } from "../../state/findings-view";
import { usePane, usePaneState } from "../../state/pane-context";
import { BulkFixes } from "./BulkFixes";
import { FixNote } from "./FixNote";
import { RowGroupView } from "./RowGroupView";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pager: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground2 },
  // A filter's label and count stay on one line (「すべて（5）」, never 「すべて」 over 「（5）」); the radios wrap instead.
  filters: { flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: 0 },
  filter: { whiteSpace: "nowrap" },
});

const FILTERS: [SeverityFilter, string][] = [
  ["all", "すべて"],
  ["error", "エラー"],
  ["warning", "警告"],
];

/** Findings grouped by row, one page of rows at a time (a 10,000-row form stays responsive), with bulk fixes on top. */
export function Findings() {
  const pane = usePane();
  const styles = useStyles();
  const result = usePaneState((s) => s.check?.result);
  const severity = usePaneState((s) => s.severity);
  const page = usePaneState((s) => s.page);
  const view = useMemo(() => groupFindings(result, severity), [result, severity]);
  const kinds = useMemo(() => fixKinds(result), [result]);
  const noteNear = usePaneState((s) => (s.fixNote ? (s.fixNote.near ?? "") : undefined));
  const pages = pageCount(view.groups.length);
  const current = Math.min(page, pages - 1);
  const shown = useMemo(() => view.groups.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE), [view, current]);
  const next = useMemo(() => neighbours(shown), [shown]);
  if (!result) return null;
  // Where a one-click fix's confirmation goes: before the row whose first finding it names, inside a row before a later
  // finding (RowGroupView), or at the top of the list when that finding is not shown.
  const noteBeforeRow = shown.find((g) => g.findings[0] && findingKey(g.findings[0]) === noteNear)?.row;
  const noteInRow = noteNear !== undefined && shown.some((g) => g.findings.some((f, i) => i > 0 && findingKey(f) === noteNear));
  const noteOnTop = noteNear !== undefined && noteBeforeRow === undefined && !noteInRow;
  const first = current * PAGE_SIZE + 1;
  const last = current * PAGE_SIZE + shown.length;
  return (
    <div className={styles.panel}>
      <RadioGroup
        layout="horizontal"
        className={styles.filters}
        aria-label="表示する指摘の重要度"
        value={severity}
        onChange={(_, d) => pane.setSeverity(d.value as SeverityFilter)}
      >
        {FILTERS.map(([value, label]) => (
          <Radio key={value} value={value} label={{ children: `${label}（${view.counts[value]}）`, className: styles.filter }} />
        ))}
      </RadioGroup>
      <BulkFixes kinds={kinds} />
      {noteOnTop && <FixNote />}
      {view.groups.length === 0 ? (
        <p className={styles.empty} data-testid="no-findings">
          {severity === "all" ? "指摘はありません。" : "この重要度の指摘はありません。"}
        </p>
      ) : (
        <>
          <Caption1 aria-live="polite">
            指摘のある行 {view.groups.length.toLocaleString("ja-JP")}行{pages > 1 ? `（${first}〜${last}件目を表示）` : ""}
          </Caption1>
          <div data-testid="finding-groups">
            {shown.map((g) => (
              <Fragment key={g.row}>
                {noteBeforeRow === g.row && <FixNote />}
                <RowGroupView group={g} next={next} />
              </Fragment>
            ))}
          </div>
          {pages > 1 && (
            <nav className={styles.pager} aria-label="指摘一覧のページ">
              <Button size="small" disabled={current === 0} onClick={() => pane.setPage(current - 1)}>
                前の{PAGE_SIZE}行
              </Button>
              <Caption1>
                {current + 1} / {pages} ページ
              </Caption1>
              <Button size="small" disabled={current >= pages - 1} onClick={() => pane.setPage(current + 1)}>
                次の{PAGE_SIZE}行
              </Button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
