import type { ReviewPlace } from "../review-state";

/** The review's three steps, as tabs: ReviewBody shows one, ReviewSubmissions' progress card offers the next. */
export type Step = "review" | "export" | "notify";
export const STEPS: [Step, string][] = [
  ["review", "① 受付・審査"],
  ["export", "② 登録用CSV"],
  ["notify", "③ 通知メール"],
];

/** Where each step's messages are shown. */
export const STEP_PLACE: Record<Step, ReviewPlace> = { review: "review", export: "export", notify: "notify" };
