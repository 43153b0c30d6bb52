import { messageOf, checkFormSheet, columnLetter, DEFAULT_PROFILE, profileHeaderLabels, readXlsx, type Cell, type SheetData } from "../../../src/domain";
import { strToU8, zipSync } from "fflate";
import { XmlScanner, type XmlHandler } from "../../../src/domain/workbook/xml-scanner";
import { inlineCell, miniXlsx, miniXlsxFiles, xmlEscape, type MiniSheet } from "../../support/minimal-xlsx";
import { testMasters, validCells } from "../../support/form-rows";
import { findFormSheets } from "../../support/exceljs-sheets";

function read(bytes: Uint8Array, name = "申請.xlsx"): SheetData[] {
  const r = readXlsx(bytes, name);
  if (!r.ok) throw new Error(`expected a workbook, got ${r.problem.code}: ${messageOf(r.problem)}`);
  return r.sheets;
}

function problemOf(bytes: Uint8Array, name = "申請.xlsx") {
  const r = readXlsx(bytes, name);
  if (r.ok) throw new Error("expected a problem");
  return r.problem;
}

/** One row of cells as inline strings / numbers. */
function rowXml(row: number, cells: readonly Cell[], withRef = true): string {
  const parts = cells.map((c, i) => {
    if (c === null) return "";
    const ref = withRef ? ` r="${columnLetter(i)}${row}"` : "";
    if (typeof c === "number") return `<c${ref}><v>${c}</v></c>`;
    if (typeof c === "string") return `<c${ref} t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`;
    return "";
  });
  return `<row r="${row}">${parts.join("")}</row>`;
}

const HEADER = ["No.", ...profileHeaderLabels(DEFAULT_PROFILE)];

/** A form sheet: title, item numbers, header in row 3, then the given data rows from row 4. */
function formSheet(name: string, rows: readonly (readonly Cell[])[], extra: Partial<MiniSheet> = {}, tail = ""): MiniSheet {
  const data = [rowXml(1, ["システム利用申請様式"]), rowXml(3, HEADER), ...rows.map((cells, i) => rowXml(4 + i, cells))].join("") + tail;
  return { name, data, ...extra };
}

