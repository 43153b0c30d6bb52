// ApiNotFound below the emulated ExcelApi version: each member checks the version it needs.
import { apiNotFound } from "./errors";
import type { HostRequestContext } from "./request-context";

export function requireApi(ctx: HostRequestContext, member: string, version: string): void {
  if (!ctx.host.apiSupported(version)) throw apiNotFound(member, version);
}
