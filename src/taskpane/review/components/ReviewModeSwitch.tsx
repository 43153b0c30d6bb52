import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState, type ReactNode } from "react";
import type { ReviewDeps } from "../review-session";

// The reviewer's screens are a separate chunk: institutions checking their own form never download them.
const ReviewPane = lazy(() => import(/* webpackChunkName: "review" */ "./ReviewPane"));

const useStyles = makeStyles({
  bar: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0` },
  review: { padding: tokens.spacingHorizontalM },
});

export type PaneMode = "check" | "review";

export interface ReviewModeSwitchProps {
  /** What the review tab works with (gateways, the pane's queue, the profile); without it there is no review tab. */
  review?: ReviewDeps;
  /** The applicant's check (the pane as it was). */
  children: ReactNode;
}

/** 申請者チェック / 審査（自治体）: the pane's top-level mode; the review mode is loaded on first use. */
export function ReviewModeSwitch({ review, children }: ReviewModeSwitchProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<PaneMode>("check");
  if (!review) return <>{children}</>;
  return (
    <>
      <TabList className={styles.bar} size="small" selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as PaneMode)} aria-label="作業の切り替え">
        <Tab value="check">申請者チェック</Tab>
        <Tab value="review">審査（自治体）</Tab>
      </TabList>
      {mode === "check" ? (
        children
      ) : (
        <div className={styles.review}>
          <Suspense fallback={<Spinner label="審査の画面を読み込んでいます" />}>
            <ReviewPane deps={review} />
          </Suspense>
        </div>
      )}
    </>
  );
}
