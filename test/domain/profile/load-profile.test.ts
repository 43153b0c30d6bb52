import { DEFAULT_PROFILE, loadProfile, loadProfileJson, messageOf, profileSchemas, type ProfileLoadResult } from "../../../src/domain";

const sentences = (r: ProfileLoadResult) => (r.ok ? [] : r.problems.map(messageOf));

const clone = () => JSON.parse(JSON.stringify(DEFAULT_PROFILE));

function errorsOf(data: unknown): string[] {
  const r = loadProfile(data);
  if (r.ok) throw new Error("expected the profile to be refused");
  expect(r.problems.every((p) => p.code === "profile.invalid")).toBe(true);
  return r.problems.map(messageOf);
}

describe("form profile", () => {
  it("DEFAULT_PROFILE passes the schema unchanged", () => {
    const parsed = profileSchemas().FormProfileSchema.parse(DEFAULT_PROFILE);
    expect(parsed).toEqual(DEFAULT_PROFILE);
    expect(loadProfileJson(JSON.stringify(DEFAULT_PROFILE))).toEqual({ ok: true, profile: DEFAULT_PROFILE });
  });

  it("matches the spec's layout: 11 items, CSV B..AN (39 columns), CP932, CRLF, header on", () => {
    expect(Object.values(DEFAULT_PROFILE.fields).map((f) => `${f.item}${f.column}`)).toEqual(["1B", "2C", "3D", "4E", "5I", "6K", "7AG", "8AJ", "9AL", "10AM", "11AN"]);
    expect(DEFAULT_PROFILE.csv).toMatchObject({ header: true, encoding: "cp932", lineEnding: "\r\n" });
    expect(DEFAULT_PROFILE.csv.columns).toHaveLength(39);
    expect(DEFAULT_PROFILE.csv.columns[0]).toBe("B");
    expect(DEFAULT_PROFILE.csv.columns[38]).toBe("AN");
    expect(DEFAULT_PROFILE.orgTypes.map((t) => [t.code, t.master, t.deferred])).toEqual([["09", "zensu", false], ["16", "teiten", false], ["11", "animal", false]]);
  });

  it("two fields in one column: names the path and both fields", () => {
    const p = clone();
    p.fields.email.column = "C";
    const errors = errorsOf(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("fields.email.column");
    expect(errors[0]).toContain("列 C が phone と重複しています");
  });

  it("a grey column overlapping an input column", () => {
    const p = clone();
    p.greyColumns.push("AJ");
    const errors = errorsOf(p);
    expect(errors).toEqual([`様式プロファイルの greyColumns.${p.greyColumns.length - 1}: 列 AJ は入力項目（institutionCode）です`]);
  });

  it("bad column letters", () => {
    const p = clone();
    p.fields.name.column = "b";
    p.csv.columns[3] = "A1";
    const errors = errorsOf(p);
    expect(errors).toEqual([
      "様式プロファイルの fields.name.column: 列は A〜XFD の英大文字で指定してください",
      "様式プロファイルの csv.columns.3: 列は A〜XFD の英大文字で指定してください",
    ]);
  });

  it("a column outside the form's range", () => {
    const p = clone();
    p.fields.tfaMethod.column = "AO";
    expect(errorsOf(p)).toEqual(["様式プロファイルの fields.tfaMethod.column: 列 AO が様式の範囲外です"]);
  });

  it("missing fields are named, in Japanese", () => {
    const p = clone();
    delete p.fields.phone;
    delete p.csv;
    const errors = errorsOf(p);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^様式プロファイルの fields\.phone: /);
    expect(errors[1]).toMatch(/^様式プロファイルの csv: /);
    for (const e of errors) expect(e).toContain("ありません");
  });

  it("wrong types and values: every message is Japanese and names its path", () => {
    const p = clone();
    p.sheet.headerSearchRows = "10";
    p.csv.encoding = "latin1";
    p.orgTypes = [];
    p.required.push("fax");
    const errors = errorsOf(p);
    expect(errors.map((e) => e.split(":")[0])).toEqual([
      "様式プロファイルの sheet.headerSearchRows",
      "様式プロファイルの required.8",
      "様式プロファイルの orgTypes",
      "様式プロファイルの csv.encoding",
    ]);
    for (const e of errors) {
      expect(e).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(e).not.toMatch(/Invalid|expected|received/i);
    }
  });

  it("duplicate org-type codes, duplicate CSV columns and an input in the status column are refused", () => {
    const p = clone();
    p.orgTypes[2].code = "09";
    p.csv.columns.push("B");
    p.fields.name.column = "A";
    const errors = errorsOf(p);
    expect(errors).toContain("様式プロファイルの orgTypes.2.code: コード 09 が重複しています");
    expect(errors).toContain("様式プロファイルの csv.columns.39: 列 B が重複しています");
    expect(errors).toContain("様式プロファイルの fields.name.column: 列 A は状態（No.）の列です");
  });

  it("not an object at all", () => {
    expect(errorsOf(null)[0]).toMatch(/^様式プロファイルの （全体）: /);
    expect(errorsOf([])[0]).toMatch(/^様式プロファイルの （全体）: /);
  });

  it("a JSON syntax error says where", () => {
    const r = loadProfileJson('{\n  "id": "x",\n  "name": "y"\n  "sheet": {}\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(["profile.not-json"]);
    expect(sentences(r)[0]).toContain("JSONとして読めません");
    expect(sentences(r)[0]).toContain("（4行目 3文字目付近）");
    const empty = loadProfileJson("");
    expect(empty.ok).toBe(false);
    expect(sentences(empty)[0]).toContain("空");
    const noPlace = loadProfileJson('{"a": tru}');
    expect(noPlace.ok).toBe(false);
    expect(sentences(noPlace)[0]).toMatch(/^様式プロファイルがJSONとして読めません: /);
  });

  it("a UTF-8 BOM before the JSON is fine (Windows editors write one)", () => {
    expect(loadProfileJson("\ufeff" + JSON.stringify(DEFAULT_PROFILE)).ok).toBe(true);
  });

  it("column letters beyond XFD are refused", () => {
    const p = clone();
    p.sheet.lastColumn = "XFE";
    expect(errorsOf(p)[0]).toBe("様式プロファイルの sheet.lastColumn: 列は A〜XFD の英大文字で指定してください");
  });
});
