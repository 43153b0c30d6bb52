import { problem, type RefusedRow, refusalText, DEFAULT_PROFILE, profileHeaderLabels, registrationCsv, type ExportOptions, type FormChecker, type FormRow } from "../../../src/domain";
import Encoding from "encoding-japanese";
import fc from "fast-check";
import Papa from "papaparse";
import { rowCellsArb } from "../../support/arbitraries";
import { checkRows, formRow, validCells } from "../../support/form-rows";

/** Refused rows with their reasons as the user reads them. */
const readable = (refused: readonly RefusedRow[]) => refused.map((r) => ({ ...r, reasons: r.reasons.map(refusalText) }));

function exportRowsOf(checker: FormChecker, source = "form.xlsx") {
  return checker.result().rows.map(({ row }) => ({
    source,
    row,
    cells: checker.rowInput(row)?.cells ?? [],
    result: checker.rowResult(row),
    findings: checker.rowFindings(row),
  }));
}

function exportOf(rows: FormRow[], options: ExportOptions = {}) {
  return registrationCsv(exportRowsOf(checkRows(rows)), DEFAULT_PROFILE, options);
}

const decodeCp932 = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS", type: "string" }) as string;
const records = (text: string) => Papa.parse<string[]>(text, { newline: "\r\n", skipEmptyLines: true }).data;

const person = (row: number, name: string, changes = {}) => formRow(row, { name, tfaEmail: `${row}@example-hosp.jp`, ...changes });

