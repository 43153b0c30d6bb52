import { codeText } from "../../../src/domain/values/code";
import { problem } from "../../../src/domain";

describe("codeText: codes are text", () => {
  it("keeps text as typed (leading zeros stay)", () => {
    expect(codeText("09")).toEqual({ text: "09", numeric: false });
    expect(codeText("0312345678")).toEqual({ text: "0312345678", numeric: false });
  });

  it("turns a number into its digits without exponent notation", () => {
    expect(codeText(9)).toEqual({ text: "9", numeric: true });
    expect(codeText(2513100103)).toEqual({ text: "2513100103", numeric: true });
    expect(codeText(123456789012345680000).text).toBe("123456789012345680000");
  });

  it("full-width digits and dashes → warning with the normalized code", () => {
    expect(codeText("０９")).toEqual({ text: "09", numeric: false, issue: problem("code.normalized", { fix: "09" }, {}, "09") });
  });

  it("surrounding spaces → warning with the trimmed code", () => {
    expect(codeText(" 09　")).toEqual({ text: "09", numeric: false, issue: problem("text.surrounding-space", {}, {}, "09") });
  });
});
