import { messageOf, inflateWorksheets, readSharedStringsPart, readXlsx, readXlsxAsync, type WorkbookRead } from "../../../src/domain";
/**
 * The reader's two ways of using another thread give exactly what readXlsx gives, for readable workbooks and for
 * each kind of unreadable file: readXlsxAsync (the CLI: parts inflated by Node's zlib on its thread pool, ahead of
 * the scan) and readSharedStringsPart + inflateWorksheets + readXlsx with both (the pane: the shared strings read
 * by a second worker while the first inflates the sheets).
 */
import { readFileSync } from "node:fs";
import { inflateRaw } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { generateForm } from "../../support/generate-form-rows";
import { generateMasters } from "../../support/generate-masters";
import { formWorkbook, mastersWorkbook } from "../../support/generate-workbooks";
import { miniXlsx, miniXlsxFiles } from "../../support/minimal-xlsx";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../../support/samples";

const zlibInflate = (data: Uint8Array, size: number) =>
  new Promise<Uint8Array>((resolve, reject) => inflateRaw(data, size > 0 ? { chunkSize: Math.max(size, 64) } : {}, (err, out) => (err ? reject(err) : resolve(new Uint8Array(out)))));

/** The pane's two-worker read, in one thread: the strings alone, the worksheets inflated ahead, then the read with both. */
function deferredRead(bytes: Uint8Array, name: string): WorkbookRead {
  const strings = readSharedStringsPart(bytes, name);
  const inflated = inflateWorksheets(bytes);
  if (!strings.ok) return strings;
  return readXlsx(bytes, name, { sharedStrings: strings.strings, inflated });
}

async function bothReaders(bytes: Uint8Array, name: string): Promise<[WorkbookRead, WorkbookRead]> {
  const sync = readXlsx(bytes, name);
  expect(deferredRead(bytes, name)).toEqual(sync);
  return [sync, await readXlsxAsync(bytes, name, zlibInflate)];
}

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

describe("readXlsxAsync and the deferred read give what readXlsx gives", () => {
  it.each([
    ["samples/application-form.xlsx", SAMPLE_FORM],
    ["samples/masters.xlsx", SAMPLE_MASTERS],
  ])("%s", async (name, path) => {
    const [sync, async] = await bothReaders(new Uint8Array(readFileSync(path)), name);
    expect(sync.ok && sync.sheets.length).toBeGreaterThan(0);
    expect(async).toEqual(sync);
  });

  it("a generated form and a masters workbook with several worksheets, each inflated ahead", async () => {
    const masters = generateMasters({ zensuRows: 1500, teitenRows: 150 });
    for (const bytes of [await formWorkbook(generateForm(200, masters, { seed: 3, problemRate: 0.3 }), masters), await mastersWorkbook(masters)]) {
      const [sync, async] = await bothReaders(new Uint8Array(bytes), "generated.xlsx");
      expect(async).toEqual(sync);
    }
  });

  it("reports progress up to the whole of the worksheets", async () => {
    const bytes = new Uint8Array(await mastersWorkbook(generateMasters({ zensuRows: 2000, teitenRows: 100 })));
    const seen: [number, number][] = [];
    await readXlsxAsync(bytes, "m.xlsx", zlibInflate, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    const [done, total] = seen[seen.length - 1];
    expect(done).toBe(total);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);
  });
});

describe("the shared strings' uniqueCount only sizes the list of items", () => {
  it.each(["0", "1", "2", "1000000000", "abc", "-5"])("uniqueCount=\"%s\" reads the same strings as the true count", async (count) => {
    const shared = ["<t>a</t>", "<t>b</t>", "<t>東京</t>", "<t/>", "<t>x</t>"];
    const data = `<row r="1">${shared.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
    const files = miniXlsxFiles([{ name: "S", data }], { sharedXml: shared });
    const truth = readXlsx(zipSync(files), "u.xlsx");
    const text = new TextDecoder().decode(files["xl/sharedStrings.xml"]).replace(/uniqueCount="\d+"/, `uniqueCount="${count}"`);
    files["xl/sharedStrings.xml"] = strToU8(text);
    const [sync, async] = await bothReaders(zipSync(files), "u.xlsx");
    expect(sync).toEqual(truth);
    expect(async).toEqual(truth);
    expect(truth.ok && truth.sheets[0].values[0]).toEqual(["a", "b", "東京", "", "x"]);
  });
});

describe("shared strings read apart: the cells Excel shows and the ones it does not", () => {
  const shared = ["<t>a</t>", "<t>b</t>", "<r><t>ri</t></r><r><t>ch</t></r><rPh><t>ﾌﾘｶﾞﾅ</t></rPh>", "<t xml:space=\"preserve\"> &amp; _x000D_</t>"];
  const s = (ref: string, index: string) => `<c r="${ref}" t="s"><v>${index}</v></c>`;

  it("a merged area's other cells stay empty; a cell written twice keeps its later value; an index out of range is an unread cell", async () => {
    const data =
      `<row r="1">${s("A1", "0")}${s("B1", "1")}${s("C1", "2")}</row>` +
      `<row r="2">${s("A2", "1")}${s("B2", "3")}${s("A2", "0")}<c r="C2"><v>5</v></c>${s("C2", "2")}${s("E2", "0")}${s("E2", "1")}${s("F2", "0")}<c r="F2"><v>7</v></c></row>` +
      `<row r="3">${s("A3", "9")}${s("B3", " 1 ")}${s("C3", "x")}</row>` +
      `<row r="2">${s("D2", "3")}</row>`;
    const bytes = miniXlsx([{ name: "S", data, after: `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>` }], { sharedXml: shared });
    const [sync, async] = await bothReaders(bytes, "s.xlsx");
    expect(async).toEqual(sync);
    const values = sync.ok ? sync.sheets[0].values : [];
    expect(values[0]).toEqual(["a", null, "rich"]);
    expect(values[1]).toEqual([null, null, "rich", " & \r", "b", 7]);
    expect(values[2][0]).toMatchObject({ unread: "shared-string-missing", error: "#文字列なし（A3）" });
    expect(values[2][1]).toBe("b");
    expect(values[2][2]).toMatchObject({ unread: "shared-string-missing" });
  });

  it("a workbook without sharedStrings.xml, and one whose shared strings part is damaged", async () => {
    const plain = miniXlsx([{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row>` }]);
    const [sync] = await bothReaders(plain, "p.xlsx");
    expect(sync.ok && sync.sheets[0].values).toEqual([[1]]);
    const files = miniXlsxFiles([{ name: "S", data: `<row r="1">${s("A1", "0")}</row>` }], { sharedXml: shared });
    files["xl/sharedStrings.xml"] = strToU8(`<sst><si><t>a</t></si><`);
    const [broken, async] = await bothReaders(zipSync(files), "b.xlsx");
    expect(async).toEqual(broken);
    expect(!broken.ok && broken.problem).toMatchObject({ code: "file.damaged", params: { part: "xl/sharedStrings.xml" } });
  });
});

