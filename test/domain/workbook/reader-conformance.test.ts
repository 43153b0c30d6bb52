/**
 * The reader on workbooks as real-world programs write them (the defects scripts/corpus-conformance.ts found in
 * calamine's test files), each reproduced by a small synthetic package: nothing fetched, nothing from elsewhere.
 */
import { strToU8, zipSync } from "fflate";
import { readSharedStringsPart, readXlsx, SharedStrings, type Cell, type Problem, messageOf } from "../../../src/domain";
import { crc32 } from "../../../src/domain/workbook/zip";
import { miniXlsx, miniXlsxFiles, type MiniOptions } from "../../support/minimal-xlsx";

function values(bytes: Uint8Array, sheet = 0): Cell[][] {
  const r = readXlsx(bytes, "申請.xlsx");
  if (!r.ok) throw new Error(`expected a workbook, got ${r.problem.code}: ${messageOf(r.problem)}`);
  return r.sheets[sheet].values;
}

function problemOf(bytes: Uint8Array, name = "申請.xlsx"): Problem {
  const r = readXlsx(bytes, name);
  if (r.ok) throw new Error(`expected a problem, read ${JSON.stringify(r.sheets.map((s) => s.values))}`);
  return r.problem;
}

/** The first row of a one-sheet workbook. */
function firstRow(data: string, options: MiniOptions = {}): Cell[] {
  return values(miniXlsx([{ name: "S", data }], options))[0];
}

