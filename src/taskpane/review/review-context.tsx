import type { ReactNode } from "react";
import { PaneProvider, useReviewController } from "../state/pane-context";
import { useStore } from "../state/store";
import type { ReviewController } from "./review-controller";
import type { ReviewState } from "./review-state";

export { useReviewController } from "../state/pane-context";

/** The review tab adds its controller to the pane's one context. */
export function ReviewProvider({ controller, children }: { controller: ReviewController; children: ReactNode }) {
  return <PaneProvider review={controller}>{children}</PaneProvider>;
}

/** A slice of the review's state (the `review` slice of the pane's store). */
export function useReviewState<T>(select: (s: ReviewState) => T): T {
  return useStore(useReviewController().store, select);
}
