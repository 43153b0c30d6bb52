import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { Cell, FormChecker, FormRow } from "../../../src/domain";
import { cellArb } from "../../support/arbitraries";
import { checkRows, FIRST_DATA_ROW, testMasters, validCells } from "../../support/form-rows";

/**
 * incremental == full: a FormChecker fed a random sequence of edits (one row or a batch at a time) must give the
 * same result() as a fresh full check of the final cells, and must name every row whose outcome changed.
 */

const masters = testMasters();
const NAMES = ["佐藤　太郎", "佐藤 太郎", "鈴木　花子", "高橋　翔", "受付", "ｻﾄｳ ﾀﾛｳ", "髙橋　翔"];
const TFA_MAILS = ["ward@example-hosp.jp", "WARD@example-hosp.jp", "ward@EXAMPLE-HOSP.JP", "me1@example-hosp.jp", "me2@example-hosp.jp"];
const TFA_PHONES = ["090-1234-5678", "09012345678", "080-2222-3333", "03-5555-1000"];
const PLACES: Record<string, Cell>[] = [
  { institutionCode: "2513100103", healthCenterCode: "25654", cityCode: "253658" },
  { institutionCode: null, healthCenterCode: "25654", cityCode: "253658" },
  { institutionCode: "0400000001", healthCenterCode: "04033", cityCode: "040000" },
  { institutionCode: 400000001, healthCenterCode: 4033, cityCode: "040000" },
  { institutionCode: "1313100200", healthCenterCode: "99999", cityCode: "130000" },
];
const LAST_ROW = 40;
const FAR_ROW = 90;

type Sheet = Map<number, Cell[]>;

type Edit =
  | { kind: "fill"; row: number; name: string; place: number; tfa: number; method: "1" | "2" | "3"; orgType: Cell }
  | { kind: "clear"; row: number }
  | { kind: "name"; row: number; name: string }
  | { kind: "tfaMail"; row: number; mail: string }
  | { kind: "tfaPhone"; row: number; phone: string }
  | { kind: "cell"; row: number; column: number; value: Cell }
  | { kind: "clearLast" }
  | { kind: "far"; row: number; name: string };

const rowArb = fc.integer({ min: FIRST_DATA_ROW, max: LAST_ROW });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("fill" as const), row: rowArb, name: fc.constantFrom(...NAMES), place: fc.nat({ max: PLACES.length - 1 }), tfa: fc.nat({ max: 4 }), method: fc.constantFrom("1" as const, "2" as const, "3" as const), orgType: fc.constantFrom<Cell>("09", "09", 9, "16", "x") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("clear" as const), row: rowArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("name" as const), row: rowArb, name: fc.constantFrom(...NAMES, "", "a\nb") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("tfaMail" as const), row: rowArb, mail: fc.constantFrom(...TFA_MAILS, "") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tfaPhone" as const), row: rowArb, phone: fc.constantFrom(...TFA_PHONES, "") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cell" as const), row: rowArb, column: fc.integer({ min: 0, max: 41 }), value: cellArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: "clearLast" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("far" as const), row: fc.integer({ min: LAST_ROW + 1, max: FAR_ROW }), name: fc.constantFrom(...NAMES) }) },
);