describe("registration CSV (default profile)", () => {
  it("CP932, CRLF, a header line of the form's labels, then B..AN of each error-free row (39 fields)", () => {
    const csv = exportOf([person(4, "佐藤　太郎"), person(5, "鈴木　花子", { tfaMethod: "2", tfaEmail: null, tfaPhone: "090-1234-5678" })]);
    expect(csv.encoding).toBe("cp932");
    expect(csv.written).toEqual([{ source: "form.xlsx", row: 4 }, { source: "form.xlsx", row: 5 }]);
    expect(csv.refused).toEqual([]);
    const text = decodeCp932(csv.bytes);
    expect(text).toBe(csv.text);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [header, first, second] = records(text);
    expect(header).toEqual(profileHeaderLabels(DEFAULT_PROFILE));
    expect(header).toHaveLength(39);
    expect(header.slice(0, 4)).toEqual(["利用者名", "連絡先電話番号", "連絡先メールアドレス", "所属機関分類コード"]);
    expect(header[4]).toBe("（入力不要）");
    expect(first).toHaveLength(39);
    const at = (line: string[], column: string) => line[DEFAULT_PROFILE.csv.columns.indexOf(column)];
    expect([at(first, "B"), at(first, "C"), at(first, "D"), at(first, "E"), at(first, "I"), at(first, "K"), at(first, "AG"), at(first, "AJ"), at(first, "AL"), at(first, "AM"), at(first, "AN")]).toEqual([
      "佐藤　太郎", "03-5555-1000", "sato@example-hosp.jp", "09", "253658", "25654", "0", "2513100103", "", "4@example-hosp.jp", "1",
    ]);
    expect(at(second, "AL")).toBe("090-1234-5678");
    expect(at(second, "F")).toBe("");
  });

  it("a phone number written with parentheses or spaces (a warning) is written hyphenated, never as typed", () => {
    const csv = exportOf([
      person(4, "佐藤　太郎", { phone: "03(5555)1300" }),
      person(5, "鈴木　花子", { phone: "（０３）５５５５－１３０１", tfaMethod: "3", tfaEmail: null, tfaPhone: "03 5555 1301" }),
      person(6, "高橋　一郎", { phone: "03-5555-1302 内線12" }),
    ], { header: false });
    expect(csv.written).toEqual([{ source: "form.xlsx", row: 4 }, { source: "form.xlsx", row: 5 }]);
    expect(csv.refused.map((r) => r.row)).toEqual([6]);
    const [first, second] = records(csv.text);
    const at = (line: string[], column: string) => line[DEFAULT_PROFILE.csv.columns.indexOf(column)];
    expect([at(first, "C"), at(second, "C"), at(second, "AL")]).toEqual(["03-5555-1300", "03-5555-1301", "03-5555-1301"]);
    expect(csv.text).not.toMatch(/[()（）]|\d \d/);
  });

  it("the CP932 bytes are Shift_JIS (佐 = 0x8DB2), not UTF-8", () => {
    const csv = exportOf([person(4, "佐藤　太郎")], { header: false });
    expect([...csv.bytes.slice(0, 2)]).toEqual([0x8d, 0xb2]);
  });

  it("UTF-8 with BOM on request", () => {
    const csv = exportOf([person(4, "佐藤　太郎")], { encoding: "utf8bom" });
    expect(csv.encoding).toBe("utf8bom");
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv.bytes.slice(3))).toBe(csv.text);
    expect(records(csv.text)[1][0]).toBe("佐藤　太郎");
  });

  it("header off", () => {
    const csv = exportOf([person(4, "佐藤　太郎")], { header: false });
    expect(records(csv.text)).toHaveLength(1);
    expect(records(csv.text)[0][0]).toBe("佐藤　太郎");
  });

  it("header labels from the form are used when given; unencodable ones fall back to the profile's", () => {
    const labels = profileHeaderLabels(DEFAULT_PROFILE).map((l, i) => (i === 0 ? "利用者名（氏名）" : l));
    expect(records(exportOf([person(4, "佐藤　太郎")], { headerLabels: labels }).text)[0][0]).toBe("利用者名（氏名）");
    const bad = profileHeaderLabels(DEFAULT_PROFILE).map((l, i) => (i === 0 ? "利用者名😀" : l));
    const csv = exportOf([person(4, "佐藤　太郎")], { headerLabels: bad });
    expect(records(decodeCp932(csv.bytes))[0][0]).toBe("利用者名");
    expect(csv.notes).toEqual(["見出し（B列）「利用者名😀」はShift_JISで表せない文字（「😀」）を含むため、「利用者名」として出力しました。"]);
    expect(records(exportOf([person(4, "佐藤　太郎")], { headerLabels: bad, encoding: "utf8bom" }).text)[0][0]).toBe("利用者名😀");
  });

  it("no rows and no header: empty output", () => {
    const csv = exportOf([], { header: false });
    expect(csv.text).toBe("");
    expect(csv.bytes).toHaveLength(0);
  });

  it("RFC 4180: fields with commas or quotes are quoted; quotes doubled", () => {
    const csv = exportOf([person(4, "O'Brien, \"Jr\""), person(5, "鈴木　花子")]);
    const lines = csv.text.split("\r\n");
    expect(lines[1].startsWith('"O\'Brien, ""Jr""",03-5555-1000,')).toBe(true);
    expect(records(csv.text)[1][0]).toBe("O'Brien, \"Jr\"");
    expect(records(csv.text)[2][1]).toBe("03-5555-1000");
  });

  it("grey-column (入力不要) values are left out: empty fields, the row still written, each value listed", () => {
    const csv = exportOf([person(4, "佐藤　太郎", { F: " 備考 ", AK: "123" }), person(5, "鈴木　花子"), person(6, "高橋　翔", { M: "x", phone: null })]);
    expect(csv.written.map((w) => w.row)).toEqual([4, 5]);
    const [, first] = records(csv.text);
    for (const column of DEFAULT_PROFILE.greyColumns) expect(first[DEFAULT_PROFILE.csv.columns.indexOf(column)]).toBe("");
    expect(csv.text).not.toContain("備考");
    // only written rows' values are listed (row 6 is refused for its own errors)
    expect(csv.cleared).toEqual([
      { source: "form.xlsx", row: 4, column: "F", value: "備考" },
      { source: "form.xlsx", row: 4, column: "AK", value: "123" },
    ]);
  });

  it("codes stay text and the spec's normalizations apply: 9 → 09, full-width digits, trimmed values", () => {
    const csv = exportOf([
      person(4, "　佐藤　太郎　", { orgType: 9, phone: "０３－５５５５－１０００", healthCenterCode: 25654, cityCode: "２５３６５８", downloadFlag: 1, tfaMethod: 1, email: " sato@example-hosp.jp " }),
      person(5, "鈴木　花子", { healthCenterCode: "04033", cityCode: 40000, institutionCode: 400000001 }),
    ]);
    expect(csv.refused).toEqual([]);
    const [, a, b] = records(csv.text);
    expect([a[0], a[1], a[2], a[3], a[7], a[9], a[31], a[38]]).toEqual(["佐藤　太郎", "03-5555-1000", "sato@example-hosp.jp", "09", "253658", "25654", "1", "1"]);
    expect([b[7], b[9], b[34]]).toEqual(["040000", "04033", "0400000001"]);
  });

  it("half-width katakana in a name is written as typed (a warning, not a change)", () => {
    const csv = exportOf([person(4, "ｻﾄｳ ﾀﾛｳ")]);
    expect(records(decodeCp932(csv.bytes))[1][0]).toBe("ｻﾄｳ ﾀﾛｳ");
  });

  describe("refused rows are listed with their reasons, never dropped silently", () => {
    it("errors: each error with its column and message", () => {
      const csv = exportOf([person(4, "佐藤　太郎", { phone: null, email: "tanaka＠example-hosp.jp" })]);
      expect(csv.written).toEqual([]);
      expect(csv.refused).toHaveLength(1);
      expect(csv.refused[0].row).toBe(4);
      expect(csv.refused[0].reasons.map(refusalText)).toEqual([expect.stringMatching(/^C列：連絡先電話番号が入力されていません/), expect.stringMatching(/^D列：全角文字/)]);
    });

    it("blank AJ (institution not yet in the master) — also named when the row has errors", () => {
      const csv = exportOf([person(4, "佐藤　太郎", { institutionCode: null }), person(5, "鈴木　花子", { institutionCode: null, downloadFlag: "x" })]);
      expect(csv.refused.map((r) => r.row)).toEqual([4, 5]);
      expect(csv.refused[0].reasons.map(refusalText)).toEqual([expect.stringMatching(/^AJ列：.*空欄/)]);
      expect(csv.refused[1].reasons.map(refusalText)).toEqual([expect.stringMatching(/^AG列：/), expect.stringMatching(/^AJ列：.*空欄/)]);
    });

    it("16 (定点) is an ordinary account: written by default; issueDeferred changes nothing", () => {
      const rows = [person(4, "佐藤　太郎", { orgType: "16", institutionCode: "25100010" })];
      const csv = exportOf(rows);
      expect(csv.refused).toEqual([]);
      expect(records(csv.text)[1][3]).toBe("16");
      expect(Buffer.from(exportOf(rows, { issueDeferred: true }).bytes).equals(Buffer.from(csv.bytes))).toBe(true);
    });

    it("a type the profile defers is held back unless issueDeferred", () => {
      const profile = { ...DEFAULT_PROFILE, orgTypes: DEFAULT_PROFILE.orgTypes.map((t) => (t.code === "16" ? { ...t, deferred: true } : t)) };
      const rows = exportRowsOf(checkRows([person(4, "佐藤　太郎", { orgType: "16", institutionCode: "25100010" })], undefined, profile));
      expect(readable(registrationCsv(rows, profile).refused)).toEqual([{ source: "form.xlsx", row: 4, reasons: [expect.stringMatching(/^E列：16（医療機関管理者（定点））は次期システムの運用開始後/)] }]);
      expect(registrationCsv(rows, profile, { issueDeferred: true }).written.map((w) => w.row)).toEqual([4]);
    });

    it("a type this window does not accept is left out, saying where it is applied for", () => {
      const profile = { ...DEFAULT_PROFILE, acceptedOrgTypes: ["09"] };
      const rows = exportRowsOf(checkRows([person(4, "佐藤　太郎"), person(5, "鈴木　花子", { orgType: "16", institutionCode: "25100010" })], undefined, profile));
      const csv = registrationCsv(rows, profile, { issueDeferred: true });
      expect(csv.written.map((w) => w.row)).toEqual([4]);
      expect(readable(csv.refused)).toEqual([{ source: "form.xlsx", row: 5, reasons: [expect.stringMatching(/^E列：16（医療機関管理者（定点））はこの窓口で受け付けていない種別のため出力しません（都道府県/)] }]);
    });

    it("gap rows", () => {
      const csv = exportOf([person(4, "佐藤　太郎"), { row: 5, cells: [] }, person(6, "鈴木　花子")]);
      expect(csv.written.map((w) => w.row)).toEqual([4, 6]);
      expect(readable(csv.refused)).toEqual([{ source: "form.xlsx", row: 5, reasons: [expect.stringContaining("空行")] }]);
    });

    it("a grey value Shift_JIS cannot hold does not matter: it is not written", () => {
      const cp932 = exportOf([person(4, "佐藤　太郎", { F: "備考😀" })]);
      expect(cp932.written.map((w) => w.row)).toEqual([4]);
      expect(cp932.cleared).toEqual([{ source: "form.xlsx", row: 4, column: "F", value: "備考😀" }]);
    });

    it("rows the caller excludes", () => {
      const csv = exportOf([person(4, "佐藤　太郎"), person(5, "鈴木　花子")], { exclude: (r) => (r.row === 5 ? problem("export.not-approved", { status: "差戻し" }, { row: 5 }) : undefined) });
      expect(csv.written.map((w) => w.row)).toEqual([4]);
      expect(readable(csv.refused)).toEqual([{ source: "form.xlsx", row: 5, reasons: ["申請の判定が「差戻し」のため出力しません（「承認」にした申請だけを出力します）"] }]);
    });

    it("duplicate applications (cross-row errors) are refused on the later row", () => {
      const csv = exportOf([person(4, "佐藤　太郎"), person(5, "佐藤 太郎")]);
      expect(csv.written.map((w) => w.row)).toEqual([4]);
      expect(csv.refused[0].reasons.map(refusalText)[0]).toMatch(/^B列：4行目と同じ利用者/);
    });
  });

  it("is byte-identical for the same input", () => {
    const rows = [person(4, "佐藤　太郎"), person(5, "鈴木　花子", { institutionCode: null }), person(6, "O'Brien, \"Jr\"")];
    const a = exportOf(rows);
    const b = exportOf(rows.map((r) => ({ row: r.row, cells: [...r.cells] })));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.refused).toEqual(b.refused);
  });

  it("no written field can start a formula: the check's errors refuse the row", () => {
    const csv = exportOf([person(4, "佐藤　太郎", { F: "=1+1", G: "@A1", H: "-2", J: "+3" }), person(5, "＝鈴木　花子"), person(6, "＠高橋")]);
    expect(csv.written).toEqual([]);
    expect(csv.refused[0].reasons.map(refusalText)).toHaveLength(4);
    expect(csv.refused[1].reasons.map(refusalText)).toEqual([expect.stringMatching(/^B列：「＝」で始まる値/)]);
    expect(csv.refused[2].reasons.map(refusalText)).toEqual([expect.stringMatching(/^B列：「＠」で始まる値/)]);
  });

  it.each(["=1+1", "+1", "-1", "@A1", "＝1+1", "＋1", "－1", "＠A1", "　＝1", " =1", "\t=1", "\r=1"])(
    "the writer's own guard refuses %j even when a row arrives with no findings (fails if the guard is removed)",
    (name) => {
      const checker = checkRows([person(4, "佐藤　太郎")]);
      // a row as a buggy caller could pass it: its accepted name starts a formula, and it carries no findings
      const rows = exportRowsOf(checker).map((r) => ({ ...r, findings: [], result: { ...r.result!, values: { ...r.result!.values, name } } }));
      const csv = registrationCsv(rows, DEFAULT_PROFILE);
      expect(csv.written).toEqual([]);
      expect(readable(csv.refused)).toEqual([{ source: "form.xlsx", row: 4, reasons: ["B列：数式と解釈される文字で始まるため出力できません"] }]);
      expect(csv.text).not.toContain(name);
    },
  );

  it("header labels from the form that start a formula (also full-width) or hold a line break are replaced and noted", () => {
    const labels = profileHeaderLabels(DEFAULT_PROFILE).map((l, i) => (i === 0 ? "＝利用者名" : i === 1 ? "連絡先\n電話番号" : i === 2 ? "@メール" : l));
    const csv = exportOf([person(4, "佐藤　太郎")], { headerLabels: labels });
    expect(records(csv.text)[0].slice(0, 3)).toEqual(["利用者名", "連絡先電話番号", "連絡先メールアドレス"]);
    expect(csv.text.split("\r\n")).toHaveLength(3);
    expect(csv.notes).toEqual([
      "見出し（B列）「＝利用者名」は数式と解釈されるおそれがあるため、「利用者名」として出力しました。",
      "見出し（C列）「連絡先↵電話番号」は改行などの制御文字を含むため、「連絡先電話番号」として出力しました。",
      "見出し（D列）「@メール」は数式と解釈されるおそれがあるため、「連絡先メールアドレス」として出力しました。",
    ]);
  });

  it("a value with a control character never reaches the file", () => {
    const csv = exportOf([person(4, "佐藤　太郎", { M: "a\r\nb" }), person(5, "鈴木　花子"), person(6, "高橋\n翔")]);
    expect(csv.written.map((w) => w.row)).toEqual([5]);
    expect(csv.text.split("\r\n")).toHaveLength(3);
  });

  it("a row passed without findings but with unaccepted input values is still refused", () => {
    const checker = checkRows([{ row: 4, cells: validCells({ orgType: "x" }) }]);
    const rows = exportRowsOf(checker).map((r) => ({ ...r, findings: [] }));
    const csv = registrationCsv(rows, DEFAULT_PROFILE);
    expect(csv.written).toEqual([]);
    expect(csv.refused[0].reasons.map(refusalText).join()).toContain("E列");
  });
});

