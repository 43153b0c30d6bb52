import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useReviewState } from "../review-context";
import type { ReviewIntent } from "../review-state";

const useStyles = makeStyles({
  note: { minWidth: 0, overflowWrap: "anywhere" },
  success: { color: tokens.colorPaletteGreenForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const MARK: Record<ReviewIntent, string> = { success: "✓ ", info: "", warning: "⚠ ", error: "✕ " };

/**
 * What the last action of one control did (its message `at`), said beside the control: a polite live region that is
 * always there, so a screen reader hears the sentence when it comes, and the next one of the control replaces it.
 */
export function ActionNote({ at, id }: { at: string; id?: string }) {
  const styles = useStyles();
  const message = useReviewState((s) => s.messages.find((m) => m.place === "review" && m.at === at));
  return (
    <div id={id} role="status" aria-live="polite" className={styles.note} data-testid="action-note" data-at={at} data-intent={message?.intent}>
      {message && (
        <Text size={200} className={styles[message.intent]}>
          <span aria-hidden="true">{MARK[message.intent]}</span>
          {message.text}
        </Text>
      )}
    </div>
  );
}
