import type * as ZodModule from "zod";

export type Zod = typeof ZodModule.z;

let loaded: Zod | undefined;

/**
 * zod, loaded when a schema is first built. Loading it and building the schemas costs the CLI about 90 ms at start
 * (half of its start-up), and a check with the standard profile needs no schema at all.
 */
export function zod(): Zod {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, no-restricted-globals -- a dependency loaded on first use (webpack bundles it as any import), not a Node API
    loaded = (require("zod") as typeof ZodModule).z;
    // Zod probes `new Function` once to decide whether to compile validators; the pane's Content-Security-Policy
    // forbids eval, so the probe shows up as a violation. Profiles are validated rarely: the interpreter is enough.
    loaded.config({ jitless: true });
  }
  return loaded;
}

/** `build`'s result, made on the first call and kept: schemas (and zod with them) cost nothing until one is needed. */
export function onFirstUse<T>(build: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: build() }).value;
}
