import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useReviewController, useReviewState } from "../review-context";
import type { ReviewPlace } from "../review-state";
import { UndoButton } from "./UndoButton";

const useStyles = makeStyles({
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * The current message of one place (or of one control of it, `at`), with its action (元に戻す) when it offers one;
 * `onUndone` gets the id of what 元に戻す brought back (the focus goes there).
 */
export function PlaceMessages({ places, at, onUndone }: { places: readonly ReviewPlace[]; at?: string; onUndone?: (id: string) => void }) {
  const styles = useStyles();
  const review = useReviewController();
  const messages = useReviewState((s) => s.messages);
  const shown = messages.filter((m) => places.includes(m.place) && m.at === at);
  if (shown.length === 0) return null;
  return (
    <MessageBarGroup className={styles.messages}>
      {shown.map((m) => (
        <MessageBar layout="multiline" key={m.id} intent={m.intent} role={m.intent === "error" ? "alert" : "status"} data-testid="review-message" data-intent={m.intent} data-place={m.place} data-at={m.at}>
          <MessageBarBody>{m.text}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="このメッセージを閉じる" icon={<Dismiss20Regular />} onClick={() => review.dismiss(m.id)} />}>
            {m.action?.kind === "undo-removal" && <UndoButton key={m.id} label={m.action.label} onClick={() => void review.undoRemoval().then((id) => id && onUndone?.(id))} />}
          </MessageBarActions>
        </MessageBar>
      ))}
    </MessageBarGroup>
  );
}
