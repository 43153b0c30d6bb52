import { Badge, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, ErrorCircle20Filled } from "@fluentui/react-icons";
import { CELL_COLOUR_LEGEND, describeMasters, MASTER_KINDS, formReadiness } from "../../../domain";
import { usePaneState } from "../../state/pane-context";

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  verdict: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  notReady: { color: tokens.colorPaletteRedForeground1 },
  counts: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: tokens.spacingHorizontalXS, margin: 0 },
  count: { display: "flex", flexDirection: "column", margin: 0 },
  number: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  masters: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The top of the pane: rows by status, errors / warnings, masters, and whether the form can be submitted. */
export function Summary() {
  const styles = useStyles();
  const check = usePaneState((s) => s.check);
  const masters = usePaneState((s) => s.masters);
  const profile = usePaneState((s) => s.profile);
  if (!check) return null;
  const { summary, firstDataRow, lastRow } = check.result;
  const verdict = formReadiness(check.result);
  const loaded = new Map(describeMasters(masters).map((m) => [m.kind, m]));
  const counts: [string, string, number][] = [
    ["complete", "完了", summary.complete],
    ["incomplete", "未完了", summary.incomplete],
    ["gap", "空行", summary.gap],
    ["errors", "エラー", summary.errors],
    ["warnings", "警告", summary.warnings],
    ["rows", "行数", summary.rows],
  ];
  return (
    <section className={styles.summary} aria-labelledby="summary-heading" data-testid="summary" data-check-version={check.version} data-check-mode={check.mode}>
      <h2 id="summary-heading" className={styles.heading}>
        チェック結果
        <Caption1>
          {" "}
          {summary.rows > 0 ? `（${firstDataRow}〜${lastRow}行目）` : "（入力された行はありません）"}
        </Caption1>
      </h2>
      <div role="status" aria-live="polite" aria-atomic="true" className={mergeClasses(styles.verdict, verdict.ready ? styles.ready : styles.notReady)} data-testid="readiness" data-ready={verdict.ready}>
        {verdict.ready ? <CheckmarkCircle20Filled aria-hidden /> : <ErrorCircle20Filled aria-hidden />}
        <span>{verdict.text}</span>
      </div>
      <dl className={styles.counts}>
        {counts.map(([key, label, n]) => (
          <div key={key} className={styles.count} data-count={key}>
            <dt>
              <Caption1>{label}</Caption1>
            </dt>
            <dd className={styles.number}>{n.toLocaleString("ja-JP")}</dd>
          </div>
        ))}
      </dl>
      {(summary.errors > 0 || summary.warnings > 0) && <Caption1 data-testid="colour-legend">{CELL_COLOUR_LEGEND}</Caption1>}
      <ul className={styles.masters} aria-label="読み込んだマスタ">
        {MASTER_KINDS.map((kind) => {
          const m = loaded.get(kind);
          return (
            <li key={kind} data-master={kind}>
              <Caption1>
                {profile.masters[kind].label}: {m ? `${m.size.toLocaleString("ja-JP")}件` : <Badge appearance="outline" color="informative" size="small">未読込</Badge>}
              </Caption1>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
