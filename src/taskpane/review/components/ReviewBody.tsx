import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useReviewState } from "../review-context";
import { PlaceMessages } from "./PlaceMessages";
import { ReviewExport } from "./ReviewExport";
import { ReviewNotify } from "./ReviewNotify";
import { ReviewSubmissions } from "./ReviewSubmissions";
import { STEP_PLACE, STEPS, type Step } from "./steps";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  panel: { paddingTop: tokens.spacingVerticalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { flexWrap: "wrap", minWidth: 0 },
});

/** The review once its record is read: messages for the whole review, the step tabs, and the chosen step's panel. */
export function ReviewBody() {
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
            {/* Step ①'s messages are beside its controls (ReviewSubmissions); its top keeps the progress and the next step. */}
            {step !== "review" && <PlaceMessages places={[STEP_PLACE[step]]} />}
            {step === "review" && <ReviewSubmissions onGoToStep={setStep} />}
            {step === "export" && <ReviewExport />}
            {step === "notify" && <ReviewNotify />}
          </div>
        </>
      )}
    </section>
  );
}
