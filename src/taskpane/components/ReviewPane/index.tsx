import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { ReviewController, type ReviewDeps } from "../../review/review-controller";
import { ReviewProvider, useReviewController, useReviewState } from "../../review/review-context";
import type { ReviewPlace } from "../../review/review-state";
import { ReviewExport } from "../ReviewExport";
import { ReviewNotify } from "../ReviewNotify";
import { ReviewSubmissions } from "../ReviewSubmissions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  panel: { paddingTop: tokens.spacingVerticalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { flexWrap: "wrap", minWidth: 0 },
});

/** What the controller is built with (from the pane: gateways, queue, profile), or, in tests, the controller itself. */
export type ReviewPaneProps = { deps: ReviewDeps } | { controller: ReviewController };

export type Step = "review" | "export" | "notify";
const STEPS: [Step, string][] = [
  ["review", "① 受付・審査"],
  ["export", "② 登録用CSV"],
  ["notify", "③ 通知メール"],
];

/** 審査（自治体）: the reviewer's workflow, loaded on demand (dynamic import) from the pane's mode switch. */
export default function ReviewPane(props: ReviewPaneProps) {
  const [controller] = useState(() => ("controller" in props ? props.controller : new ReviewController(props.deps)));
  useEffect(() => {
    if (controller.store.get().phase === "starting") void controller.start();
  }, [controller]);
  return (
    <ReviewProvider controller={controller}>
      <ReviewBody />
    </ReviewProvider>
  );
}

/** The current message of one place, with its action (元に戻す) when it offers one. */
export function PlaceMessages({ places }: { places: readonly ReviewPlace[] }) {
  const styles = useStyles();
  const review = useReviewController();
  const messages = useReviewState((s) => s.messages);
  const shown = messages.filter((m) => places.includes(m.place));
  if (shown.length === 0) return null;
  return (
    <MessageBarGroup className={styles.messages}>
      {shown.map((m) => (
        <MessageBar layout="multiline" key={m.id} intent={m.intent} role={m.intent === "error" ? "alert" : "status"} data-testid="review-message" data-intent={m.intent} data-place={m.place}>
          <MessageBarBody>{m.text}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="このメッセージを閉じる" icon={<Dismiss20Regular />} onClick={() => review.dismiss(m.id)} />}>
            {m.action?.kind === "undo-removal" && <UndoButton key={m.id} label={m.action.label} onClick={() => void review.undoRemoval()} />}
          </MessageBarActions>
        </MessageBar>
      ))}
    </MessageBarGroup>
  );
}

/** 元に戻す takes the focus when it appears: the card the user was on is gone, and this is where they can go back. */
function UndoButton({ label, onClick }: { label: string; onClick: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const t = setTimeout(() => ref.current?.focus(), 50);
    return () => clearTimeout(t);
  }, []);
  return (
    <Button ref={ref} size="small" data-testid="undo-removal" onClick={onClick}>
      {label}
    </Button>
  );
}

const STEP_PLACE: Record<Step, ReviewPlace> = { review: "review", export: "export", notify: "notify" };

function ReviewBody() {
  const styles = useStyles();
  const phase = useReviewState((s) => s.phase);
  const busy = useReviewState((s) => s.busy);
  const [step, setStep] = useState<Step>("review");
  return (
    <section className={styles.root} aria-label="審査（自治体）" aria-busy={phase === "starting" || busy !== undefined}>
      {busy && <Spinner size="tiny" label={busy} data-testid="review-busy" />}
      <PlaceMessages places={["host", "record"]} />
      {phase === "starting" ? (
        <Spinner label="審査の記録を確認しています" />
      ) : (
        <>
          <TabList size="small" className={styles.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label="審査の手順">
            {STEPS.map(([value, label]) => (
              <Tab key={value} value={value} id={`review-tab-${value}`} aria-controls={`review-panel-${value}`}>
                {label}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`review-panel-${step}`} aria-labelledby={`review-tab-${step}`} className={styles.panel}>
            <PlaceMessages places={[STEP_PLACE[step]]} />
            {step === "review" && <ReviewSubmissions onGoToStep={setStep} />}
            {step === "export" && <ReviewExport />}
            {step === "notify" && <ReviewNotify />}
          </div>
        </>
      )}
    </section>
  );
}