describe("shared strings decoded one by one as cells ask for them", () => {
  const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const cells = (n: number) => `<row r="1">${Array.from({ length: n }, (_, i) => s(`${String.fromCharCode(65 + i)}1`, n - 1 - i)).join("")}</row>`;

  it("characters of four bytes, a BOM, empty and rich items among plain ones", async () => {
    const shared = ["<t>😀a</t>", "<t>𠮷野家</t>", "<r><t>ri</t></r><r><t>ch😀</t></r>", "<t/>", "<t>\ufeff先頭</t>", "<t>a&amp;b</t>", "<t>末尾𠮷</t>", "<t>plain</t>"];
    const [sync, async] = await bothReaders(miniXlsx([{ name: "S", data: cells(shared.length) }], { sharedXml: shared }), "u.xlsx");
    expect(async).toEqual(sync);
    expect(sync.ok && sync.sheets[0].values[0]).toEqual(["plain", "末尾𠮷", "a&b", "\ufeff先頭", "", "rich😀", "𠮷野家", "😀a"]);
  });

  it("an item that is not well-formed XML, asked for by a cell: the shared strings part is named as damaged", async () => {
    const bytes = miniXlsx([{ name: "S", data: cells(2) }], { sharedXml: ["<t>ok</t>", "<t>a < b</t>"] });
    const [sync, async] = await bothReaders(bytes, "x.xlsx");
    expect(async).toEqual(sync);
    expect(!sync.ok && sync.problem).toMatchObject({ code: "file.damaged", params: { part: "xl/sharedStrings.xml" } });
  });

  it("a part that is not well-formed UTF-8: each item as TextDecoder reads it alone, the others intact", async () => {
    const files = miniXlsxFiles([{ name: "S", data: cells(3) }], { sharedXml: ["<t>前</t>", "<t>XX</t>", "<t>後ろ</t>"] });
    const sst = files["xl/sharedStrings.xml"];
    const at = findBytes(sst, strToU8("XX"));
    sst[at] = 0xff;
    sst[at + 1] = 0xe3;
    const [sync, async] = await bothReaders(zipSync(files), "m.xlsx");
    expect(async).toEqual(sync);
    expect(sync.ok && sync.sheets[0].values[0]).toEqual(["後ろ", "\ufffd\ufffd", "前"]);
  });
});

describe("unreadable files get the same Japanese problem with each way of reading", () => {
  const sheet = { name: "S", data: `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>` };

  it("random bytes, an empty file, a truncated zip, an .xls", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const good = zipSync(miniXlsxFiles([sheet]));
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const [bytes, code] of [
      [random, "file.not-xlsx"],
      [new Uint8Array(0), "file.not-xlsx"],
      [good.subarray(0, Math.floor(good.length / 2)), "file.truncated"],
      [xls, "file.xls"],
    ] as const) {
      const [sync, async] = await bothReaders(bytes, "x.xlsx");
      expect(async).toEqual(sync);
      expect(!async.ok && async.problem.code).toBe(code);
    }
  });

  it("a worksheet whose deflate data is damaged: the part is named, and no rejection is left unhandled", async () => {
    const files = miniXlsxFiles([sheet, { ...sheet, name: "T" }]);
    const zipped = zipSync(files, { level: 6 });
    const at = findBytes(zipped, strToU8("xl/worksheets/sheet2.xml"));
    const damaged = zipped.slice();
    for (let i = at + 40; i < at + 80; i++) damaged[i] = 0xff;
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const [sync, async] = await bothReaders(damaged, "壊れ.xlsx");
      expect(async).toEqual(sync);
      expect(!async.ok && async.problem.code).toBe("file.damaged");
      expect(!async.ok && messageOf(async.problem)).toContain("xl/worksheets/sheet2.xml");
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it("malformed sheet XML and a zip that is no workbook", async () => {
    const files = miniXlsxFiles([sheet]);
    files["xl/worksheets/sheet1.xml"] = strToU8(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><`);
    for (const [bytes, code] of [
      [zipSync(files), "file.damaged"],
      [zipSync({ "a.txt": strToU8("hello") }), "file.no-workbook"],
    ] as const) {
      const [sync, async] = await bothReaders(bytes, "x.xlsx");
      expect(async).toEqual(sync);
      expect(!async.ok && async.problem.code).toBe(code);
    }
  });
});
