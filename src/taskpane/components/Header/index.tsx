import { Button, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular, Eraser20Regular, Highlight20Regular } from "@fluentui/react-icons";
import { usePane, usePaneState } from "../../state/pane-context";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  sheet: { color: tokens.colorNeutralForeground2 },
  // A plain group, not an arrow-key toolbar: each command is its own Tab stop.
  commands: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  note: { color: tokens.colorNeutralForeground2 },
});

/** 「12:31 にチェックしました。」: when the last 再チェック finished, in the local time. */
function recheckedText(at: number): string {
  const d = new Date(at);
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, "0")} にチェックしました。`;
}

/** The pane's title, the form sheet in use, and the commands that act on the whole sheet. */
export function Header() {
  const pane = usePane();
  const styles = useStyles();
  const sheet = usePaneState((s) => s.check?.sheet);
  const highlights = usePaneState((s) => s.highlights);
  const noEvents = usePaneState((s) => s.capabilities !== undefined && !s.capabilities.changeEvents);
  const working = usePaneState((s) => s.busy !== undefined);
  const recheckedAt = usePaneState((s) => s.recheckedAt);
  const sheets = usePaneState((s) => s.sheets);
  const forms = sheets.filter((s) => s.formHeaderRow !== undefined);
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>
        <Subtitle2>申請様式チェック</Subtitle2>
      </h1>
      {sheet && forms.length > 1 ? (
        <Field label="申請様式のシート" orientation="horizontal" size="small">
          <Select size="small" value={sheet} disabled={working} onChange={(_, d) => void pane.open(d.value)}>
            {forms.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        sheet && <span className={styles.sheet}>シート「{sheet}」</span>
      )}
      <div role="group" aria-label="シート全体の操作" className={styles.commands}>
        {noEvents ? (
          <Button appearance="primary" icon={<ArrowSync20Regular />} onClick={() => void pane.recheck()} disabled={working} aria-describedby="recheck-note">
            再チェック
          </Button>
        ) : (
          <Button
            appearance="subtle"
            icon={<ArrowSync20Regular />}
            onClick={() => void pane.recheck()}
            disabled={working}
            title="ブックをもう一度すべて読み込んでチェックします"
            aria-describedby="recheck-note"
          >
            再チェック
          </Button>
        )}
        {/* Beside the button: when the last 再チェック finished; the next one replaces it. */}
        <Caption1 id="recheck-note" role="status" aria-live="polite" className={styles.note} data-testid="recheck-note">
          {recheckedAt === undefined ? "" : recheckedText(recheckedAt)}
        </Caption1>
        {sheet &&
          (highlights ? (
            <Button appearance="subtle"
              icon={<Eraser20Regular />}
              onClick={() => void pane.clearHighlights()}
              disabled={working}
              title="状態の色（A列の青・橙・赤、要修正のピンク・ご確認の黄色）を消して様式の見た目に戻します。値は変わりません"
            >
              ハイライトを消す
            </Button>
          ) : (
            <Button appearance="subtle" icon={<Highlight20Regular />} onClick={() => void pane.showHighlights()} disabled={working}>
              ハイライトを表示
            </Button>
          ))}
      </div>
    </header>
  );
}