function indexOfBytes(hay: Uint8Array, needle: string): number {
  const n = strToU8(needle);
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

const TWO_CELLS = `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>1</v></c></row>`;

describe("a sheet's relationship id is found by its namespace, whatever prefix the file gives it", () => {
  it.each([
    ["ns", "sheet"],
    ["relationships", "sheet"],
    ["x", "workbook"],
    ["r", "workbook"],
  ] as const)("prefix %s declared on the %s element", (prefix, declaredOn) => {
    expect(values(miniXlsx([{ name: "S", data: TWO_CELLS }], { relId: { prefix, declaredOn } }))).toEqual([["a", 1]]);
  });

  it("reads each sheet of several by its own id", () => {
    const bytes = miniXlsx(
      [
        { name: "一", data: `<row r="1"><c r="A1"><v>1</v></c></row>` },
        { name: "二", data: `<row r="1"><c r="A1"><v>2</v></c></row>` },
      ],
      { relId: { prefix: "ns", declaredOn: "sheet" } },
    );
    expect([values(bytes, 0), values(bytes, 1)]).toEqual([[[1]], [[2]]]);
  });
});

describe("a sheet whose content is not in the file is a problem naming the file, the sheet and the part, never an empty sheet", () => {
  it("the relationship names a part the package lacks", () => {
    const files = miniXlsxFiles([
      { name: "申請様式", data: TWO_CELLS },
      { name: "別紙", data: TWO_CELLS },
    ]);
    delete files["xl/worksheets/sheet2.xml"];
    const p = problemOf(zipSync(files), "欠け.xlsx");
    expect(p).toMatchObject({ code: "file.sheet-missing", params: { sheet: "別紙", part: "xl/worksheets/sheet2.xml" } });
    expect(messageOf(p)).toContain("欠け.xlsx");
    expect(messageOf(p)).toContain("別紙");
    expect(messageOf(p)).toContain("xl/worksheets/sheet2.xml");
  });

  it("the sheet's id names no relationship: the relationships part is named", () => {
    const files = miniXlsxFiles([{ name: "申請様式", data: TWO_CELLS }]);
    files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`);
    expect(problemOf(zipSync(files))).toMatchObject({ code: "file.sheet-missing", params: { sheet: "申請様式", part: "xl/_rels/workbook.xml.rels" } });
  });

  it("the CRC-32 is ZIP's: the standard check value, any length, and the one fflate writes", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const text = "申請様式".repeat(37) + "x";
    const zipped = zipSync({ "a.txt": strToU8(text) }, { level: 0 });
    const at = indexOfBytes(zipped, "PK\u0001\u0002");
    expect(crc32(strToU8(text))).toBe((zipped[at + 16] | (zipped[at + 17] << 8) | (zipped[at + 18] << 16)) + zipped[at + 19] * 0x1000000);
  });

  it("a part whose bytes do not match the CRC-32 the zip directory gives is damaged (a byte changed in transit)", () => {
    const zipped = zipSync(miniXlsxFiles([{ name: "S", data: TWO_CELLS }]), { level: 0 });
    // Stored, not deflated: the part's text is in the file as is. One letter of a relationship's target changes.
    const at = indexOfBytes(zipped, `Target="worksheets/sheet1.xml"`);
    expect(at).toBeGreaterThan(0);
    const damaged = zipped.slice();
    damaged[at + 8] = "W".charCodeAt(0);
    const p = problemOf(damaged, "転送.xlsx");
    expect(p).toMatchObject({ code: "file.damaged", params: { part: "xl/_rels/workbook.xml.rels" } });
    expect(messageOf(p)).toContain("転送.xlsx");
    // The same file unchanged reads.
    expect(values(zipped)).toEqual([["a", 1]]);
  });
});

describe("cells that refer to shared strings in a workbook that has none", () => {
  const sCells = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>`;

  it("make the file damaged, naming the missing part", () => {
    const p = problemOf(miniXlsx([{ name: "申請様式", data: sCells }]), "文字列なし.xlsx");
    expect(p).toMatchObject({ code: "file.damaged", params: { part: "xl/sharedStrings.xml" } });
    expect(messageOf(p)).toContain("文字列なし.xlsx");
    expect(messageOf(p)).toContain("xl/sharedStrings.xml");
  });

  it("the same when the shared strings are read by another thread and handed over", () => {
    const bytes = miniXlsx([{ name: "申請様式", data: sCells }]);
    const part = readSharedStringsPart(bytes, "文字列なし.xlsx");
    if (!part.ok) throw new Error(messageOf(part.problem));
    const handed = new SharedStrings(part.strings.parts());
    const r = readXlsx(bytes, "文字列なし.xlsx", { sharedStrings: handed });
    expect(!r.ok && r.problem).toMatchObject({ code: "file.damaged", params: { part: "xl/sharedStrings.xml" } });
  });

  it("a workbook without shared strings whose cells need none reads", () => {
    expect(firstRow(TWO_CELLS)).toEqual(["a", 1]);
  });
});

describe("text follows XML's end-of-line rule and Excel's escapes", () => {
  it("CR LF and a lone CR in shared strings, inline strings and formula text read as LF", () => {
    const data =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>c\r\nd\re</t></is></c>` +
      `<c r="C1" t="str"><f>A1</f><v>f\r\ng</v></c><c r="D1" t="s"><v>1</v></c></row>`;
    expect(firstRow(data, { sharedXml: ["<t>a\r\nb\rc</t>", "<r><t>x\r\n</t></r><r><t xml:space=\"preserve\">y\r\nz</t></r>"] })).toEqual(["a\nb\nc", "c\nd\ne", "f\ng", "xy\nz"]);
  });

  it("_x000D_ before a written line end is one CR: CR LF, not CR CR LF", () => {
    const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>ABC_x000D_\r\nDEF</t></is></c></row>`;
    expect(firstRow(data, { sharedXml: ["<t>ABC_x000D_\r\nDEF</t>"] })).toEqual(["ABC\r\nDEF", "ABC\r\nDEF"]);
  });

  it("a CR written as a character reference stays a CR; an escaped escape stays text", () => {
    expect(firstRow(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`, { sharedXml: ["<t>a&#13;&#10;b</t>", "<t>_x005F_x000D_</t>"] })).toEqual(["a\r\nb", "_x000D_"]);
  });

  it("CDATA text follows the same rule", () => {
    expect(firstRow(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[p\r\nq]]></t></is></c></row>`)).toEqual(["p\nq"]);
  });
});

describe("white space at the ends of a <t> is dropped unless xml:space=\"preserve\" keeps it", () => {
  it("shared strings: trimmed, preserved, all-space, inner line end, U+3000 kept", () => {
    const shared = [
      "<t>  trimmed value  </t>",
      '<t xml:space="preserve">  preserved value  </t>',
      "<t> \t\n</t>",
      "<t>  line1\nline2  </t>",
      "<t>　山田　</t>",
      "<t>&#26085;&#26399; &#26102;&#38388;</t>",
      "<t>a&#10;</t>",
      "<t>a_x000D_</t>",
    ];
    const data = `<row r="1">${shared.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
    expect(firstRow(data, { sharedXml: shared })).toEqual(["trimmed value", "  preserved value  ", "", "line1\nline2", "　山田　", "日期 时间", "a", "a\r"]);
  });

  it("rich text: each run by its own xml:space; phonetic runs left out", () => {
    const shared = ['<r><t>佐藤</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 太郎 </t></r>', "<r><t>a </t></r><r><t> b</t></r>", '<r><t>山田</t></r><rPh sb="0" eb="2"><t> ヤマダ </t></rPh>'];
    const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`;
    expect(firstRow(data, { sharedXml: shared })).toEqual(["佐藤 太郎 ", "ab", "山田"]);
  });

  it("inline strings the same way; a formula's cached text in <v> is kept as written", () => {
    const data =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>  trimmed value  </t></is></c>` +
      `<c r="B1" t="inlineStr"><is><t xml:space="preserve"> \t\n</t></is></c>` +
      `<c r="C1" t="inlineStr"><is><r><t>x </t></r><r><t xml:space="preserve"> y</t></r></is></c>` +
      `<c r="D1" t="str"><f>" a "</f><v> a </v></c></row>`;
    expect(firstRow(data)).toEqual(["trimmed value", " \t\n", "x y", " a "]);
  });
});

describe("time-only and elapsed-time formats are numbers; dates follow Excel's calendars", () => {
  const formats = ["[h]:mm:ss", "[h]:mm", "h:mm", "hh:mm:ss", "mm:ss", "[mm]:ss", "yyyy/m/d h:mm", "mmm", 'h"時"mm"分"'];
  const builtins = [14, 18, 19, 20, 21, 22, 45, 46, 47, 32, 33, 31];
  const styles =
    `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f.replace(/"/g, "&quot;")}"/>`).join("")}</numFmts>` +
    `<cellXfs count="${formats.length + builtins.length}">${[...formats.map((_, i) => 164 + i), ...builtins].map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs>`;
  const row = (serial: number, count: number) => `<row r="1">${Array.from({ length: count }, (_, s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>${serial}</v></c>`).join("")}</row>`;

  it("a custom time or elapsed-time format gives the number; a format with a year, day or month gives the date", () => {
    expect(firstRow(row(10.6320601851852, formats.length), { styles })).toEqual([10.6320601851852, 10.6320601851852, 10.6320601851852, 10.6320601851852, 10.6320601851852, 10.6320601851852, "1900-01-10", "1900-01-10", 10.6320601851852]);
  });

  it("built-in 18–21 and 45–47 (and the Japanese 32–33) are times; 14, 22 and 31 are dates", () => {
    const cells = Array.from({ length: builtins.length }, (_, k) => `<c r="${String.fromCharCode(65 + k)}1" s="${formats.length + k}"><v>44197.5</v></c>`).join("");
    expect(firstRow(`<row r="1">${cells}</row>`, { styles })).toEqual(["2021-01-01", 44197.5, 44197.5, 44197.5, 44197.5, "2021-01-01", 44197.5, 44197.5, 44197.5, 44197.5, 44197.5, "2021-01-01"]);
  });

  const dateStyles = `<cellXfs count="1"><xf numFmtId="14"/></cellXfs>`;
  const dates = (serials: number[], date1904 = false) =>
    firstRow(`<row r="1">${serials.map((n, k) => `<c r="${String.fromCharCode(65 + k)}1" s="0"><v>${n}</v></c>`).join("")}</row>`, { styles: dateStyles, date1904 });

  it("1900 system: serials 1–59 as Excel counts them, 60 is Excel's 29 February 1900, 0 is 1900-01-00", () => {
    expect(dates([1, 2, 31, 59, 59.75, 60, 60.5, 61, 62, 44197])).toEqual(["1900-01-01", "1900-01-02", "1900-01-31", "1900-02-28", "1900-02-28", "1900-02-29", "1900-02-29", "1900-03-01", "1900-03-02", "2021-01-01"]);
    expect(dates([0, 0.25])).toEqual(["1900-01-00", "1900-01-00"]);
  });

  it("1904 system: day 0 is 1904-01-01, 1904 is a leap year, the same day is 1462 less than in 1900", () => {
    expect(dates([0, 59, 60, 1461, 42735], true)).toEqual(["1904-01-01", "1904-02-29", "1904-03-01", "1908-01-01", "2021-01-01"]);
  });

  it("a negative serial, which Excel cannot show as a date, stays its number", () => {
    expect(dates([-1])).toEqual([-1]);
  });
});
