import { zipSync, type Zippable } from "fflate";

/**
 * Fixed modification time for every entry, built from local-time fields because zip stores local DOS time:
 * the same drafts give the same zip bytes on any machine, in any time zone, at any time.
 */
const FIXED_MTIME = () => new Date(2000, 0, 1, 12, 0, 0);

/** The drafts as one .zip (deflated, deterministic). Names must be unique, as buildAccountDrafts makes them. */
export function draftsZip(drafts: readonly { fileName: string; eml: Uint8Array }[]): Uint8Array {
  const files: Zippable = {};
  for (const d of drafts) {
    if (Object.prototype.hasOwnProperty.call(files, d.fileName)) throw new Error(`duplicate file name in zip: ${d.fileName}`);
    files[d.fileName] = [d.eml, { level: 6, mtime: FIXED_MTIME() }];
  }
  return zipSync(files, { level: 6, mtime: FIXED_MTIME() });
}
