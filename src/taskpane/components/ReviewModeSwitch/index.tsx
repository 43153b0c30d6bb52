import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState, type ReactNode } from "react";
import type { FormProfile } from "../../../domain";
import type { ExcelGateway } from "../../../excel/gateway-types";

// The reviewer's screens are a separate chunk: institutions checking their own form never download them.
const ReviewPane = lazy(() => import(/* webpackChunkName: "review" */ "../ReviewPane"));

const useStyles = makeStyles({
  bar: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0` },
  review: { padding: tokens.spacingHorizontalM },
});

export type PaneMode = "check" | "review";

export interface ReviewModeSwitchProps {
  gateway?: ExcelGateway;
  profile?: FormProfile;
  /** The applicant's check (the pane as it was). */
  children: ReactNode;
}

/** 申請者チェック / 審査（自治体）: the pane's top-level mode; the review mode is loaded on first use. */
export function ReviewModeSwitch({ gateway, profile, children }: ReviewModeSwitchProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<PaneMode>("check");
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
            <ReviewPane gateway={gateway} profile={profile} />
          </Suspense>
        </div>
      )}
    </>
  );
}
