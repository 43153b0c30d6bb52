import { previousVersions } from "../../../src/domain";

describe("previousVersions", () => {
  it("pairs a submission with the latest earlier one of the same file name, else of the same institution code", () => {
    const s = (id: string, fileName: string, code?: string) => ({ id, fileName, institution: { code, basis: "AJ" as const, text: "" } });
    const map = previousVersions([s("S001", "a.xlsx", "1"), s("S002", "b.xlsx", "2"), s("S003", "a.xlsx", "9"), s("S004", "c.xlsx", "2"), s("S005", "d.xlsx")]);
    expect([...map]).toEqual([
      ["S003", "S001"],
      ["S004", "S002"],
    ]);
  });
});
