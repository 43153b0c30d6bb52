import { messageOf, DEFAULT_PROFILE, type FormProfile } from "../../../src/domain";
import { checkCells, checkValid, keys, testMasters, validCells } from "../../support/form-rows";

const INPUTS = ["B", "C", "D", "E", "I", "K", "AG", "AJ", "AL", "AM", "AN"];

describe("cell integrity (every input and grey cell)", () => {
  it.each(["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"])("Excel error %s is an error in any input column, the only one of its cell", (error) => {
    for (const column of INPUTS) {
      const r = checkValid({ AN: "3", AL: "03-5555-1000", AM: null, [column]: { error } });
      expect(r.findings.filter((f) => f.place.column === column).map((f) => f.code)).toEqual(["cell.error-value"]);
      expect(messageOf(r.findings.find((f) => f.place.column === column)!)).toContain(error);
    }
  });

  it("an error value is never mistaken for the text '#N/A'", () => {
    expect(keys(checkValid({ name: "#N/A" }).findings)).toEqual([]);
    expect(keys(checkValid({ name: { error: "#N/A" } }).findings)).toEqual(["B:cell.error-value"]);
  });

  it("line breaks and control characters are errors with a fix that removes them", () => {
    const cases: [string, string, string][] = [
      ["D", "sato@example-hosp.jp\n", "sato@example-hosp.jp"],
      ["E", "0\r\n9", "09"],
      ["K", "25654\u0000", "25654"],
      ["AG", "\t0", "0"],
      ["AM", "sato.2fa@example-hosp.jp\u2028", "sato.2fa@example-hosp.jp"],
      ["AN", "1\u007f", "1"],
      ["AJ", "2513100103\u0085", "2513100103"],
    ];
    for (const [column, value, fix] of cases) {
      const r = checkValid({ [column]: value });
      expect(keys(r.findings)).toEqual([`${column}:cell.control-character`]);
      expect(r.findings[0].fix).toBe(fix);
    }
  });

  it("invisible format characters (zero-width space, BOM, bidi overrides) are errors like control characters", () => {
    const cases: [string, string, string][] = [
      ["B", "佐藤\u200b太郎", "佐藤太郎"],
      ["E", "\ufeff09", "09"],
      ["D", "sato@example-hosp.jp\u200e", "sato@example-hosp.jp"],
      ["C", "03-5555-1000\u2060", "03-5555-1000"],
      ["AJ", "2513100103\u202e", "2513100103"],
    ];
    for (const [column, value, fix] of cases) {
      const r = checkValid({ [column]: value });
      expect(keys(r.findings)).toEqual([`${column}:cell.control-character`]);
      expect(r.findings[0].fix).toBe(fix);
    }
  });

  it("in a grey column such a value is one error (not also a grey warning) whose fix is to clear the cell", () => {
    for (const value of ["a\nb", "abc\u202egpj.exe", "=1+1", "-", { error: "#N/A" }]) {
      const r = checkValid({ M: value });
      expect(r.findings.map((f) => [f.place.column, f.severity, f.fix])).toEqual([["M", "error", ""]]);
    }
  });

  it("values starting with = + - @ are errors (they would run as formulas when the CSV is opened)", () => {
    for (const [column, value] of [["B", "=1+1"], ["D", "=cmd|' /C calc'!A0"], ["E", "+09"], ["AG", -1], ["AJ", "@SUM(A1)"], ["AM", "+a@example.jp"]] as const) {
      const r = checkValid({ [column]: value });
      expect(keys(r.findings)).toEqual([`${column}:cell.formula-like`]);
      expect(messageOf(r.findings[0])).toContain(`「${String(value).trim()[0]}」`);
    }
  });

  it("full-width ＝ ＋ － ＠ and a start after spaces are formula-like too (in names and grey columns)", () => {
    for (const [column, value, first] of [["B", "＝山田", "＝"], ["B", "＋佐藤", "＋"], ["B", "－", "－"], ["B", "＠佐藤", "＠"], ["B", "　＝1+1", "＝"], ["B", " =1", "="], ["M", "＝HYPERLINK()", "＝"], ["AK", "＠x", "＠"]] as const) {
      const r = checkValid({ [column]: value });
      expect(keys(r.findings)).toEqual([`${column}:cell.formula-like`]);
      expect(r.findings[0].severity).toBe("error");
      expect(messageOf(r.findings[0])).toContain(`「${first}」`);
    }
    // inside a value they are ordinary characters
    expect(keys(checkValid({ name: "山田＝太郎" }).findings)).toEqual([]);
  });

  it("a full-width ＋81 phone number is left to the phone rule (international form), not called a formula", () => {
    expect(keys(checkValid({ phone: "＋81-3-5555-1000" }).findings)).toEqual(["C:phone.international"]);
  });

  it("applies to input columns even when a profile leaves them out of the CSV", () => {
    const profile: FormProfile = { ...DEFAULT_PROFILE, csv: { ...DEFAULT_PROFILE.csv, columns: ["B", "C", "D"] } };
    const r = checkCells(validCells({ orgType: { error: "#N/A" }, institutionCode: "x\ny", F: "a\nb" }), testMasters(), 4, profile);
    expect(keys(r.findings)).toEqual(["E:cell.error-value", "F:cell.control-character", "AJ:cell.control-character"]);
  });
});
