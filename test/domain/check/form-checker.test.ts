import { messageOf, checkForm, DEFAULT_PROFILE, type FormRow } from "../../../src/domain";
import { checkRows, formRow, HEADER_ROW, rowKeys, testMasters, validCells } from "../../support/form-rows";

const empty = (row: number): FormRow => ({ row, cells: [] });

describe("row status", () => {
  it("complete: every required field present and no error (warnings allowed)", () => {
    const c = checkRows([formRow(4), formRow(5, { name: "ｻﾄｳ ﾊﾅｺ", tfaEmail: "hanako@example-hosp.jp" })]);
    expect(c.result().rows).toEqual([
      { row: 4, status: "complete" },
      { row: 5, status: "complete" },
    ]);
    expect(c.result().summary).toMatchObject({ rows: 2, complete: 2, incomplete: 0, gap: 0, errors: 0, warnings: 1 });
  });

  it("incomplete: a required field missing or any error", () => {
    const c = checkRows([formRow(4, { phone: null }), formRow(5, { name: "鈴木　花子", tfaEmail: "suzuki@example-hosp.jp", downloadFlag: "2" })]);
    expect(c.status(4)).toBe("incomplete");
    expect(c.status(5)).toBe("incomplete");
    expect(rowKeys(c.result().findings)).toEqual(["4 C required.missing", "5 AG downloadFlag.invalid"]);
  });

  it("a row with only a grey value is filled (incomplete, every required field missing)", () => {
    const c = checkRows([{ row: 4, cells: validCells() }, { row: 5, cells: [null, null, null, null, null, "x"] }]);
    expect(c.status(5)).toBe("incomplete");
    expect(rowKeys(c.rowFindings(5))).toEqual([
      "5 B required.missing", "5 C required.missing", "5 D required.missing", "5 E required.missing", "5 F grey.has-value",
      "5 I required.missing", "5 K required.missing", "5 AG required.missing", "5 AN required.missing",
    ]);
  });

  it("gap: an empty row above the last filled row is an error on column A", () => {
    const c = checkRows([formRow(4), empty(5), { row: 6, cells: [7] }, formRow(7, { name: "鈴木　花子", tfaEmail: "suzuki@example-hosp.jp" })]);
    expect(c.result().rows.map((r) => r.status)).toEqual(["complete", "gap", "gap", "complete"]);
    expect(rowKeys(c.result().findings)).toEqual(["5 A row.gap", "6 A row.gap"]);
    expect(c.result().summary.gap).toBe(2);
  });

  it("empty rows below the last filled row are not part of the data; the status column alone does not make a row", () => {
    const c = checkRows([formRow(4), empty(5), { row: 6, cells: [2] }, { row: 7, cells: ["", " ", "\u3000"] }]);
    expect(c.result().lastRow).toBe(4);
    expect(c.result().rows).toEqual([{ row: 4, status: "complete" }]);
    expect(c.status(5)).toBeUndefined();
    expect(c.rowFindings(5)).toEqual([]);
  });

  it("an error value alone fills a row", () => {
    const c = checkRows([formRow(4), { row: 6, cells: [null, null, null, null, null, null, null, null, null, null, null, null, { error: "#N/A" }] }]);
    expect(c.result().lastRow).toBe(6);
    expect(c.status(5)).toBe("gap");
    expect(c.rowFindings(6).map((f) => f.code)).toContain("cell.error-value");
  });

  it("an empty form: no rows, lastRow = header row", () => {
    const c = checkRows([empty(4), empty(5)]);
    expect(c.result()).toMatchObject({ headerRow: 3, firstDataRow: 4, lastRow: 3, rows: [], findings: [] });
  });

  it("rows at or above the header are ignored", () => {
    const c = checkRows([formRow(2), formRow(3), formRow(4)]);
    expect(c.result().rows).toEqual([{ row: 4, status: "complete" }]);
  });
});

