import { entryData, fflateInflate, readZipDirectory, type RawInflate } from "../../domain/workbook/zip";

/** The parts that carry a workbook's values: worth inflating natively; the small ones stay with fflate. */
const VALUE_PARTS = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i;

/**
 * The browser's own inflate (DecompressionStream "deflate-raw", several times faster than fflate in JS) run ahead
 * for the big parts of an .xlsx, since it is asynchronous and the reader is not. The reader then gets an inflater
 * that hands back those results and uses fflate for anything else: a part the browser could not inflate (damaged)
 * goes through fflate too, which fails it the reader's way, with its Japanese message. Undefined when the host has
 * no DecompressionStream (old Office webviews) or the bytes are not a ZIP.
 */
export async function nativeInflaterFor(bytes: Uint8Array): Promise<RawInflate | undefined> {
  if (typeof DecompressionStream !== "function") return undefined;
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return undefined;
  const done = new Map<string, Uint8Array>();
  const keyOf = (data: Uint8Array) => `${data.byteOffset}:${data.length}`;
  await Promise.all(
    [...dir.entries.values()]
      .filter((e) => e.method === 8 && !e.encrypted && VALUE_PARTS.test(e.name))
      .map(async (entry) => {
        const data = entryData(bytes, entry);
        if (!data) return;
        try {
          const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
          done.set(keyOf(data), new Uint8Array(await new Response(stream).arrayBuffer()));
        } catch {
          // Left to fflate, which reports the damaged part.
        }
      }),
  );
  return (data, size) => {
    const out = done.get(keyOf(data));
    return out && (size === 0 || out.length === size) ? out : fflateInflate(data, size);
  };
}
