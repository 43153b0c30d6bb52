import { messageOf, type Problem } from "../../../domain";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePane, usePaneState } from "../../state/pane-context";
import { hostLimits } from "./host-limits";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * 元に戻す of the last fix takes the focus when it appears: the fix button the user pressed is gone with its finding,
 * so focus does not fall to the page, and the confirmation above scrolls into view where the user now is.
 */
function UndoFixButton({ onClick }: { onClick: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      ref.current?.focus();
      ref.current?.scrollIntoView?.({ block: "nearest" });
    }, 50);
    return () => clearTimeout(t);
  }, []);
  return (
    <Button ref={ref} size="small" data-testid="undo-fix" onClick={onClick}>
      元に戻す
    </Button>
  );
}

/** A required item with no column in the sheet (columns.missing) is an error of the whole check; other notices inform. */
const noticeIntent = (n: Problem) => (n.code.startsWith("columns.") && n.severity === "error" ? "error" : "info");

/** Office failures, results of the user's actions, what the host lacks, and notices about the check as a whole. */
export function Messages() {
  const pane = usePane();
  const styles = useStyles();
  const group = useRef<HTMLDivElement>(null);
  // After 元に戻す of a bulk fix its button is gone with its message: the focus goes to the sentence saying what was
  // put back (the cells undone), not to the page — once that sentence is rendered (the newest message, without 元に戻す).
  const focusAfterUndo = useRef(false);
  const undo = () => {
    focusAfterUndo.current = true;
    void pane.undoLastFix();
  };
  const messages = usePaneState((s) => s.messages);
  const capabilities = usePaneState((s) => s.capabilities);
  const notices = usePaneState((s) => s.check?.notices);
  const limits = capabilities ? hostLimits(capabilities) : [];
  useEffect(() => {
    if (!focusAfterUndo.current || messages.length === 0 || messages[0].undo) return;
    focusAfterUndo.current = false;
    group.current?.querySelector<HTMLElement>('[data-testid="pane-message"]')?.focus();
  }, [messages]);
  const bars = [
    ...messages.map((m) => (
      <MessageBar layout="multiline" key={`m${m.id}`} intent={m.intent} role={m.intent === "error" ? "alert" : "status"} tabIndex={-1} data-testid="pane-message" data-intent={m.intent}>
        <MessageBarBody>{m.text}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label="このメッセージを閉じる" icon={<Dismiss20Regular />} onClick={() => pane.dismissMessage(m.id)} />
          }
        >
          {m.undo && <UndoFixButton key={m.id} onClick={undo} />}
        </MessageBarActions>
      </MessageBar>
    )),
    ...limits.map((text) => (
      <MessageBar layout="multiline" key={text} intent="warning" data-testid="host-limit">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    )),
    ...(notices ?? []).map((n) => (
      <MessageBar layout="multiline" key={messageOf(n)} intent={noticeIntent(n)} data-testid="check-notice" data-intent={noticeIntent(n)} data-code={n.code}>
        <MessageBarBody>{messageOf(n)}</MessageBarBody>
        {n.code === "master.missing" && (
          // The masters step of this tab: a master sheet of the workbook or a file.
          <MessageBarActions>
            <Button size="small" data-testid="load-master" onClick={() => pane.setView("masters")}>
              {`${String(n.params.master ?? "マスタ")}を読み込む`}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    )),
  ];
  return (
    <div ref={group}>
      <MessageBarGroup className={styles.group}>{bars}</MessageBarGroup>
    </div>
  );
}
