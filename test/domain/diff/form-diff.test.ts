import { diffForms, formDiffText, type Cell, type FormRow } from "../../../src/domain";
import { checkRows, validCells } from "../../support/form-rows";

type Changes = Parameters<typeof validCells>[0];
const person = (n: number, changes: Changes = {}): Changes => ({
  name: `佐藤　${["太郎", "花子", "一郎", "陽子", "健太"][n]}`,
  email: `user${n}@example-hosp.jp`,
  tfaEmail: `user${n}.2fa@example-hosp.jp`,
  ...changes,
});
const rowsOf = (...people: (Changes | null)[]): FormRow[] =>
  people.map((p, i) => ({ row: 4 + i, cells: p === null ? (new Array(40).fill(null) as Cell[]) : validCells(p) }));
const diff = (before: FormRow[], after: FormRow[]) => diffForms(checkRows(before), checkRows(after));

describe("diffForms", () => {
  it("finds no change between identical versions", () => {
    const rows = rowsOf(person(0), person(1), person(2));
    const d = diff(rows, rows);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 3, resolved: 0, appeared: 0, newErrors: 0 });
    expect(formDiffText(d, "a.xlsx", "b.xlsx")).toContain("前回から内容の変更はありません。");
  });

  it("matches rows by person, not by row number: a row removed above and one added below", () => {
    const d = diff(rowsOf(person(0), person(1), person(2)), rowsOf(person(1), person(2), person(3)));
    expect(d.removed.map((r) => [r.row, r.name])).toEqual([[4, "佐藤　太郎"]]);
    expect(d.added.map((r) => [r.row, r.name])).toEqual([[6, "佐藤　陽子"]]);
    expect(d.matched.map((m) => [m.oldRow, m.newRow, m.basis, m.changes.length])).toEqual([
      [5, 4, "person", 0],
      [6, 5, "person", 0],
    ]);
    expect(d.summary).toMatchObject({ added: 1, removed: 1, changed: 0, unchanged: 2 });
  });

  it("lists changed cells and the findings they resolve or bring", () => {
    const d = diff(
      rowsOf(person(0, { email: "ｕｓｅｒ0@example-hosp.jp" }), person(1)),
      rowsOf(person(0), person(1, { phone: "03-555" })),
    );
    const [first, second] = d.matched;
    expect(first.changes).toEqual([{ column: "D", label: "連絡先メールアドレス", old: "ｕｓｅｒ0@example-hosp.jp", new: "user0@example-hosp.jp" }]);
    expect(first.resolved.map((f) => [f.place.column, f.code])).toEqual([["D", "email.fullwidth"]]);
    expect([first.oldStatus, first.newStatus]).toEqual(["incomplete", "complete"]);
    expect(second.appeared.map((f) => [f.place.column, f.code])).toEqual([["C", "phone.length"]]);
    expect(d.summary).toMatchObject({ changed: 2, resolved: 1, appeared: 1, oldErrors: 1, newErrors: 1 });
    const text = formDiffText(d, "前回.xlsx", "今回.xlsx");
    expect(text).toContain("D列 連絡先メールアドレス: 「ｕｓｅｒ0@example-hosp.jp」 → 「user0@example-hosp.jp」");
    expect(text).toContain("解消: エラー D4:");
    expect(text).toContain("新規: エラー C5:");
    expect(text).toContain("［未完了 → 完了］");
  });

  it("falls back to name + E when the institution changed, to the name, then to the mail address", () => {
    const d = diff(
      rowsOf(person(0), person(1), person(2, { name: "佐藤　一朗" })),
      rowsOf(person(0, { institutionCode: "1313100200", healthCenterCode: "13125", cityCode: "130000" }), person(1, { orgType: "11", institutionCode: "A2500001" }), person(2)),
    );
    expect(d.matched.map((m) => [m.oldRow, m.newRow, m.basis])).toEqual([
      [4, 4, "person-type"],
      [5, 5, "name"],
      [6, 6, "email"],
    ]);
    expect(d.matched[2].changes.map((c) => c.column)).toEqual(["B"]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it("pairs a person applying twice in order, and reports gap rows by version", () => {
    const d = diff(rowsOf(person(0), null, person(0, { email: "other@example-hosp.jp" })), rowsOf(person(0), person(0, { email: "other@example-hosp.jp" })));
    expect(d.matched.map((m) => [m.oldRow, m.newRow])).toEqual([
      [4, 4],
      [6, 5],
    ]);
    expect(d.gaps).toEqual({ old: [5], new: [] });
  });
});
