// The request context of the stand-in: operations are queued on proxies and run against the workbook model only
// at context.sync(), which is asynchronous like a round trip; loaded values become readable after it.
import type { WorkbookModel } from "../model/workbook-model";
import { ErrorCodes, invalidObjectPath, OfficeExtensionError, propertyNotLoaded } from "./errors";

/** What an action gives back when it runs: the bytes it adds to the response, and the delivery of loaded data. */
export interface ActionResult {
  responseBytes: number;
  deliver?: () => void;
}

export interface Action {
  location: string;
  /** Bytes this operation adds to the request (its arguments as JSON). */
  requestBytes: number;
  write: boolean;
  run: () => ActionResult | void;
}

/** UTF-8 length of a JSON text, as it would travel between the add-in and Excel. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  // In Node (the stand-in under jest) the native count; a 180,000-row master is tens of MB of JSON.
  if (typeof Buffer === "function") return Buffer.byteLength(text, "utf8");
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

export class HostRequestContext {
  private queue: Action[] = [];
  /**
   * Bumped when an Excel.run that made this context finishes: the objects made during it can no longer be used
   * (unless added to trackedObjects), while the context itself can (Excel.run(result.context, …) to remove handlers).
   */
  generation = 0;
  readonly trackedObjects = {
    add: (o: unknown) => setTracked(o, true),
    remove: (o: unknown) => setTracked(o, false),
  };
  readonly workbook: unknown;
  /** Explicit sync() calls on this context (round trips with queued work are also logged in the model). */
  syncCount = 0;

  constructor(
    readonly host: WorkbookModel,
    makeWorkbook: (ctx: HostRequestContext) => unknown,
    /** The add-in instance this context belongs to (its event handlers are dropped when it goes away). */
    readonly owner = "addin",
  ) {
    this.workbook = makeWorkbook(this);
  }

  enqueue(action: Action, owner?: { generation: number; tracked: boolean }): void {
    if (owner && owner.generation !== this.generation && !owner.tracked) throw invalidObjectPath(action.location);
    this.queue.push(action);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return passThroughValue as T;
    // The request travels to Excel: nothing runs in the same tick as the call.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const limit = this.host.options.payloadLimit;
    const requestBytes = batch.reduce((n, a) => n + a.requestBytes, 200);
    const record = { time: this.host.now(), actions: batch.length, writes: batch.filter((a) => a.write).length, requestBytes, responseBytes: 0 };
    if (limit !== null && requestBytes > limit) {
      const err = new OfficeExtensionError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        "The request payload size has exceeded the limit. See https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
        "RequestContext.sync",
        413,
      );
      this.host.recordSync({ ...record, error: err.code });
      throw err;
    }
    const deliveries: (() => void)[] = [];
    let responseBytes = 200;
    for (const action of batch) {
      try {
        const result = action.run();
        if (result) {
          responseBytes += result.responseBytes;
          if (result.deliver) deliveries.push(result.deliver);
        }
      } catch (e) {
        this.host.recordSync({ ...record, responseBytes, error: (e as OfficeExtensionError).code ?? String(e) });
        if (e instanceof OfficeExtensionError) throw e;
        throw new OfficeExtensionError(ErrorCodes.generalException, (e as Error).message, action.location, 500);
      }
    }
    if (limit !== null && responseBytes > limit) {
      const err = new OfficeExtensionError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        "The response payload size has exceeded the limit. See https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
        "RequestContext.sync",
        413,
      );
      this.host.recordSync({ ...record, responseBytes, error: err.code });
      throw err;
    }
    for (const d of deliveries) d();
    this.host.recordSync({ ...record, time: this.host.now(), responseBytes });
    return passThroughValue as T;
  }
}

function setTracked(o: unknown, tracked: boolean): void {
  const list = Array.isArray(o) ? o : [o];
  for (const x of list) if (x instanceof ClientObject) x.tracked = tracked;
}

