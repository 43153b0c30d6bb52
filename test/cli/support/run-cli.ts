import { main } from "../../../src/cli/main";

/** Runs the CLI in-process, as `nesid-account ARGS` would, and collects what it prints and its exit code. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
