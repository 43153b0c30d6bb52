import { createContext, useContext, type ReactNode } from "react";
import type { ReviewController } from "./review-controller";
import type { ReviewState } from "./review-state";
import { useReview } from "./review-store";

const Ctx = createContext<ReviewController | undefined>(undefined);

export function ReviewProvider({ controller, children }: { controller: ReviewController; children: ReactNode }) {
  return <Ctx.Provider value={controller}>{children}</Ctx.Provider>;
}

export function useReviewController(): ReviewController {
  const c = useContext(Ctx);
  if (!c) throw new Error("ReviewProvider missing");
  return c;
}

export function useReviewState<T>(select: (s: ReviewState) => T): T {
  return useReview(useReviewController().store, select);
}
