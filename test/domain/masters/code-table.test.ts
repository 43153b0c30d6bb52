import { CodeTable } from "../../../src/domain/masters/code-table";

describe("CodeTable", () => {
  it("finds every code of a 180,000-code master at its position, and no code that is not there", () => {
    const codes = Array.from({ length: 180000 }, (_, i) => String(1000000000 + i * 7).padStart(10, "0"));
    const table = CodeTable.of(codes);
    for (let i = 0; i < codes.length; i += 997) expect(table.find(codes[i])).toBe(i);
    expect(table.find(codes[codes.length - 1])).toBe(codes.length - 1);
    for (const absent of ["1000000001", "", "100000000", "10000000000", "１０００００００００"]) expect(table.find(absent)).toBe(-1);
    expect(table.slots.length).toBeGreaterThanOrEqual(2 * codes.length);
  });

  it("tells apart codes that share a slot: every code of a full small table is found, and the next one is not", () => {
    // 8 codes in 16 slots: collisions are certain among the probes, and each still ends at its own code.
    const codes = ["01000", "04033", "06055", "13125", "25654", "0100", "01000 ", "０１０００"];
    const table = CodeTable.of(codes);
    expect(table.slots.length).toBe(16);
    expect(codes.map((c) => table.find(c))).toEqual(codes.map((_, i) => i));
    expect(table.find("01001")).toBe(-1);
  });

  it("reads codes of any characters (surrogate pairs, kanji) as their code units", () => {
    const codes = ["😀", "髙", "\u0000", "a\u0000b"];
    const table = CodeTable.of(codes);
    expect(codes.map((c) => table.find(c))).toEqual([0, 1, 2, 3]);
    expect(table.find("a")).toBe(-1);
  });

  it("a table that crossed to another thread (a structured clone of its slots) finds the same positions", () => {
    const codes = ["25654", "01000", "13125"];
    const copy = new CodeTable(structuredClone(CodeTable.of(codes).slots), [...codes]);
    expect(copy.find("13125")).toBe(2);
    expect(copy.find("99999")).toBe(-1);
  });
});
