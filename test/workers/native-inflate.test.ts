import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../src/domain";
import { nativeInflaterFor } from "../../src/taskpane/workers/native-inflate";
import { miniXlsxFiles } from "../support/minimal-xlsx";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

// Node has the same DecompressionStream("deflate-raw") as the pane's browsers, so the worker's path runs here.
describe("the workbook worker's native inflate", () => {
  it.each(["application-form.xlsx", "masters.xlsx"])("reads %s exactly as fflate does", async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, file)));
    let used = 0;
    const native = await nativeInflaterFor(bytes);
    expect(native).toBeDefined();
    const counted: typeof native = (data, size) => {
      used++;
      return native!(data, size);
    };
    expect(readXlsx(bytes, file, { inflate: counted })).toEqual(readXlsx(bytes, file));
    expect(used).toBeGreaterThan(0);
  });

  it("leaves a damaged part to fflate, so that the reader names it in Japanese as it always does", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>値${i}</t></is></c></row>`).join("");
    const zipped = zipSync(miniXlsxFiles([{ name: "申請様式", data: rows }]), { level: 6 });
    const at = findBytes(zipped, strToU8("xl/worksheets/sheet1.xml"));
    const damaged = zipped.slice();
    for (let i = at + 40; i < at + 80; i++) damaged[i] = 0xff;
    const inflate = await nativeInflaterFor(damaged);
    expect(inflate).toBeDefined();
    const read = readXlsx(damaged, "壊れ.xlsx", { inflate });
    expect(read).toEqual(readXlsx(damaged, "壊れ.xlsx"));
    expect(read.ok ? undefined : read.problem.code).toBe("file.damaged");
    expect(read.ok ? "" : read.problem.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("is not offered for bytes that are not a ZIP (the reader then says what the file is)", async () => {
    expect(await nativeInflaterFor(new Uint8Array([1, 2, 3, 4]))).toBeUndefined();
  });
});

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
