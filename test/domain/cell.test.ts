import { cellAddress, cellText, columnIndex, columnLetter, columnRange, compareCellProblems, cellProblem, isBlankCell, isCellError, messageOf, numberText } from "../../src/domain";

describe("cells", () => {
  it("cellText: what the user sees; numbers keep every digit", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText("x")).toBe("x");
    expect(cellText(312345678)).toBe("312345678");
    expect(cellText(1e20)).toBe("100000000000000000000");
    expect(cellText(0.5)).toBe("0.5");
    expect(cellText(-0)).toBe("0");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(numberText(NaN)).toBe("NaN");
    expect(numberText(Infinity)).toBe("Infinity");
  });

  it("blank: null, empty and whitespace-only text; never numbers, booleans or errors", () => {
    for (const c of [null, undefined, "", " ", "\u3000", "\t"]) expect(isBlankCell(c)).toBe(true);
    for (const c of [0, false, "0", { error: "#N/A" }]) expect(isBlankCell(c)).toBe(false);
    expect(isCellError({ error: "#REF!" })).toBe(true);
    expect(isCellError(null)).toBe(false);
  });
});

describe("columns", () => {
  it("letters ↔ indexes", () => {
    expect(columnIndex("A")).toBe(0);
    expect(columnIndex("Z")).toBe(25);
    expect(columnIndex("AA")).toBe(26);
    expect(columnIndex("AN")).toBe(39);
    expect(columnIndex("XFD")).toBe(16383);
    for (let i = 0; i < 2000; i++) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(columnRange("Z", "AC")).toEqual(["Z", "AA", "AB", "AC"]);
    expect(cellAddress("AJ", 13)).toBe("AJ13");
    expect(() => columnIndex("A1")).toThrow();
  });
});

describe("findings", () => {
  it("carry their cell, severity, stable code and params (the Japanese sentence made from them), and an optional fix", () => {
    const f = cellProblem(14, "C", "required.missing", { label: "連絡先電話番号" });
    expect(f).toEqual({ place: { row: 14, column: "C" }, severity: "error", code: "required.missing", params: { label: "連絡先電話番号" } });
    expect(messageOf(f)).toBe("連絡先電話番号が入力されていません。");
    expect(cellProblem(4, "F", "grey.has-value", {}, "")).toHaveProperty("fix", "");
  });

  it("sort by row, then column in sheet order (B before AA), then severity", () => {
    const list = [
      cellProblem(5, "AA", "grey.has-value"),
      cellProblem(5, "B", "name.generic", { value: "x" }),
      cellProblem(4, "K", "healthCenter.unknown", { value: "1" }),
      cellProblem(5, "B", "name.duplicate", { rows: 4 }),
    ].sort(compareCellProblems);
    expect(list.map((f) => `${f.place.row}${f.place.column}:${f.code}`)).toEqual(["4K:healthCenter.unknown", "5B:name.duplicate", "5B:name.generic", "5AA:grey.has-value"]);
  });
});
