// Events of the stand-in's Excel objects: onChanged & co. register with the host at sync; handlers run after the change.
import type { HostEvent } from "../model/host-events";
import type { WorkbookModel } from "../model/workbook-model";
import { ErrorCodes, invalidArgument, OfficeExtensionError } from "./errors";
import type { ClientObject, HostRequestContext } from "./request-context";

type Handler = (args: Record<string, unknown>) => unknown;

/** Event args as Excel builds them; fields of later API versions only when the host has that version. */
export function eventArgs(host: WorkbookModel, ev: HostEvent): Record<string, unknown> {
  const source = "Local";
  switch (ev.type) {
    case "changed": {
      const args: Record<string, unknown> = { type: "WorksheetChanged", worksheetId: ev.sheetId, address: ev.address, changeType: ev.changeType, source };
      if (host.apiSupported("1.9") && ev.details) args.details = { ...ev.details };
      if (host.apiSupported("1.14")) args.triggerSource = ev.source === "addin" ? "ThisLocalAddin" : "Unknown";
      return args;
    }
    case "formatChanged":
      return { type: "WorksheetFormatChanged", worksheetId: ev.sheetId, address: ev.address, source };
    case "selectionChanged":
      return { type: "WorksheetSelectionChanged", worksheetId: ev.sheetId, address: ev.address };
    case "activated":
      return { type: "WorksheetActivated", worksheetId: ev.sheetId };
    case "deactivated":
      return { type: "WorksheetDeactivated", worksheetId: ev.sheetId };
    case "nameChanged":
      return { type: "WorksheetNameChanged", worksheetId: ev.sheetId, nameBefore: ev.nameBefore, nameAfter: ev.nameAfter, source };
    case "added":
      return { type: "WorksheetAdded", worksheetId: ev.sheetId, source };
    case "deleted":
      return { type: "WorksheetDeleted", worksheetId: ev.sheetId, source };
  }
}

export class EventHandlerResult {
  unsubscribe: (() => void) | undefined;
  constructor(readonly context: HostRequestContext) {}

  remove(): void {
    this.context.enqueue({ location: "EventHandlerResult.remove", requestBytes: 60, write: false, run: () => {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    } });
  }
}

export class EventHandlers {
  constructor(
    private readonly owner: ClientObject,
    private readonly context: HostRequestContext,
    private readonly member: string,
    /** Runs at sync: which host events this registration receives. */
    private readonly filterAtSync: () => (ev: HostEvent) => boolean,
  ) {}

  /** The handler is registered with Excel at the next sync, and called asynchronously after each change. */
  add(handler: Handler): EventHandlerResult {
    if (typeof handler !== "function") throw invalidArgument("handler", `${this.member}.add`);
    const result = new EventHandlerResult(this.context);
    const host = this.context.host;
    this.context.enqueue({ location: `${this.member}.add`, requestBytes: 60, write: false, run: () => {
      const accept = this.filterAtSync();
      result.unsubscribe = host.subscribe((ev) => {
        if (!accept(ev)) return;
        Promise.resolve()
          .then(() => handler(eventArgs(host, ev)))
          .catch((e) => console.error(`${this.member} handler failed`, e));
      }, this.context.owner);
    } });
    return result;
  }

  remove(_handler: Handler): void {
    throw new OfficeExtensionError(ErrorCodes.notImplemented, "Use the EventHandlerResult returned by add() to remove a handler.", `${this.member}.remove`);
  }
}
