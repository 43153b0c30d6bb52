import { DEFAULT_PROFILE } from "../../../src/domain";
import { checkValid, keys } from "../../support/form-rows";

describe("grey (入力不要) columns", () => {
  it("are exactly F,G,H,J,L..AF,AH,AI,AK in the default profile", () => {
    expect(DEFAULT_PROFILE.greyColumns).toEqual([
      "F", "G", "H", "J", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
      "AA", "AB", "AC", "AD", "AE", "AF", "AH", "AI", "AK",
    ]);
  });

  it.each(DEFAULT_PROFILE.greyColumns)("a value in %s is a warning whose fix is to clear it", (column) => {
    const r = checkValid({ [column]: "x" });
    expect(keys(r.findings)).toEqual([`${column}:grey.has-value`]);
    expect(r.findings[0].severity).toBe("warning");
    expect(r.findings[0].fix).toBe("");
  });

  it("numbers and booleans count as values; blanks and spaces do not", () => {
    expect(keys(checkValid({ F: 0 }).findings)).toEqual(["F:grey.has-value"]);
    expect(keys(checkValid({ AK: false }).findings)).toEqual(["AK:grey.has-value"]);
    expect(keys(checkValid({ F: "", G: " ", H: "　", J: null }).findings)).toEqual([]);
  });

  it("an error value in a grey column is an error (cell integrity), not also a grey warning", () => {
    expect(keys(checkValid({ L: { error: "#DIV/0!" } }).findings)).toEqual(["L:cell.error-value"]);
  });

  it("the status column A is not checked", () => {
    expect(keys(checkValid({ A: "済" }).findings)).toEqual([]);
    expect(keys(checkValid({ A: { error: "#N/A" } }).findings)).toEqual([]);
  });
});
