import { createContext, useContext, type ReactNode } from "react";
import type { PaneController } from "./controller";
import type { PaneState } from "./pane-state";
import { useStore } from "./store";

const PaneContext = createContext<PaneController | null>(null);

export function PaneProvider({ controller, children }: { controller: PaneController; children: ReactNode }) {
  return <PaneContext.Provider value={controller}>{children}</PaneContext.Provider>;
}

/** The controller: components dispatch to it and never call Office or the rules themselves. */
export function usePane(): PaneController {
  const controller = useContext(PaneContext);
  if (!controller) throw new Error("usePane outside PaneProvider");
  return controller;
}

/** A slice of the pane's state; re-renders only when that slice changes. */
export function usePaneState<T>(selector: (state: PaneState) => T): T {
  return useStore(usePane().store, selector);
}
