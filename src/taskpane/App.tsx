import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { DEFAULT_PROFILE, type FormProfile } from "../domain";
import type { ExcelGateway } from "../excel/gateway-types";
import type { ReviewGateway } from "../excel/review-gateway-types";
import { Busy } from "./components/Busy";
import { Findings } from "./components/Findings";
import { Header } from "./components/Header";
import { Messages } from "./components/Messages";
import { ReviewModeSwitch } from "./review/components/ReviewModeSwitch";
import { Summary } from "./components/Summary";
import { PaneController } from "./state/controller";
import { PaneProvider, usePane, usePaneState } from "./state/pane-context";
import type { PaneView } from "./state/pane-state";

// Not needed at first paint: loaded when first shown (the masters table, the row view with its pickers, the sheet chooser).
const Masters = lazy(() => import(/* webpackChunkName: "masters" */ "./components/Masters").then((m) => ({ default: m.Masters })));
const RowDetail = lazy(() => import(/* webpackChunkName: "row-detail" */ "./components/RowDetail").then((m) => ({ default: m.RowDetail })));
const FormSheetChooser = lazy(() =>
  import(/* webpackChunkName: "form-sheet-chooser" */ "./components/FormSheetChooser").then((m) => ({ default: m.FormSheetChooser })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** reviewGateway: the review workbook's Excel layer; without it the pane has no 審査（自治体） tab. */
export type AppProps = ({ gateway: ExcelGateway; profile?: FormProfile } | { controller: PaneController }) & { reviewGateway?: ReviewGateway };

/**
 * The task pane: one controller per pane, started once; the gateways are the only way to Excel, and both tabs queue
 * their Office calls in the form controller's queue and keep their state in its store (the review in its slice).
 */
export function App(props: AppProps) {
  const [controller] = useState(() =>
    "controller" in props ? props.controller : new PaneController(props.gateway, props.profile ?? DEFAULT_PROFILE),
  );
  useEffect(() => {
    if (controller.store.get().phase === "starting") void controller.start();
  }, [controller]);
  useEffect(() => () => void controller.dispose(), [controller]);
  const { reviewGateway } = props;
  const review = useMemo(
    () => reviewGateway && { review: reviewGateway, excel: controller.gateway, queue: controller.queue, store: controller.store, profile: controller.store.get().profile },
    [controller, reviewGateway],
  );
  return (
    <PaneProvider controller={controller}>
      <ReviewModeSwitch review={review}>
        <Pane />
      </ReviewModeSwitch>
    </PaneProvider>
  );
}

const TABS: [PaneView, string][] = [
  ["findings", "指摘一覧"],
  ["row", "選択した行"],
  ["masters", "マスタ"],
];

function Pane() {
  const pane = usePane();
  const styles = useStyles();
  const phase = usePaneState((s) => s.phase);
  const hasCheck = usePaneState((s) => s.check !== undefined);
  const view = usePaneState((s) => s.view);
  const working = usePaneState((s) => s.working || s.watchBusy);
  return (
    <main className={styles.root} lang="ja" aria-busy={phase === "starting" || phase === "loading"} data-working={working || phase === "starting"}>
      <Header />
      <Busy />
      <Messages />
      {phase === "starting" && <Spinner label="Excelのブックを確認しています" />}
      {phase === "no-form" && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <FormSheetChooser />
        </Suspense>
      )}
      {hasCheck && (
        <>
          <Summary />
          <TabList selectedValue={view} onTabSelect={(_, d) => pane.setView(d.value as PaneView)} aria-label="表示の切り替え">
            {TABS.map(([value, label]) => (
              <Tab key={value} value={value} id={`tab-${value}`} aria-controls={`panel-${value}`}>
                {label}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className={styles.panel}>
            {view === "findings" && <Findings />}
            <Suspense fallback={<Spinner size="tiny" label="読み込んでいます" />}>
              {view === "row" && <RowDetail />}
              {view === "masters" && <Masters />}
            </Suspense>
          </div>
        </>
      )}
    </main>
  );
}
