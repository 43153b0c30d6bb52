import { useEffect, useState } from "react";
import { ReviewController, type ReviewDeps } from "../review-controller";
import { ReviewProvider } from "../review-context";
import { ReviewBody } from "./ReviewBody";

/** What the controller is built with (from the pane: gateways, queue, profile), or, in tests, the controller itself. */
export type ReviewPaneProps = { deps: ReviewDeps } | { controller: ReviewController };

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
