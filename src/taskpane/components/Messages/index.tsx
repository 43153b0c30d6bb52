import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { usePane, usePaneState } from "../../state/pane-context";
import { hostLimits } from "./host-limits";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** Office failures, results of the user's actions, what the host lacks, and notices about the check as a whole. */
export function Messages() {
  const pane = usePane();
  const styles = useStyles();
  const messages = usePaneState((s) => s.messages);
  const capabilities = usePaneState((s) => s.capabilities);
  const notices = usePaneState((s) => s.check?.notices);
  const limits = capabilities ? hostLimits(capabilities) : [];
  const bars = [
    ...messages.map((m) => (
      <MessageBar key={`m${m.id}`} intent={m.intent} role={m.intent === "error" ? "alert" : "status"} data-testid="pane-message" data-intent={m.intent}>
        <MessageBarBody>{m.text}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label="このメッセージを閉じる" icon={<Dismiss20Regular />} onClick={() => pane.dismissMessage(m.id)} />
          }
        >
          {m.undo && (
            <Button size="small" data-testid="undo-fix" onClick={() => void pane.undoLastFix()}>
              元に戻す
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
    )),
    ...limits.map((text) => (
      <MessageBar key={text} intent="warning" data-testid="host-limit">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    )),
    ...(notices ?? []).map((n) => (
      <MessageBar key={n.message} intent="info" data-testid="check-notice">
        <MessageBarBody>{n.message}</MessageBarBody>
      </MessageBar>
    )),
  ];
  return <MessageBarGroup className={styles.group}>{bars}</MessageBarGroup>;
}