describe("duplicate applications (same person + E + AJ, or K when AJ is blank)", () => {
  it("error on the 2nd and later rows, column B, naming the first row", () => {
    const c = checkRows([formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "suzuki@example-hosp.jp" }), formRow(6, { name: "佐藤 太郎", tfaEmail: "t2@example-hosp.jp" }), formRow(7, { name: "佐藤太郎", tfaEmail: "t3@example-hosp.jp" })]);
    expect(rowKeys(c.result().findings)).toEqual(["6 B name.duplicate", "7 B name.duplicate"]);
    expect(messageOf(c.rowFindings(6)[0])).toContain("4行目");
    expect(messageOf(c.rowFindings(7)[0])).toContain("4行目");
    expect(c.result().rows.map((r) => r.status)).toEqual(["complete", "complete", "incomplete", "incomplete"]);
  });

  it("same name + E + institution with no contact in common (D, AM, AL) is a warning on the later row: two people of one name", () => {
    const other = { email: "sato.sho2@example-hosp.jp", tfaEmail: "sho2.2fa@example-hosp.jp" };
    const c = checkRows([formRow(4, { name: "佐藤　翔" }), formRow(5, { name: "佐藤　翔", ...other })]);
    expect(rowKeys(c.result().findings)).toEqual(["5 B name.same-name"]);
    expect(c.rowFindings(5)[0].severity).toBe("warning");
    expect(messageOf(c.rowFindings(5)[0])).toContain("4行目");
    expect(c.result().rows.map((r) => r.status)).toEqual(["complete", "complete"]);
  });

  it.each([
    ["D", { tfaEmail: "other.2fa@example-hosp.jp" }],
    ["AM", { email: "other@example-hosp.jp" }],
    ["AL", { email: "other@example-hosp.jp", tfaMethod: "2", tfaEmail: null, tfaPhone: "090-1234-5678" }],
  ])("a contact in common (%s) makes it an error", (_col, changes) => {
    const first = { tfaMethod: "2", tfaEmail: null, tfaPhone: "090-1234-5678" };
    const base = _col === "AL" ? first : {};
    const c = checkRows([formRow(4, { name: "佐藤　翔", ...base }), formRow(5, { name: "佐藤　翔", ...changes })]);
    expect(rowKeys(c.result().findings).filter((k) => k.includes("name."))).toEqual(["5 B name.duplicate"]);
  });

  it("the later row is an error when it shares a contact with any earlier row, else a warning", () => {
    const c = checkRows([
      formRow(4, { name: "佐藤　翔" }),
      formRow(5, { name: "佐藤　翔", email: "b@example-hosp.jp", tfaEmail: "b2@example-hosp.jp" }),
      formRow(6, { name: "佐藤　翔", email: "b@example-hosp.jp", tfaEmail: "c2@example-hosp.jp" }),
    ]);
    expect(rowKeys(c.result().findings)).toEqual(["5 B name.same-name", "6 B name.duplicate"]);
    expect(messageOf(c.rowFindings(6)[0])).toContain("5行目");
  });

  it("the same person in another institution or with another account type is not a duplicate", () => {
    const c = checkRows([
      formRow(4),
      formRow(5, { institutionCode: "0400000001", healthCenterCode: "04033", cityCode: "040000", tfaEmail: "x@example-hosp.jp" }),
      formRow(6, { orgType: "16", institutionCode: "25100010", tfaEmail: "y@example-hosp.jp" }),
    ]);
    expect(c.result().findings.filter((f) => f.code === "name.duplicate")).toEqual([]);
  });

  it("with AJ blank, K decides", () => {
    const c = checkRows([
      formRow(4, { institutionCode: null }),
      formRow(5, { institutionCode: null, tfaEmail: "x@example-hosp.jp" }),
      formRow(6, { institutionCode: null, healthCenterCode: "13125", cityCode: "130000", tfaEmail: "y@example-hosp.jp" }),
    ]);
    expect(c.result().findings.filter((f) => f.code === "name.duplicate").map((f) => f.place.row)).toEqual([5]);
  });

  it("a zero-lost numeric AJ is the same institution as the text code", () => {
    const base = { healthCenterCode: "04033", cityCode: "040000" };
    const c = checkRows([formRow(4, { ...base, institutionCode: "0511500118" }), formRow(5, { ...base, institutionCode: 511500118, tfaEmail: "x@example-hosp.jp" })]);
    expect(c.rowFindings(5).map((f) => f.code)).toEqual(["name.duplicate", "code.zero-padded"]);
  });

  it("a row without a usable name takes part in no duplicate group", () => {
    const c = checkRows([formRow(4, { name: "佐藤\n太郎" }), formRow(5, { name: "佐藤\n太郎", tfaEmail: "x@example-hosp.jp" })]);
    expect(c.result().findings.map((f) => f.code)).toEqual(["cell.control-character", "cell.control-character"]);
  });
});

