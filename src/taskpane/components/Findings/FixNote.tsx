import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePane, usePaneState } from "../../state/pane-context";

/** For each pane, the newest confirmation that has taken the focus (its ids only grow). */
const lastFocused = new WeakMap<object, number>();

/** The first control after `note` in the pane (outside the note), if any. */
function nextControl(note: HTMLElement | null): HTMLElement | undefined {
  if (!note) return undefined;
  const controls = [...note.ownerDocument.querySelectorAll<HTMLElement>("main button:not([disabled])")];
  return controls.find((c) => !note.contains(c) && note.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
}

/**
 * The confirmation of a one-click fix, in the list where the fixed finding was. The pressed fix button is gone with
 * its finding, so the focus comes here (to 元に戻す, or to the note once undone) and the note scrolls into view.
 */
export function FixNote() {
  const pane = usePane();
  const note = usePaneState((s) => s.fixNote);
  const box = useRef<HTMLDivElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const id = note?.id;
  useEffect(() => {
    // Once per confirmation: coming back to the list (another tab, another page) does not take the focus again.
    if (id === undefined || id <= (lastFocused.get(pane) ?? 0)) return;
    lastFocused.set(pane, id);
    const target = undo.current ?? box.current;
    target?.focus();
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [id, pane]);
  if (!note) return null;
  return (
    <MessageBar layout="multiline" ref={box} tabIndex={-1} intent={note.intent} role="status" data-testid="fix-note" data-intent={note.intent}>
      <MessageBarBody>{note.text}</MessageBarBody>
      {/* Both buttons in the actions, 元に戻す first: as a multiline bar's containerAction the close button would come
          before 元に戻す in the Tab order. */}
      <MessageBarActions>
        {note.undo && (
          <Button ref={undo} size="small" data-testid="undo-fix" onClick={() => void pane.undoLastFix()}>
            元に戻す
          </Button>
        )}
        <Button
          appearance="transparent"
          size="small"
          aria-label="この確認を閉じる"
          icon={<Dismiss20Regular />}
          onClick={() => {
            // The focus goes on to what follows the note in the list (the next finding), not to the page.
            nextControl(box.current)?.focus();
            pane.dismissFixNote();
          }}
        />
      </MessageBarActions>
    </MessageBar>
  );
}