/** Applies an edit to the sheet; returns the rows it wrote. */
function apply(sheet: Sheet, edit: Edit): number[] {
  const lastFilled = () => Math.max(0, ...[...sheet].filter(([, c]) => c.some((v, i) => i > 0 && v !== null && v !== "")).map(([r]) => r));
  const set = (row: number, cells: Cell[]) => {
    sheet.set(row, cells);
    return [row];
  };
  const current = (row: number) => [...(sheet.get(row) ?? new Array(40).fill(null))];
  switch (edit.kind) {
    case "fill": {
      const tfa = edit.method === "1" ? { tfaEmail: TFA_MAILS[edit.tfa], tfaPhone: null } : { tfaEmail: null, tfaPhone: TFA_PHONES[edit.tfa % TFA_PHONES.length] };
      return set(edit.row, validCells({ name: edit.name, orgType: edit.orgType, tfaMethod: edit.method, ...tfa, ...PLACES[edit.place] }));
    }
    case "clear":
      return set(edit.row, new Array(40).fill(null));
    case "name": {
      const c = current(edit.row);
      c[1] = edit.name;
      return set(edit.row, c);
    }
    case "tfaMail": {
      const c = current(edit.row);
      c[38] = edit.mail;
      return set(edit.row, c);
    }
    case "tfaPhone": {
      const c = current(edit.row);
      c[37] = edit.phone;
      return set(edit.row, c);
    }
    case "cell": {
      const c = current(edit.row);
      c[edit.column] = edit.value;
      return set(edit.row, c);
    }
    case "clearLast": {
      const last = lastFilled();
      return last ? set(last, []) : [];
    }
    case "far":
      return set(edit.row, validCells({ name: edit.name, tfaEmail: `${edit.row}@example-hosp.jp` }));
  }
}

function rowsOf(sheet: Sheet, which: Iterable<number>): FormRow[] {
  return [...which].map((row) => ({ row, cells: sheet.get(row) ?? [] }));
}

/**
 * Rows whose outcome differs from `before` but that `changed` does not name. Collected and asserted once per step:
 * an expect() per row is most of this test's time.
 */
function unnamedChanges(checker: FormChecker, before: Map<number, string>, changed: ReadonlySet<number>): number[] {
  const missed: number[] = [];
  for (const [row, after] of outcomes(checker)) if (after !== before.get(row) && !changed.has(row)) missed.push(row);
  return missed;
}

/** toEqual, after a strict structural comparison that settles the (usual) equal case without jest's matcher. */
function expectEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

/** Per-row outcome as the pane would paint it. */
function outcomes(checker: FormChecker): Map<number, string> {
  const out = new Map<number, string>();
  for (let r = FIRST_DATA_ROW; r <= FAR_ROW; r++) out.set(r, JSON.stringify([checker.status(r), checker.rowFindings(r)]));
  return out;
}

describe("incremental re-check == full check", () => {
  it("after every edit or batch of edits, on generated edit sequences", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(editArb, { minLength: 1, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 25 }),
        (steps) => {
          const sheet: Sheet = new Map();
          const checker = checkRows([], masters);
          for (const [edits, batched] of steps) {
            const before = outcomes(checker);
            if (batched) {
              const touched = new Set<number>();
              for (const e of edits) for (const r of apply(sheet, e)) touched.add(r);
              const changed = checker.update(rowsOf(sheet, touched));
              expect(unnamedChanges(checker, before, changed)).toEqual([]);
            } else {
              for (const e of edits) {
                const mid = outcomes(checker);
                const changed = checker.update(rowsOf(sheet, apply(sheet, e)));
                expect(unnamedChanges(checker, mid, changed)).toEqual([]);
              }
            }
            const full = checkRows(rowsOf(sheet, sheet.keys()), masters);
            expectEqual(checker.result(), full.result());
            expectEqual(checker.filledRows(), full.filledRows());
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it("reset after edits equals a fresh checker", () => {
    const sheet: Sheet = new Map();
    apply(sheet, { kind: "fill", row: 4, name: "佐藤　太郎", place: 0, tfa: 0, method: "1", orgType: "09" });
    apply(sheet, { kind: "fill", row: 6, name: "佐藤 太郎", place: 0, tfa: 0, method: "1", orgType: "09" });
    const checker = checkRows(rowsOf(sheet, sheet.keys()), masters);
    checker.update([{ row: 6, cells: [] }, { row: 12, cells: validCells() }]);
    checker.reset(rowsOf(sheet, sheet.keys()));
    expect(checker.result()).toEqual(checkRows(rowsOf(sheet, sheet.keys()), masters).result());
    expect(checker.result().findings.map((f) => `${f.place.row}${f.place.column}:${f.code}`)).toEqual(["5A:row.gap", "6B:name.duplicate"]);
  });
});
