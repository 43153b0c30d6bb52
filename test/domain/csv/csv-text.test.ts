import Papa from "papaparse";
import { csvText } from "../../../src/domain/csv/csv-text";

/** What papaparse writes for the same records (quotes only where needed), with the final line end. */
function papaText(records: string[][], newline: string): string {
  return records.length ? Papa.unparse(records, { newline, quotes: false, escapeFormulae: false }) + newline : "";
}

describe("csvText", () => {
  it("quotes a field only when it must, doubling inner quotes", () => {
    expect(csvText([["a", "b c", 'say "hi"', "x,y", "l1\nl2", "r\r", " lead", "trail ", "\ufeffbom", ""]], "\r\n")).toBe(
      'a,b c,"say ""hi""","x,y","l1\nl2","r\r"," lead","trail ","\ufeffbom",\r\n',
    );
    expect(csvText([], "\r\n")).toBe("");
    expect(csvText([[""]], "\n")).toBe("\n");
  });

  it("writes what papaparse's unparse writes, on random fields of the characters that matter", () => {
    const alphabet = ['"', ",", "\r", "\n", " ", "\ufeff", "a", "あ", "\t", "'", "="];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const records = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
          Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
        ),
      );
      for (const newline of ["\r\n", "\n"]) expect(csvText(records, newline)).toBe(papaText(records, newline));
    }
  });
});
