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

describe("master CSV codes that lost their leading zeros (all cells text)", () => {
  const csv = (codes: string[]) => "保健所コード,中核市コード\r\n" + codes.map((c) => `${c},012005`).join("\r\n") + "\r\n";
  const read = (codes: string[]) => masterFromCsv(csv(codes), "保健所マスタ.csv", DEFAULT_PROFILE)!.index;

  it("are padded to the one dominant width when every code is digits and none of that width begins with 0", () => {
    const index = read(["1000", "1001", "10001", "25654", "47000", "47001", "999"]);
    expect(index.codes).toEqual(["01000", "01001", "10001", "25654", "47000", "47001", "00999"]);
    expect(index.notices.map((n) => n.code)).toEqual(["master.zero-padded"]);
    expect(messageOf(index.notices[0])).toContain("3件");
    expect(messageOf(index.notices[0])).toContain("1000→01000");
  });

  it("are left alone when a code of the dominant width kept its zero (the short ones are short on purpose)", () => {
    expect(read(["01000", "10001", "25654", "999"]).codes).toEqual(["01000", "10001", "25654", "999"]);
  });

  it("are left alone when no width holds more than half the codes, a code is longer, or a code is not digits", () => {
    expect(read(["1000", "1001", "10001", "25654"]).notices).toEqual([]);
    expect(read(["1000", "10001", "25654", "47000", "123456"]).codes).toContain("1000");
    expect(read(["1000", "10001", "25654", "4700A"]).codes).toContain("1000");
    expect(read(["10001", "25654"]).notices).toEqual([]);
  });
});
