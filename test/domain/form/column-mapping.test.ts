import { type Cell, columnIndex, DEFAULT_PROFILE, mapFormColumns, type FormProfile, loadProfile } from "../../../src/domain";

/** The sample's header rows: 項目N in row 2, headings in row 3 (A = No., grey columns （入力不要）). */
function sampleHeader(): { items: Cell[]; headings: Cell[] } {
  const headings: Cell[] = [];
  const items: Cell[] = [];
  headings[0] = "No.";
  for (const g of DEFAULT_PROFILE.greyColumns) headings[columnIndex(g)] = "（入力不要）";
  for (const f of Object.values(DEFAULT_PROFILE.fields)) {
    headings[columnIndex(f.column)] = f.label;
    items[columnIndex(f.column)] = `項目${f.item}`;
  }
  return { items: Array.from(items, (c) => c ?? null), headings: Array.from(headings, (c) => c ?? null) };
}

const codes = (r: ReturnType<typeof mapFormColumns>) => r.problems.map((p) => p.code);

describe("mapFormColumns: the form's items found by their headings", () => {
  it("every item where the profile says: the profile itself, no notice", () => {
    const { items, headings } = sampleHeader();
    const r = mapFormColumns(headings, items, DEFAULT_PROFILE, { headerRow: 3 });
    expect(r.profile).toBe(DEFAULT_PROFILE);
    expect(r.mapping.unchanged).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it("a header row with only the marker (old copies, hand-made test forms) keeps every column where it is", () => {
    const headings: Cell[] = [null, "利用者名"];
    const r = mapFormColumns(headings, undefined, DEFAULT_PROFILE);
    expect(r.profile).toBe(DEFAULT_PROFILE);
  });

  it("headings people write (氏名, 電話番号, E-mail, 2要素…) map the items, in any order", () => {
    const headings: Cell[] = ["申請日時", "E-mail", "氏名", "電話番号", "所属機関分類コード", "中核市", "保健所", "ダウンロードフラグ", "医療機関コード", "2要素認証用電話番号", "２要素認証用 メールアドレス", "二要素認証手段", "備考"];
    const r = mapFormColumns(headings, undefined, DEFAULT_PROFILE, { layout: "list" });
    const at = Object.fromEntries(Object.entries(r.mapping.items).map(([k, v]) => [k, v.column]));
    expect(at).toEqual({ email: "B", name: "C", phone: "D", orgType: "E", cityCode: "F", healthCenterCode: "G", downloadFlag: "H", institutionCode: "I", tfaPhone: "J", tfaEmail: "K", tfaMethod: "L" });
    expect(r.mapping.extras).toEqual([
      { column: "A", heading: "申請日時" },
      { column: "M", heading: "備考" },
    ]);
    expect(codes(r)).toEqual(["columns.extra", "columns.extra"]);
    // The effective profile: the sheet's letters, the CSV still in the profile's order, the grey fields absent (far right).
    expect(r.profile.fields.email.column).toBe("B");
    expect(r.profile.csv.columns.slice(0, 4)).toEqual(["C", "D", "B", "E"]);
    expect(r.profile.csv.columns).toHaveLength(DEFAULT_PROFILE.csv.columns.length);
    expect(r.profile.sheet.statusColumn.length).toBe(3);
  });

  it("a column inserted after B: items shift, the grey columns follow, the new one is one extra", () => {
    const { items, headings } = sampleHeader();
    headings.splice(2, 0, "フリガナ");
    items.splice(2, 0, null);
    const r = mapFormColumns(headings, items, DEFAULT_PROFILE, { headerRow: 3 });
    expect(r.mapping.items.phone).toEqual({ column: "D", found: "heading" });
    expect(r.mapping.items.tfaMethod).toEqual({ column: "AO", found: "heading" });
    expect(r.profile.greyColumns.slice(0, 3)).toEqual(["G", "H", "I"]);
    expect(r.profile.sheet.lastColumn).toBe("AO");
    expect(codes(r)).toEqual(["columns.extra"]);
    expect(r.problems[0].params).toEqual({ column: "C", heading: "フリガナ" });
  });

  it("grey columns F–H deleted: their CSV fields are absent (written empty), one info notice", () => {
    const { items, headings } = sampleHeader();
    headings.splice(5, 3);
    items.splice(5, 3);
    const r = mapFormColumns(headings, items, DEFAULT_PROFILE, { headerRow: 3 });
    expect(r.mapping.items.cityCode.column).toBe("F");
    expect(r.mapping.grey.filter((g) => g.column === undefined).map((g) => g.profileColumn)).toEqual(["F", "G", "H"]);
    expect(codes(r)).toEqual(["columns.grey-absent"]);
    expect(r.profile.csv.columns[4].length).toBe(3);
  });

  it("a heading no one recognises is placed by its 項目N", () => {
    const { items, headings } = sampleHeader();
    headings[2] = "連絡先（日中つながる番号）";
    const r = mapFormColumns(headings, items, DEFAULT_PROFILE, { headerRow: 3 });
    expect(r.mapping.items.phone).toEqual({ column: "C", found: "item-number" });
    expect(r.problems).toEqual([]);
  });

  it("a required item with no column is one error, and the item is no longer required of the rows", () => {
    const { headings } = sampleHeader();
    headings[2] = "フリガナ";
    const r = mapFormColumns(headings, undefined, DEFAULT_PROFILE, { headerRow: 3 });
    expect(codes(r)).toEqual(["columns.missing", "columns.extra"]);
    expect(r.problems[0].params).toEqual({ label: "連絡先電話番号", item: 2, headerRow: 3 });
    expect(r.profile.required).not.toContain("phone");
  });

  it("two columns naming one item: said once with the candidates; the label's own column, else the leftmost, is used", () => {
    const { headings } = sampleHeader();
    headings[40] = "メール";
    headings[41] = "メールアドレス";
    const moved = [...headings];
    moved[3] = "備考";
    const r = mapFormColumns(moved, undefined, DEFAULT_PROFILE, { headerRow: 3 });
    expect(codes(r)).toEqual(["columns.ambiguous", "columns.extra"]);
    expect(r.problems[0].params).toEqual({ label: "連絡先メールアドレス", candidates: "AO列「メール」・AP列「メールアドレス」", chosen: "AO" });
    expect(r.mapping.items.email.column).toBe("AO");
  });

  it("a profile's columns override the headings and are found by override", () => {
    const { headings } = sampleHeader();
    const loaded = loadProfile({ ...DEFAULT_PROFILE, columns: { 連絡先電話番号: "D", email: "C" } });
    expect(loaded.ok).toBe(true);
    const profile = (loaded as { profile: FormProfile }).profile;
    const r = mapFormColumns(headings, undefined, profile, { headerRow: 3 });
    expect(r.mapping.items.phone).toEqual({ column: "D", found: "override" });
    expect(r.mapping.items.email).toEqual({ column: "C", found: "override" });
    expect(r.profile.fields.phone.column).toBe("D");
  });

  it("an override naming no item, or one column twice, is refused with a Japanese message on its path", () => {
    const r = loadProfile({ ...DEFAULT_PROFILE, columns: { フリガナ: "C", phone: "D", email: "D" } });
    expect(r.ok).toBe(false);
    const problems = (r as { problems: { params: { path?: string; detail?: string } }[] }).problems.map((p) => `${p.params.path}: ${p.params.detail}`);
    expect(problems).toEqual([expect.stringMatching(/^columns\.フリガナ: 「フリガナ」は項目のキー/), expect.stringMatching(/^columns\.email: 列 D は「phone」にも指定されています/)]);
  });
});
