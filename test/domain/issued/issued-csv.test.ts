import { messageOf, detectIssuedColumns, encodeText, mappingProblems, parseIssuedCsv, readIssuedAccounts, readIssuedCsv, Secret, type IssuedCsvRead } from "../../../src/domain";
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { SAMPLE_ISSUED } from "../../support/samples";

const HEADER = "利用者ID,利用者名,初期パスワード,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード";

function sjis(lines: string[]): Uint8Array {
  return encodeText(lines.join("\r\n") + "\r\n", "cp932");
}

function utf8(text: string, bom = false): Uint8Array {
  return encodeText(text, bom ? "utf8bom" : "utf8");
}

function ok(read: IssuedCsvRead) {
  if (read.status !== "ok") throw new Error(`expected ok, got ${read.status}: ${JSON.stringify(read.problems)}`);
  return read;
}

describe("reading the sample issued-accounts.csv (Shift_JIS, CRLF)", () => {
  const read = ok(readIssuedCsv(readFileSync(SAMPLE_ISSUED)));

  it("detects Shift_JIS and every column by its header, with certainty", () => {
    expect(read.encoding).toBe("cp932");
    expect(read.detection.confidence).toBe("sure");
    expect(read.mapping).toEqual({ userId: 0, name: 1, password: 2, email: 3, orgType: 4, institutionCode: 5 });
    expect(read.problems).toEqual([]);
  });

  it("reads the 10 accounts with their CSV rows, names decoded and codes kept as text", () => {
    expect(read.accounts.map((a) => a.userId)).toEqual(["U230000", "U230001", "U230002", "U230003", "U230004", "U230005", "U230006", "U230007", "U230008", "U230009"]);
    expect(read.accounts.map((a) => a.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const first = read.accounts[0];
    expect([first.name, first.email, first.orgType, first.institutionCode]).toEqual(["佐藤　太郎", "sato.0@example-hosp.jp", "09", "2513100103"]);
    expect(first.password.reveal()).toBe("Init#1234Ab");
    expect(read.accounts[9]).toMatchObject({ name: "加藤　由美", orgType: "11", institutionCode: "" });
  });

  it("keeps passwords out of every printable form of an account", () => {
    const first = read.accounts[0];
    const printed = [JSON.stringify(read.accounts), String(first.password), `${first.password}`, inspect(first, { depth: 5 }), inspect(read, { depth: 8 })];
    for (const text of printed) {
      expect(text).not.toContain("Init#1234Ab");
      expect(text).not.toContain("1234Ab");
    }
    expect(JSON.stringify(first)).toContain(Secret.MASK);
  });
});

describe("encodings", () => {
  it("reads UTF-8 with and without BOM the same as Shift_JIS", () => {
    const lines = [HEADER, "U1,佐藤　太郎,Pass#word1,sato@example.jp,09,2513100103"];
    const fromSjis = ok(readIssuedCsv(sjis(lines)));
    for (const bytes of [utf8(lines.join("\n") + "\n"), utf8(lines.join("\r\n"), true)]) {
      const read = ok(readIssuedCsv(bytes));
      expect(read.encoding).toBe("utf8");
      expect(read.accounts.map((a) => [a.userId, a.name, a.email, a.password.reveal()])).toEqual(
        fromSjis.accounts.map((a) => [a.userId, a.name, a.email, a.password.reveal()]),
      );
    }
  });

  it("reads quoted fields with commas and doubled quotes (RFC 4180)", () => {
    const read = ok(readIssuedCsv(utf8(`${HEADER}\n"U1","山田, 花子","Ab1""x,yz!",yamada@example.jp,09,2513100103\n`)));
    expect(read.accounts[0].name).toBe("山田, 花子");
    expect(read.accounts[0].password.reveal()).toBe('Ab1"x,yz!');
  });
});

describe("column detection by header", () => {
  it("recognises the other names people give the columns, in any order", () => {
    const d = detectIssuedColumns(["メールアドレス", "氏名", "パスワード", "ユーザーID"]);
    expect(d.mapping).toEqual({ email: 0, name: 1, password: 2, userId: 3 });
    expect(d.confidence).toBe("sure");
    expect(detectIssuedColumns(["ログインID", "初期パスワード"]).mapping).toEqual({ userId: 0, password: 1 });
    expect(detectIssuedColumns(["ユーザＩＤ", "初期パスワード"]).mapping.userId).toBe(0);
    expect(detectIssuedColumns(["UserID", "Password", "E-mail"]).mapping).toEqual({ userId: 0, password: 1, email: 2 });
  });

  it("does not take the 2FA address for the contact address", () => {
    const d = detectIssuedColumns(["利用者ID", "初期パスワード", "二要素認証用メールアドレス", "連絡先メールアドレス"]);
    expect(d.mapping.email).toBe(3);
    const only2fa = detectIssuedColumns(["利用者ID", "初期パスワード", "二要素認証用メールアドレス"]);
    expect(only2fa.mapping.email).toBeUndefined();
  });

  it("is unsure when a required column is found only by a longer label, and says which column it chose", () => {
    const d = detectIssuedColumns(["利用者ID（半角）", "初期パスワード"]);
    expect(d.mapping.userId).toBe(0);
    expect(d.confidence).toBe("unsure");
    expect(d.notes.join("")).toContain("A列「利用者ID（半角）」");
  });

  it("is unsure when two columns could be the same field", () => {
    const d = detectIssuedColumns(["利用者ID", "パスワード", "初期パスワード"]);
    expect(d.mapping.password).toBe(2);
    expect(d.confidence).toBe("unsure");
    expect(d.notes.join("")).toContain("B列「パスワード」");
  });

  it("does not take a password-change date for the password", () => {
    expect(detectIssuedColumns(["利用者ID", "パスワード変更日", "初期パスワード"]).mapping.password).toBe(2);
    expect(detectIssuedColumns(["利用者ID", "パスワード変更日"]).mapping.password).toBeUndefined();
    expect(detectIssuedColumns(["利用者ID", "パスワード（初期）"]).mapping.password).toBe(1);
  });

  it("asks for a mapping when 利用者ID or 初期パスワード cannot be found", () => {
    const d = detectIssuedColumns(["番号", "氏名", "秘密"]);
    expect(d.confidence).toBe("none");
    expect(d.notes.join("")).toContain("「利用者ID」の列が見出しから判別できません");
    const read = readIssuedCsv(utf8("番号,氏名,秘密\nU1,佐藤,Abc#12345\n"));
    expect(read.status).toBe("needs-mapping");
    if (read.status === "needs-mapping") {
      expect(read.problems[0].code).toBe("issued.mapping-required");
      expect(messageOf(read.problems[0])).toContain("A列「番号」");
    }
  });

  it("for a file without a header, asks for a mapping without echoing the first row (it holds a password)", () => {
    const read = readIssuedCsv(utf8("U1,佐藤　太郎,Secret#987x,sato@example.jp\n"));
    expect(read.status).toBe("needs-mapping");
    if (read.status !== "needs-mapping") return;
    expect(read.detection.hasHeader).toBe(false);
    expect(read.header).toEqual([]);
    expect(messageOf(read.problems[0])).not.toContain("Secret#987x");
    // The user's mapping, with the first row as data:
    const mapped = ok(readIssuedCsv(utf8("U1,佐藤　太郎,Secret#987x,sato@example.jp\n"), { mapping: { userId: 0, password: 2, name: 1, email: 3 }, hasHeader: false }));
    expect(mapped.accounts.map((a) => [a.line, a.userId, a.name, a.password.reveal()])).toEqual([[1, "U1", "佐藤　太郎", "Secret#987x"]]);
    expect(mapped.header).toEqual([]);
  });

  it("a mapping override replaces the detection", () => {
    const bytes = utf8("利用者ID,初期パスワード,控え\nU1,Wrong#0000,Right#1111\n");
    expect(ok(readIssuedCsv(bytes)).accounts[0].password.reveal()).toBe("Wrong#0000");
    expect(ok(readIssuedCsv(bytes, { mapping: { userId: 0, password: 2 } })).accounts[0].password.reveal()).toBe("Right#1111");
  });

  it("rejects mappings that miss a required column, point outside the file or use a column twice", () => {
    expect(mappingProblems({ userId: 0 }, 3).map(messageOf)).toEqual(["「初期パスワード」の列を指定してください。"]);
    expect(mappingProblems({ userId: 0, password: 5 }, 3).map(messageOf)).toEqual(["「初期パスワード」に指定した列がCSVにありません（3列のファイルです）。"]);
    expect(mappingProblems({ userId: 1, password: 1 }, 3).map(messageOf)).toEqual(["B列が「利用者ID」と「初期パスワード」の両方に指定されています。"]);
    const parsed = parseIssuedCsv(utf8("a,b,c\n1,2,3\n"));
    if (!parsed.ok) throw new Error("parse");
    const read = readIssuedAccounts(parsed.table, { userId: 1, password: 1 });
    expect(read.accounts).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(["issued.mapping-shared"]);
  });
});

describe("bad files and rows: clear Japanese messages, rows left out and reported, never a password", () => {
  it("an empty file (or only blank lines) is unreadable, with a message", () => {
    for (const bytes of [new Uint8Array(0), utf8("\r\n\r\n  \r\n"), utf8(",,,\n")]) {
      const read = readIssuedCsv(bytes);
      expect(read.status).toBe("unreadable");
      expect(read.problems[0]).toMatchObject({ code: "issued.empty-file" });
      expect(messageOf(read.problems[0])).toContain("空です");
    }
  });

  it("a header with no data rows is reported", () => {
    const read = ok(readIssuedCsv(sjis([HEADER])));
    expect(read.accounts).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(["issued.no-data"]);
  });

  it("blank lines between rows are skipped and row numbers stay those of the file", () => {
    const read = ok(readIssuedCsv(sjis([HEADER, "U1,佐藤,Pass#word1,a@example.jp,09,1", "", "U2,鈴木,Pass#word2,b@example.jp,09,1"])));
    expect(read.accounts.map((a) => [a.userId, a.line])).toEqual([
      ["U1", 2],
      ["U2", 4],
    ]);
  });

  it("rows with a missing ID or password, a malformed password, and every row of a duplicated ID are left out with their rows named", () => {
    const lines = [
      HEADER,
      "U1,佐藤　太郎,Pass#word1,a@example.jp,09,1",
      ",鈴木　美咲,Pass#word2,b@example.jp,09,1",
      "U3,高橋　翔,,c@example.jp,09,1",
      "U4,田中　恵,パスワード１,d@example.jp,09,1",
      "U5,伊藤　一郎,Dup#first5,e@example.jp,09,1",
      "U6,渡辺　陽子,Pass#word6,f@example.jp,09,1",
      "U5,伊藤　一郎,Dup#second5,e@example.jp,09,1",
      "ユーザー７,山本,Pass#word7,g@example.jp,09,1",
    ];
    const read = ok(readIssuedCsv(sjis(lines)));
    expect(read.accounts.map((a) => a.userId)).toEqual(["U1", "U6"]);
    expect(read.problems.map((p) => [p.place.line, p.code])).toEqual([
      [3, "issued.id-missing"],
      [4, "issued.password-missing"],
      [5, "issued.password-invalid"],
      [6, "issued.id-duplicate"],
      [8, "issued.id-duplicate"],
      [9, "issued.id-invalid"],
    ]);
    expect(read.problems.every((p) => p.severity === "error")).toBe(true);
    const text = read.problems.map((p) => messageOf(p)).join("\n");
    expect(text).toContain("3行目：利用者IDが空欄です");
    expect(text).toContain("4行目（利用者ID U3）：初期パスワードが空欄です");
    expect(text).toContain("6行目（利用者ID U5）：同じ利用者IDが6・8行目にあります");
    expect(text).toContain("C列「初期パスワード」が初期パスワードの列か確認してください");
    for (const secret of ["Pass#word", "パスワード１", "Dup#first5", "Dup#second5"]) expect(text).not.toContain(secret);
  });

  it("warns when the password column does not look like passwords (a column chosen wrongly)", () => {
    const bytes = utf8("利用者ID,初期パスワード,メール\nU1,09,a@example.jp\nU2,11,b@example.jp\n");
    const read = ok(readIssuedCsv(bytes));
    expect(read.problems.map((p) => p.code)).toEqual(["issued.password-column-suspicious"]);
    const emails = ok(readIssuedCsv(bytes, { mapping: { userId: 0, password: 2 } }));
    expect(emails.problems.map((p) => p.code)).toEqual(["issued.password-column-suspicious"]);
    expect(messageOf(emails.problems[0])).not.toContain("a@example.jp");
  });

  it("trims spaces around values but keeps symbols of the password as they are", () => {
    const read = ok(readIssuedCsv(utf8(`${HEADER}\n U1 , 佐藤　太郎 ,"  a\\b¥c{d}E1  ", a@example.jp ,9,\n`)));
    expect(read.accounts[0].userId).toBe("U1");
    expect(read.accounts[0].name).toBe("佐藤　太郎");
    expect(read.accounts[0].password.reveal()).toBe("a\\b¥c{d}E1");
    expect(read.accounts[0].orgType).toBe("9");
  });
});
