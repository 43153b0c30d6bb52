/**
 * A real gateway (createExcelGateway, createReviewGateway) with a log of the calls made through it and a way to make
 * the next call of a method reject, as Excel does when it refuses a batch (a cell being edited): the call rejects
 * before anything reaches the workbook. It fakes nothing else — the calls run the real Excel layer on the host the
 * test installed (the stand-in). `capabilities()` is not logged: it is a property of the host, not an Office call.
 */
export type GatewayMethod<G> = Exclude<{ [K in keyof G]: G[K] extends (...args: never[]) => unknown ? K : never }[keyof G], "capabilities"> & string;

export interface CallLog<G> {
  /** Every call made through the gateway, in order (clear with `calls.length = 0`). */
  readonly calls: { method: GatewayMethod<G>; args: unknown[] }[];
  /** The methods called, in order. */
  methods(): GatewayMethod<G>[];
  /** The args of each call of `method`, in order. */
  argsOf(method: GatewayMethod<G>): unknown[][];
  /** The next call of `method` rejects with `error` (an Office error, say) without reaching the workbook. */
  failNext(method: GatewayMethod<G>, error: unknown): void;
}

export type Recorded<G> = G & CallLog<G>;

export function recorded<G extends object>(gateway: G): Recorded<G> {
  const calls: CallLog<G>["calls"] = [];
  const failures = new Map<string, unknown>();
  const log: CallLog<G> = {
    calls,
    methods: () => calls.map((c) => c.method),
    argsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    failNext: (method, error) => void failures.set(method, error),
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(gateway)) {
    if (typeof member !== "function" || name === "capabilities") {
      wrapped[name] = member;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      calls.push({ method: name as GatewayMethod<G>, args });
      if (failures.has(name)) {
        const error = failures.get(name);
        failures.delete(name);
        return Promise.reject(error);
      }
      return (member as (...a: unknown[]) => unknown).apply(gateway, args);
    };
  }
  return Object.assign(wrapped, log) as Recorded<G>;
}