describe("shared 2FA destinations (different users only)", () => {
  it("the same 2FA mail for different people → warning on each, naming the other rows", () => {
    const shared = { tfaEmail: "ward@example-hosp.jp" };
    const c = checkRows([formRow(4, shared), formRow(5, { ...shared, name: "鈴木　花子" }), formRow(6, { ...shared, name: "高橋　翔" })]);
    expect(rowKeys(c.result().findings)).toEqual(["4 AM tfa.shared", "5 AM tfa.shared", "6 AM tfa.shared"]);
    expect(messageOf(c.rowFindings(4)[0])).toContain("5・6行目");
    expect(c.rowFindings(4)[0].severity).toBe("warning");
    expect(c.result().rows.every((r) => r.status === "complete")).toBe(true);
  });

  it("the mail's domain is compared case-insensitively", () => {
    const c = checkRows([formRow(4, { tfaEmail: "ward@example-hosp.jp" }), formRow(5, { name: "鈴木　花子", tfaEmail: "ward@EXAMPLE-HOSP.JP" })]);
    expect(c.result().findings.map((f) => f.code)).toEqual(["tfa.shared", "tfa.shared"]);
  });

  it("the same 2FA phone (SMS or 電話, any formatting) → warning on AL", () => {
    const c = checkRows([
      formRow(4, { tfaMethod: "2", tfaEmail: null, tfaPhone: "090-1234-5678" }),
      formRow(5, { name: "鈴木　花子", tfaMethod: "3", tfaEmail: null, tfaPhone: "09012345678" }),
    ]);
    expect(rowKeys(c.result().findings)).toEqual(["4 AL tfa.shared", "5 AL tfa.shared"]);
  });

  it("one person's own rows (one account per institution) may share their 2FA", () => {
    const c = checkRows([formRow(4), formRow(5, { institutionCode: "0400000001", healthCenterCode: "04033", cityCode: "040000" })]);
    expect(c.result().findings).toEqual([]);
  });

  it("contact phone and mail (C/D) may be shared", () => {
    const c = checkRows([formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "suzuki@example-hosp.jp" })]);
    expect(c.result().findings).toEqual([]);
  });

  it("an unused 2FA field does not count (AL filled but AN=1)", () => {
    const c = checkRows([formRow(4, { tfaPhone: "090-1234-5678" }), formRow(5, { name: "鈴木　花子", tfaEmail: "suzuki@example-hosp.jp", tfaPhone: "090-1234-5678" })]);
    expect(c.result().findings).toEqual([]);
  });
});

describe("incremental update", () => {
  it("returns the rows whose outcome may have changed, and leaves the state of a full check", () => {
    const rows = [formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "s@example-hosp.jp" }), formRow(6, { name: "高橋　翔", tfaEmail: "t@example-hosp.jp" })];
    const c = checkRows(rows);
    const changed = c.update([formRow(6, { tfaEmail: "t@example-hosp.jp" })]);
    expect([...changed].sort()).toEqual([6]);
    expect(rowKeys(c.result().findings)).toEqual(["6 B name.duplicate"]);
    expect(c.update([empty(6)])).toEqual(new Set([6]));
    expect(c.result().lastRow).toBe(5);
    const far = c.update([formRow(9, { name: "伊藤　一郎", tfaEmail: "i@example-hosp.jp" })]);
    expect([...far].sort()).toEqual([6, 7, 8, 9]);
    expect(c.result().rows.map((r) => r.status)).toEqual(["complete", "complete", "gap", "gap", "gap", "complete"]);
  });

  it("checkForm is reset + result", () => {
    const result = checkForm([formRow(4, { phone: null })], HEADER_ROW, DEFAULT_PROFILE, testMasters()).result();
    expect(rowKeys(result.findings)).toEqual(["4 C required.missing"]);
  });
});

describe("update with the same row twice in one batch", () => {
  it("the last version wins, as a full check of the final cells", () => {
    const c = checkRows([formRow(4), formRow(5, { name: "鈴木　花子", tfaEmail: "s@example-hosp.jp" })]);
    c.update([formRow(5), { row: 5, cells: [] }, formRow(5, { tfaEmail: "x@example-hosp.jp" })]);
    expect(c.result()).toEqual(checkRows([formRow(4), formRow(5, { tfaEmail: "x@example-hosp.jp" })]).result());
    expect(rowKeys(c.result().findings)).toEqual(["5 B name.duplicate"]);
  });
});