describe("readXlsx: values as Excel shows them", () => {
  it("reads cells without r= (columns and rows in order)", () => {
    const bytes = miniXlsx([{ name: "S", data: `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c/><c t="b"><v>1</v></c></row>` }]);
    expect(read(bytes)[0].values).toEqual([["a", 2], [null, true]]);
  });

  it("reads inline strings, rich text and shared strings, without the phonetic guide, with OOXML escapes", () => {
    const bytes = miniXlsx(
      [{ name: "S", data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>佐藤</t></r><r><rPr><b/></rPr><t xml:space="preserve">　太郎</t></r></is></c><c r="D1" t="s"><v>2</v></c></row>` }],
      { sharedXml: ["<t>A&amp;B</t>", "<r><t>山田</t></r><r><t>花子</t></r><rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh>", "<t>a_x000D_b</t>"] },
    );
    expect(read(bytes)[0].values).toEqual([["A&B", "山田花子", "佐藤　太郎", "a\rb"]]);
  });

  it("reads booleans, error values, numbers and dates by number format (built-in 14, custom yyyy/mm/dd), 1904 dates", () => {
    const styles = `<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/mm/dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs>`;
    const data = `<row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1"><v>312345678</v></c><c r="D1" s="1"><v>45292</v></c><c r="E1" s="2"><v>45293</v></c><c r="F1" s="0"><v>45292</v></c></row>`;
    expect(read(miniXlsx([{ name: "S", data }], { styles }))[0].values).toEqual([[false, { error: "#N/A" }, 312345678, "2024-01-01", "2024-01-02", 45292]]);
    expect(read(miniXlsx([{ name: "S", data: `<row r="1"><c r="A1" s="1"><v>0</v></c></row>` }], { styles, date1904: true }))[0].values).toEqual([["1904-01-01"]]);
  });

  it("gives formulas their cached result, 0 and empty text included; a formula without one is an unread cell, never nothing", () => {
    const data = `<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><f>1+1</f></c><c r="D1" t="str"><f t="shared" si="0"/></c></row>`;
    const [row] = read(miniXlsx([{ name: "S", data }]))[0].values;
    expect(row[0]).toBe(0);
    expect(row[1]).toBe("");
    expect(row[2]).toMatchObject({ unread: "formula-uncached" });
    expect(row[3]).toMatchObject({ unread: "formula-uncached" });
  });

  it("a shared string index out of range is an unread cell (a Japanese finding), not a JS error", () => {
    const bytes = miniXlsx([formSheet("申請様式", [])], { sharedXml: ["<t>x</t>"] });
    const files = miniXlsxFiles([formSheet("申請様式", [validCells()], {}, `<row r="5"><c r="B5" t="s"><v>7</v></c></row>`)], { sharedXml: ["<t>x</t>"] });
    expect(read(bytes)[0].name).toBe("申請様式");
    const sheets = read(zipSync(files));
    expect(sheets[0].values[4][1]).toMatchObject({ unread: "shared-string-missing" });
    const [form] = findFormSheets(sheets, DEFAULT_PROFILE);
    const findings = checkFormSheet(form, DEFAULT_PROFILE, testMasters()).result().findings;
    const f = findings.find((x) => x.code === "cell.shared-string-missing")!;
    expect(f).toMatchObject({ place: { row: 5, column: "B" }, severity: "error" });
    expect(messageOf(f)).toContain("B5");
  });

  it("reads a workbook without sharedStrings.xml and without styles.xml", () => {
    const sheets = read(miniXlsx([formSheet("申請様式", [validCells()])]));
    expect(findFormSheets(sheets, DEFAULT_PROFILE).map((f) => f.sheet)).toEqual(["申請様式"]);
  });

  it("reads row 1,048,576 and x:-prefixed elements", () => {
    const data = `<x:row r="1048576"><x:c r="B1048576" t="inlineStr"><x:is><x:t>far</x:t></x:is></x:c></x:row>`;
    const values = read(miniXlsx([{ name: "S", data }]))[0].values;
    expect(values).toHaveLength(1048576);
    expect(values[1048575]).toEqual([null, "far"]);
    expect(values[1000]).toEqual([]);
  });
});

describe("readXlsx: merged cells, hidden sheets and rows", () => {
  it("gives a merged area's value to its top-left cell only, and reports the merge in the data as a finding on its cells", () => {
    const row = validCells();
    const sheet = formSheet("申請様式", [row, validCells({ name: "鈴木　花子", email: "s@example-hosp.jp", tfaEmail: "s2@example-hosp.jp" }), validCells({ name: "高橋　翔", email: "t@example-hosp.jp", tfaEmail: "t2@example-hosp.jp" })], {
      after: `<mergeCells count="2"><mergeCell ref="AJ4:AJ6"/><mergeCell ref="A1:AN1"/></mergeCells>`,
    });
    const sheets = read(miniXlsx([sheet]));
    const values = sheets[0].values;
    expect(values[3][35]).toBe("2513100103");
    expect(values[4][35]).toBeNull();
    expect(values[5][35]).toBeNull();
    expect(sheets[0].merges!.map((m) => m.ref)).toEqual(["AJ4:AJ6", "A1:AN1"]);
    const [form] = findFormSheets(sheets, DEFAULT_PROFILE);
    expect(form.readFindings.map((f) => `${f.place.column}${f.place.row}:${f.code}`)).toEqual(["AJ4:cell.merged", "AJ5:cell.merged", "AJ6:cell.merged"]);
    expect(messageOf(form.readFindings[1])).toContain("AJ4:AJ6");
  });

  it("reads sheet states; hidden and veryHidden forms are left out unless asked, and named in a notice", () => {
    const sheets = read(miniXlsx([formSheet("申請様式", [validCells()]), formSheet("コピー", [validCells()], { state: "veryHidden" }), formSheet("旧", [validCells()], { state: "hidden" })]));
    expect(sheets.map((s) => s.state)).toEqual(["visible", "veryHidden", "hidden"]);
    const forms = findFormSheets(sheets, DEFAULT_PROFILE);
    expect(forms.map((f) => f.sheet)).toEqual(["申請様式"]);
    expect(forms[0].notices.map((n) => n.code)).toEqual(["sheet.hidden", "sheet.hidden"]);
    expect(messageOf(forms[0].notices[0])).toContain("コピー");
    expect(findFormSheets(sheets, DEFAULT_PROFILE, { includeHidden: true }).map((f) => f.sheet)).toEqual(["申請様式", "コピー", "旧"]);
  });

  it("reports hidden data rows in a notice (they are still checked)", () => {
    const sheet = formSheet("申請様式", [validCells(), validCells({ name: "鈴木　花子" }), validCells({ name: "高橋　翔" })]);
    sheet.data = sheet.data.replace('<row r="5">', '<row r="5" hidden="1">').replace('<row r="6">', '<row r="6" hidden="true">');
    const [form] = findFormSheets(read(miniXlsx([sheet])), DEFAULT_PROFILE);
    expect(form.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(form.notices.map((n) => [n.code, messageOf(n)])).toEqual([["rows.hidden", expect.stringContaining("5〜6行目")]]);
  });

  it("a row with a value and formulas without cached values stays in the data area with a finding naming each formula cell", () => {
    const sheet = formSheet("申請様式", [validCells()], {}, `<row r="5">${inlineCell("B5", "鈴木　花子")}<c r="C5"><f>C4</f></c><c r="D5" t="str"><f>D4</f></c></row>`);
    const [form] = findFormSheets(read(miniXlsx([sheet])), DEFAULT_PROFILE);
    expect(form.rows.map((r) => r.row)).toEqual([4, 5]);
    const findings = checkFormSheet(form, DEFAULT_PROFILE, testMasters()).result().findings.filter((f) => f.place.row === 5);
    expect(findings.filter((f) => f.code === "cell.formula-uncached").map((f) => f.place.column)).toEqual(["C", "D"]);
    expect(messageOf(findings[0])).toContain("Excelで開いて保存し直してください");
    expect(form.notices.map((n) => [n.code, n.params.count])).toEqual([["sheet.formulas-uncached", 2]]);
  });

  it("a row holding only formulas without cached values is not data: no finding of its own, one notice for the sheet", () => {
    const formulas = (r: number) => `<row r="${r}"><c r="B${r}" t="str"><f>B4</f></c><c r="I${r}"><f>I4</f></c></row>`;
    const sheet = formSheet("申請様式", [validCells()], {}, formulas(5) + formulas(6));
    const [form] = findFormSheets(read(miniXlsx([sheet])), DEFAULT_PROFILE);
    expect(form.rows.map((r) => r.row)).toEqual([4]);
    expect(checkFormSheet(form, DEFAULT_PROFILE, testMasters()).result().findings).toEqual([]);
    expect(form.notices.map((n) => [n.code, n.severity, n.params.count])).toEqual([["sheet.formulas-uncached", "warning", 4]]);
    expect(messageOf(form.notices[0])).toContain("Excelで開いて保存し直してください");
  });

  it("a stray value in row 1,048,576 is one finding, not a million gap rows", () => {
    const sheet = formSheet("申請様式", [validCells()], {}, `<row r="1048576">${inlineCell("K1048576", "x")}</row>`);
    const [form] = findFormSheets(read(miniXlsx([sheet])), DEFAULT_PROFILE);
    expect(form.rows.map((r) => r.row)).toEqual([4]);
    expect(form.readFindings.map((f) => `${f.place.column}${f.place.row}:${f.code}:${f.severity}`)).toEqual(["K1048576:row.stray:error"]);
    expect(messageOf(form.readFindings[0])).toContain("4行目まで");
    expect(checkFormSheet(form, DEFAULT_PROFILE, testMasters()).result().rows).toHaveLength(1);
  });
});

describe("readXlsx: files that are not readable workbooks get a Japanese message naming the file", () => {
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it("an old .xls (OLE2 without EncryptedPackage)", () => {
    const bytes = new Uint8Array(1024);
    bytes.set(OLE2);
    bytes.set(strToU8("Workbook").reduce<number[]>((a, b) => [...a, b, 0], []), 512);
    const p = problemOf(bytes, "古い.xls");
    expect(p.code).toBe("file.xls");
    expect(messageOf(p)).toContain("古い.xls");
    expect(messageOf(p)).toContain("Excel ブック (.xlsx) で保存し直してください");
  });

  it("a password-protected workbook (OLE2 with EncryptedPackage)", () => {
    const bytes = new Uint8Array(2048);
    bytes.set(OLE2);
    const name = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);
    bytes.set(name, 1024 + 64);
    const p = problemOf(bytes, "保護.xlsx");
    expect(p.code).toBe("file.encrypted");
    expect(messageOf(p)).toContain("保護.xlsx");
    expect(messageOf(p)).toContain("パスワードを解除して保存し直してください");
  });

  it("random bytes, an empty file, a truncated zip, a damaged part, a zip that is no workbook", () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(problemOf(random).code).toBe("file.not-xlsx");
    expect(problemOf(new Uint8Array(0)).code).toBe("file.not-xlsx");
    const good = miniXlsx([formSheet("申請様式", [validCells()])]);
    const truncated = problemOf(good.subarray(0, Math.floor(good.length / 2)), "途中.xlsx");
    expect(truncated.code).toBe("file.truncated");
    expect(messageOf(truncated)).toContain("途中.xlsx");
    // Corrupt the deflate data of the sheet: the central directory still names it.
    const files = miniXlsxFiles([formSheet("申請様式", [validCells()])]);
    const zipped = zipSync(files, { level: 6 });
    const at = findBytes(zipped, strToU8("xl/worksheets/sheet1.xml"));
    const damaged = zipped.slice();
    for (let i = at + 40; i < at + 80; i++) damaged[i] = 0xff;
    const p = problemOf(damaged, "壊れ.xlsx");
    expect(p.code).toBe("file.damaged");
    expect(messageOf(p)).toContain("壊れ.xlsx");
    expect(messageOf(p)).toContain("xl/worksheets/sheet1.xml");
    expect(problemOf(zipSync({ "a.txt": strToU8("hello") })).code).toBe("file.no-workbook");
  });

  it("malformed sheet XML is a damaged part", () => {
    const files = miniXlsxFiles([{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row>` }]);
    files["xl/worksheets/sheet1.xml"] = strToU8(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><`);
    expect(problemOf(zipSync(files)).code).toBe("file.damaged");
  });
});

describe("XmlScanner", () => {
  it("gives the same events whatever the size of the pieces", () => {
    const xml = `<?xml version="1.0"?><!-- c --><a x="1>2" y='q"'><b/><c>t&amp;u<![CDATA[<raw>]]></c></a>`;
    const events = (pieces: string[]) => {
      const out: string[] = [];
      const h: XmlHandler = {
        open: (n, a, s) => out.push(`<${n}${a}${s ? "/" : ""}>`),
        close: (n) => out.push(`</${n}>`),
        text: (t) => out.push(`T${t}`),
        cdata: (t) => out.push(`D${t}`),
      };
      const scanner = new XmlScanner(h);
      for (const p of pieces) scanner.push(p);
      scanner.end();
      // Adjacent text pieces are one text run.
      return out.join("|").replace(/\|T/g, "T");
    };
    const whole = events([xml]);
    expect(whole).toContain(`<a x="1>2" y='q"'>`);
    expect(whole).toContain("|D<raw>|");
    for (const size of [1, 2, 3, 7]) {
      const pieces: string[] = [];
      for (let i = 0; i < xml.length; i += size) pieces.push(xml.slice(i, i + size));
      expect(events(pieces)).toBe(whole);
    }
  });
});

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
