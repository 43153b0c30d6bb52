import { useSyncExternalStore } from "react";
import type { ReviewState } from "./review-state";

/** The review pane's store: one immutable state replaced on change, read through useSyncExternalStore. */
export class ReviewStore {
  private listeners = new Set<() => void>();

  constructor(private state: ReviewState) {}

  get(): ReviewState {
    return this.state;
  }

  set(patch: Partial<ReviewState> | ((s: ReviewState) => Partial<ReviewState>)): void {
    this.state = { ...this.state, ...(typeof patch === "function" ? patch(this.state) : patch) };
    for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useReview<T>(store: ReviewStore, select: (s: ReviewState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
