/**
 * What browsers have and jsdom lacks, for the pane's tests. Import first in every test file of test/taskpane
 * (the jsdom project has no setup file of its own).
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (!g.ResizeObserver) {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// jsdom has no layout: offsetParent is always null and the body measures 0 × 0. Tabster (Fluent's focus manager)
// reads either as "not displayed" and finds nothing focusable: a dialog then focuses its own surface, its modal is never activated,
// and the aria-hidden pass that tabster schedules 250 ms after the previous dialog closed hides the new, inactive
// dialog when it reopens within that time (the bulk-fix test failed that way about half the time). An element is
// laid out here unless it or an ancestor is hidden the ways the pane hides things without a stylesheet.
if (typeof HTMLElement !== "undefined") {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this === this.ownerDocument.body) return null;
      const hidden = (e: HTMLElement | null): boolean => !!e && (e.hidden || e.style.display === "none" || hidden(e.parentElement));
      if (hidden(this)) return null;
      return this.parentElement;
    },
  });
  Object.defineProperty(HTMLBodyElement.prototype, "getBoundingClientRect", {
    configurable: true,
    value(this: HTMLBodyElement): DOMRect {
      const view = this.ownerDocument.defaultView!;
      return { x: 0, y: 0, top: 0, left: 0, right: view.innerWidth, bottom: view.innerHeight, width: view.innerWidth, height: view.innerHeight, toJSON: () => ({}) };
    },
  });
}
