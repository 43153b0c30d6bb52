import { messageOf } from "../../../src/domain";
import { checkValid, keys } from "../../support/form-rows";

describe("AG 個票・CSVダウンロードフラグ", () => {
  it("0 and 1, as text or numbers, are accepted as text", () => {
    for (const [downloadFlag, value] of [["0", "0"], ["1", "1"], [0, "0"], [1, "1"]] as const) {
      const r = checkValid({ downloadFlag });
      expect(keys(r.findings)).toEqual([]);
      expect(r.values.downloadFlag).toBe(value);
    }
  });

  it("full-width 1 is normalized with a warning", () => {
    const r = checkValid({ downloadFlag: "１" });
    expect(keys(r.findings)).toEqual(["AG:code.normalized"]);
    expect(r.values.downloadFlag).toBe("1");
  });

  it("anything else is an error naming the value", () => {
    for (const downloadFlag of ["2", 2, "00", "はい", true, 0.5]) {
      const r = checkValid({ downloadFlag });
      expect(keys(r.findings)).toEqual(["AG:downloadFlag.invalid"]);
      expect(r.values.downloadFlag).toBeUndefined();
    }
    expect(messageOf(checkValid({ downloadFlag: "はい" }).findings[0])).toContain("「はい」");
  });

  it("is required", () => {
    expect(keys(checkValid({ downloadFlag: null }).findings)).toEqual(["AG:required.missing"]);
  });
});