/** A proxy of an Excel object: queues work on its context; reads only what a sync delivered. */
export abstract class ClientObject {
  /** The context's generation when this proxy was made (see HostRequestContext.generation). */
  readonly generation: number;
  tracked = false;
  /** Values delivered by a sync after load(). */
  protected loadedValues = new Map<string, unknown>();
  /** Values set locally (readable at once, as in Office.js). */
  protected setValues = new Map<string, unknown>();
  /** True for a null object (…OrNullObject that found nothing); known after a sync. */
  protected nullState: boolean | undefined;

  constructor(
    readonly context: HostRequestContext,
    readonly entity: string,
  ) {
    this.generation = context.generation;
  }

  /** Queues an operation of this object (refused once the object's Excel.run has ended). */
  protected queue(action: Action): void {
    this.context.enqueue(action, this);
  }

  /** Scalar properties load() accepts; navigation properties are given by navigation(). */
  protected abstract readonly scalarProperties: readonly string[];
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** Reads the named scalar properties from the model; runs inside sync. Undefined = null object. */
  protected abstract readScalars(names: readonly string[]): Record<string, unknown> | undefined;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullState;
  }

  load(arg?: string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>): this {
    const paths = parseLoadArgument(arg);
    if (paths === "all") {
      this.queueLoad(this.scalarProperties);
      return this;
    }
    const scalars: string[] = [];
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (this.scalarProperties.includes(head)) {
        if (rest.length) throw new OfficeExtensionError(ErrorCodes.invalidArgument, `'${head}' is not a navigation property.`, `${this.entity}.load`);
        scalars.push(head);
        continue;
      }
      const nav = this.navigation(head);
      if (!nav) throw new OfficeExtensionError(ErrorCodes.invalidArgument, `The property '${head}' does not exist on ${this.entity}.`, `${this.entity}.load`);
      nav.load(rest.length ? rest.join("/") : undefined);
    }
    if (scalars.length) this.queueLoad(scalars);
    return this;
  }

  protected queueLoad(names: readonly string[]): void {
    this.queue({
      location: `${this.entity}.load`,
      requestBytes: jsonBytes(names) + 60,
      write: false,
      run: () => {
        const data = this.readScalars(names);
        return {
          responseBytes: jsonBytes(data ?? null),
          deliver: () => {
            if (data === undefined) return;
            for (const [k, v] of Object.entries(data)) this.loadedValues.set(k, v);
          },
        };
      },
    });
  }

  /** A property read: set locally or loaded and synced, else PropertyNotLoaded (null objects read undefined). */
  protected read<T>(name: string): T {
    if (this.setValues.has(name)) return this.setValues.get(name) as T;
    if (this.loadedValues.has(name)) return this.loadedValues.get(name) as T;
    if (this.nullState === true) return undefined as T;
    throw propertyNotLoaded(this.entity, name);
  }

  /** The loaded scalar properties, like Office.js's toJSON(). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loadedValues, ...this.setValues]);
  }
}

/** load() arguments → property paths ("items/name", "format/fill/color"), or "all" for load() with nothing. */
export function parseLoadArgument(arg: unknown): string[] | "all" {
  if (arg === undefined || arg === null || arg === "") return "all";
  if (typeof arg === "string") return splitList(arg);
  if (Array.isArray(arg)) return arg.flatMap((a) => splitList(String(a)));
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const sel = o.select === undefined ? [] : parseLoadArgument(o.select);
      const exp = o.expand === undefined ? [] : parseLoadArgument(o.expand);
      return [...(sel === "all" ? [] : sel), ...(exp === "all" ? [] : exp)];
    }
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (v === true) out.push(k);
      else if (v && typeof v === "object") {
        const inner = parseLoadArgument(v);
        if (inner === "all") out.push(k);
        else out.push(...inner.map((p) => `${k}/${p}`));
      }
    }
    return out;
  }
  return "all";
}

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}