describe("the file says exactly what was checked (property)", () => {
  it("decoding the bytes gives the text; parsing the text gives the written rows' values, field for field", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4, max: 12 }), rowCellsArb), { maxLength: 8 }), fc.constantFrom("cp932" as const, "utf8bom" as const), (entries, encoding) => {
        const checker = checkRows(entries.map(([row, cells]) => ({ row, cells })));
        const csv = registrationCsv(exportRowsOf(checker), DEFAULT_PROFILE, { encoding });
        const decoded = encoding === "cp932" ? decodeCp932(csv.bytes) : new TextDecoder().decode(csv.bytes.slice(3));
        expect(decoded).toBe(csv.text);
        const parsed = csv.text === "" ? [] : Papa.parse<string[]>(csv.text.slice(0, -2), { newline: "\r\n" }).data;
        expect(parsed).toHaveLength(csv.written.length + 1);
        csv.written.forEach(({ row }, i) => {
          const result = checker.rowResult(row)!;
          const line = parsed[i + 1];
          expect(line).toHaveLength(39);
          for (const [key, field] of Object.entries(DEFAULT_PROFILE.fields)) {
            expect(line[DEFAULT_PROFILE.csv.columns.indexOf(field.column)]).toBe(result.values[key as keyof typeof result.values] ?? "");
          }
          for (const f of line) expect(f).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe("characters that would change on the way into the file", () => {
  it("CP932: 〜 (U+301C) and − (U+2212) are each refused, not silently written as ～ and －", () => {
    // the check already refuses them in a name …
    const checked = exportOf([person(4, "佐藤〜太郎"), person(5, "鈴木−花子"), person(6, "高橋～翔"), person(7, "田中－恵")]);
    expect(checked.refused.map((r) => [r.row, r.reasons.map(refusalText)])).toEqual([
      [4, [expect.stringContaining("「〜」")]],
      [5, [expect.stringContaining("「−」")]],
    ]);
    // … and the writer refuses each on its own, for a row that arrives without findings
    const checker = checkRows([person(4, "佐藤　太郎"), person(5, "鈴木　花子")]);
    const names: Record<number, string> = { 4: "佐藤〜太郎", 5: "鈴木−花子" };
    const rows = exportRowsOf(checker).map((r) => ({ ...r, findings: [], result: { ...r.result!, values: { ...r.result!.values, name: names[r.row] } } }));
    expect(readable(registrationCsv(rows, DEFAULT_PROFILE).refused)).toEqual([
      { source: "form.xlsx", row: 4, reasons: ["B列：Shift_JISで表せない文字（「〜」）があるため出力できません"] },
      { source: "form.xlsx", row: 5, reasons: ["B列：Shift_JISで表せない文字（「−」）があるため出力できません"] },
    ]);
    const csv = checked;
    // the full-width forms CP932 has are written as typed
    expect(csv.written.map((w) => w.row)).toEqual([6, 7]);
    expect(records(decodeCp932(csv.bytes)).slice(1).map((r) => r[0])).toEqual(["高橋～翔", "田中－恵"]);
  });

  it("broken text (a lone surrogate) is refused in UTF-8 too, shown by its code", () => {
    const checker = checkRows([person(4, "佐藤　太郎")]);
    const rows = exportRowsOf(checker).map((r) => ({ ...r, result: { ...r.result!, values: { ...r.result!.values, name: "a\udfffb" } } }));
    const csv = registrationCsv(rows, DEFAULT_PROFILE, { encoding: "utf8bom" });
    expect(csv.refused[0].reasons.map(refusalText)).toEqual(["B列：UTF-8で表せない文字（U+DFFF）があるため出力できません"]);
  });
});
