import { messageOf, buildMasterIndex, checkNotices, decodeText, DEFAULT_PROFILE, masterFromCsv, type Cell } from "../../../src/domain";
import Encoding from "encoding-japanese";
import { checkRows, formRow, HEALTH_CENTER_SHEET, testMasters, ZENSU_SHEET } from "../../support/form-rows";

describe("master codes stored as numbers", () => {
  it("are padded to the width the master's other codes show, with a notice", () => {
    const values: Cell[][] = HEALTH_CENTER_SHEET.map((r) => [...r]);
    values[1][1] = 1000; // 01000 typed into a number cell
    const index = buildMasterIndex("healthCenter", "hc.xlsx", values, DEFAULT_PROFILE);
    expect(index.has("01000")).toBe(true);
    expect(index.has("1000")).toBe(false);
    expect(index.notices.map((n) => n.code)).toEqual(["master.zero-padded"]);
    expect(messageOf(index.notices[0])).toContain("1000→01000");
    expect(messageOf(index.notices[0])).toContain("5桁");

    // A valid K against that master passes, and the check's notices say what was done.
    const masters = { ...testMasters(), healthCenter: index };
    const checker = checkRows([formRow(4, { healthCenterCode: "01000", cityCode: "012005" })], masters);
    expect(checker.result().findings.filter((f) => f.place.column === "K")).toEqual([]);
    expect(checkNotices(checker, DEFAULT_PROFILE, masters).map((n) => n.code)).toContain("master.zero-padded");
  });

  it("are left alone when the text codes do not agree on one width", () => {
    const values: Cell[][] = [ZENSU_SHEET[0], ["12345"], ["1234567"], [999]];
    const index = buildMasterIndex("zensu", "z.xlsx", values, DEFAULT_PROFILE);
    expect(index.codes).toEqual(["12345", "1234567", "999"]);
    expect(index.notices).toEqual([]);
  });
});

describe("an empty master", () => {
  it("(header only) is a notice, not a silent pass", () => {
    const index = buildMasterIndex("zensu", "empty.csv", [ZENSU_SHEET[0]], DEFAULT_PROFILE);
    expect(index.size).toBe(0);
    expect(index.notices.map((n) => [n.code, messageOf(n)])).toEqual([["master.empty", expect.stringContaining("empty.csv")]]);
  });
});

describe("master CSV encodings", () => {
  const text = "保健所コード\t中核市コード\r\n01000\t012005\r\n";
  const utf16le = (s: string) => {
    const out = new Uint8Array(2 + s.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      out[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    return out;
  };

  it("UTF-16LE with BOM (Excel's Unicode text, tab-separated), UTF-16BE, UTF-8 and Shift_JIS are all read", () => {
    const le = utf16le(text);
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const sjis = new Uint8Array(Encoding.convert(Encoding.stringToCode(text.replace(/\t/g, ",")), { to: "SJIS", from: "UNICODE" }));
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(le).encoding).toBe("utf16le");
    expect(decodeText(be).encoding).toBe("utf16be");
    expect(decodeText(sjis).encoding).toBe("cp932");
    for (const bytes of [le, be, sjis, utf8]) {
      const m = masterFromCsv(decodeText(bytes).text, "保健所マスタ.txt", DEFAULT_PROFILE);
      expect(m?.kind).toBe("healthCenter");
      expect(m?.index.codes).toEqual(["01000"]);
    }
  });
});
