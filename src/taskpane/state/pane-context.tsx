import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ReviewController } from "../review/review-controller";
import type { PaneController } from "./controller";
import type { PaneState } from "./pane-state";
import { useStore } from "./store";

/** The pane's one context: the form tab's controller and, once the review tab is open, the review's. */
interface PaneControllers {
  pane?: PaneController;
  review?: ReviewController;
}

const PaneContext = createContext<PaneControllers>({});

/**
 * Provides the controllers to the components. Nested (the review tab adds its controller when it opens), a provider
 * keeps what the outer one gave.
 */
export function PaneProvider({ controller, review, children }: { controller?: PaneController; review?: ReviewController; children: ReactNode }) {
  const outer = useContext(PaneContext);
  const pane = controller ?? outer.pane;
  const reviewController = review ?? outer.review;
  const value = useMemo(() => ({ pane, review: reviewController }), [pane, reviewController]);
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

/** The controller: components dispatch to it and never call Office or the rules themselves. */
export function usePane(): PaneController {
  const { pane } = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside PaneProvider");
  return pane;
}

/** A slice of the pane's state; re-renders only when that slice changes. */
export function usePaneState<T>(selector: (state: PaneState) => T): T {
  return useStore(usePane().store, selector);
}

/** The review tab's controller (作業②③④). */
export function useReviewController(): ReviewController {
  const { review } = useContext(PaneContext);
  if (!review) throw new Error("useReviewController outside the review tab's PaneProvider");
  return review;
}
