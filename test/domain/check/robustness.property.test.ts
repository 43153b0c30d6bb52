import { messageOf, checkNotices, compareCellProblems, DEFAULT_PROFILE, registrationCsv, type ExportRow, type FormRow, CATALOGUE } from "../../../src/domain";
import fc from "fast-check";
import { checkCells, checkRows, FIRST_DATA_ROW, testMasters } from "../../support/form-rows";
import { rowCellsArb } from "../../support/arbitraries";

const masters = testMasters();
const COLUMN = /^[A-Z]{1,2}$/;

describe("no cell value makes the engine throw", () => {
  it("checkRow: any row gives well-formed findings", () => {
    fc.assert(
      fc.property(rowCellsArb, (cells) => {
        const r = checkCells(cells, masters);
        // Every malformed finding is named, then asserted once (an expect() per property is most of the time).
        const malformed = r.findings.flatMap((f) => {
          const wrong = [
            f.place.row !== FIRST_DATA_ROW && `row ${f.place.row}`,
            !COLUMN.test(f.place.column) && `column ${f.place.column}`,
            CATALOGUE[f.code].severity !== f.severity && `severity ${f.severity}`,
            messageOf(f).length === 0 && "empty message",
            /undefined|\[object Object\]|NaN行/.test(messageOf(f)) && `message ${messageOf(f)}`,
            f.fix !== undefined && typeof f.fix !== "string" && `fix ${typeof f.fix}`,
          ].filter(Boolean);
          return wrong.length > 0 ? [{ code: f.code, wrong }] : [];
        });
        expect(malformed).toEqual([]);
        expect([...r.findings].sort(compareCellProblems)).toEqual(r.findings);
        expect(Object.values(r.values).filter((v) => typeof v !== "string")).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it("FormChecker + notices + registrationCsv (both encodings): any set of rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), rowCellsArb), { maxLength: 12 }), fc.boolean(), (entries, deferred) => {
        const rows: FormRow[] = entries.map(([row, cells]) => ({ row, cells }));
        const checker = checkRows(rows, masters);
        const result = checker.result();
        checkNotices(checker, DEFAULT_PROFILE, masters);
        for (const o of result.rows) {
          const errors = checker.rowFindings(o.row).some((f) => f.severity === "error");
          expect(o.status === "complete").toBe(!errors && o.status !== "gap");
        }
        const exportRows: ExportRow[] = result.rows.map(({ row }) => ({
          source: "p",
          row,
          cells: checker.rowInput(row)?.cells ?? [],
          result: checker.rowResult(row),
          findings: checker.rowFindings(row),
        }));
        for (const encoding of ["cp932", "utf8bom"] as const) {
          const csv = registrationCsv(exportRows, DEFAULT_PROFILE, { encoding, issueDeferred: deferred });
          expect(csv.written.length + csv.refused.length).toBe(exportRows.length);
          for (const w of csv.written) expect(checker.status(w.row)).toBe("complete");
        }
      }),
      { numRuns: 300 },
    );
  });
});
