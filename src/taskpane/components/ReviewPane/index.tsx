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
import { useEffect, useState } from "react";
import { DEFAULT_PROFILE, type FormProfile } from "../../../domain";
import type { ExcelGateway } from "../../../excel/gateway-types";
import type { ReviewGateway } from "../../../excel/review-gateway-types";
import { createReviewGateway } from "../../../excel/review-workbook";
import { ReviewController, type ReviewDeps } from "../../review/review-controller";
import { ReviewProvider, useReviewController, useReviewState } from "../../review/review-context";
import { ReviewExport } from "../ReviewExport";
import { ReviewNotify } from "../ReviewNotify";
import { ReviewSubmissions } from "../ReviewSubmissions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface ReviewPaneProps {
  gateway?: ExcelGateway;
  reviewGateway?: ReviewGateway;
  profile?: FormProfile;
  /** For tests: a controller built with stand-ins for downloads, clipboard, etc. */
  controller?: ReviewController;
  deps?: Partial<ReviewDeps>;
}

type Step = "review" | "export" | "notify";
const STEPS: [Step, string][] = [
  ["review", "① 受付・審査"],
  ["export", "② 登録用CSV"],
  ["notify", "③ 通知メール"],
];

/** 審査（自治体）: the reviewer's workflow, loaded on demand (dynamic import) from the pane's mode switch. */
export default function ReviewPane(props: ReviewPaneProps) {
  const [controller] = useState(
    () =>
      props.controller ??
      new ReviewController({ review: props.reviewGateway ?? createReviewGateway(), excel: props.gateway, profile: props.profile ?? DEFAULT_PROFILE, ...props.deps }),
  );
  useEffect(() => {
    if (controller.store.get().phase === "starting") void controller.start();
  }, [controller]);
  return (
    <ReviewProvider controller={controller}>
      <ReviewBody />
    </ReviewProvider>
  );
}

function ReviewBody() {
  const styles = useStyles();
  const review = useReviewController();
  const phase = useReviewState((s) => s.phase);
  const busy = useReviewState((s) => s.busy);
  const messages = useReviewState((s) => s.messages);
  const [step, setStep] = useState<Step>("review");
  return (
    <section className={styles.root} aria-label="審査（自治体）" aria-busy={phase === "starting" || busy !== undefined}>
      {busy && <Spinner size="tiny" label={busy} data-testid="review-busy" />}
      <MessageBarGroup className={styles.messages}>
        {messages.map((m) => (
          <MessageBar key={m.id} intent={m.intent} role={m.intent === "error" ? "alert" : "status"} data-testid="review-message" data-intent={m.intent}>
            <MessageBarBody>{m.text}</MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" aria-label="このメッセージを閉じる" icon={<Dismiss20Regular />} onClick={() => review.dismiss(m.id)} />}
            />
          </MessageBar>
        ))}
      </MessageBarGroup>
      {phase === "starting" ? (
        <Spinner label="審査の記録を確認しています" />
      ) : (
        <>
          <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label="審査の手順">
            {STEPS.map(([value, label]) => (
              <Tab key={value} value={value} id={`review-tab-${value}`} aria-controls={`review-panel-${value}`}>
                {label}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`review-panel-${step}`} aria-labelledby={`review-tab-${step}`} className={styles.panel}>
            {step === "review" && <ReviewSubmissions />}
            {step === "export" && <ReviewExport />}
            {step === "notify" && <ReviewNotify />}
          </div>
        </>
      )}
    </section>
  );
}
