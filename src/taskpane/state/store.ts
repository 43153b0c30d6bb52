import { useSyncExternalStore } from "react";

/**
 * A small external store: one immutable state object replaced on every change, read by React through
 * useSyncExternalStore. Features add slices to the state type; selectors must return parts of the state
 * (not new objects) so that unrelated changes do not re-render a component.
 */
export interface Store<S> {
  get(): S;
  set(update: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === "function" ? update(state) : update;
      state = { ...state, ...patch };
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * One slice of a store, as a store of its own: the review tab keeps its state in the pane's one store (slice
 * `review`), set to `initial` when the slice is made (a new review controller starts a new review). Listeners are the
 * parent's, so a component reading the slice re-renders only when what it selects changes.
 */
export function sliceOf<S extends object, K extends keyof S>(parent: Store<S>, key: K, initial: NonNullable<S[K]>): Store<NonNullable<S[K]>> {
  type Slice = NonNullable<S[K]>;
  parent.set({ [key]: initial } as unknown as Partial<S>);
  return {
    get: () => parent.get()[key] as Slice,
    set(update) {
      parent.set((state) => {
        const current = state[key] as Slice;
        const patch = typeof update === "function" ? update(current) : update;
        return { [key]: { ...current, ...patch } } as unknown as Partial<S>;
      });
    },
    subscribe: parent.subscribe,
  };
}

export function useStore<S, T>(store: Store<S>, selector: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
