import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { decodeText, encodeText } from "../../src/domain";
import { SAMPLE_PASSWORDS } from "../domain/mail/sample-matches";
import { SAMPLE_FORM, SAMPLE_ISSUED } from "../support/samples";

const URL = "https://nesid.example.invalid/login";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-issued-columns-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The sample issued CSV (Shift_JIS) with its first line replaced, or dropped when `header` is undefined. */
function issuedWith(name: string, header: string | undefined): string {
  const lines = decodeText(readFileSync(SAMPLE_ISSUED)).text.split(/\r?\n/);
  const body = header === undefined ? lines.slice(1) : [header, ...lines.slice(1)];
  const file = path.join(dir, name);
  writeFileSync(file, encodeText(body.join("\r\n"), "cp932"));
  return file;
}

const mail = (issued: string, extra: string[] = [], out = "out") => run(["mail", "--form", SAMPLE_FORM, "--issued", issued, "--url", URL, "--out", path.join(dir, out), ...extra]);
const drafts = (out: string) => readdirSync(path.join(dir, out)).sort().map((f) => [f, readFileSync(path.join(dir, out, f)).toString("latin1")]);

describe("mail --issued-columns", () => {
  it("headings ユーザID / PW: the same drafts by heading, by letter and by number as with the sample's own headings", async () => {
    const reference = await mail(SAMPLE_ISSUED, [], "ref");
    expect(reference.code).toBe(0);
    const file = issuedWith("ユーザID_PW.csv", "ユーザID,利用者名,PW,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード");
    for (const [i, spec] of ["利用者ID=ユーザID,初期パスワード=PW", "利用者ID=A,初期パスワード=C", "利用者ID=1,初期パスワード=3", "ID=a, パスワード=ｃ"].entries()) {
      const r = await mail(file, ["--issued-columns", spec], `out${i}`);
      expect({ spec, code: r.code, err: r.err }).toEqual({ spec, code: 0, err: "" });
      expect(r.out).toContain("列：利用者ID=A列「ユーザID」、初期パスワード=C列「PW」、利用者名=B列「利用者名」");
      expect(drafts(`out${i}`)).toEqual(drafts("ref"));
    }
  });

  it("a password column the headings do not name: the error names the option; with it, every draft is made", async () => {
    const file = issuedWith("暗証.csv", "ユーザID,利用者名,暗証番号,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード");
    const without = await mail(file);
    expect(without.code).toBe(2);
    expect(without.err).toContain("「初期パスワード」の列が見出しから判別できません");
    expect(without.err).toContain("--issued-columns 利用者ID=…,初期パスワード=… で列を指定してください");
    const withIt = await mail(file, ["--issued-columns", "初期パスワード=暗証番号"]);
    expect(withIt.code).toBe(0);
    expect(withIt.out).toContain("列：利用者ID=A列「ユーザID」、初期パスワード=C列「暗証番号」");
    expect(readdirSync(path.join(dir, "out"))).toHaveLength(10);
    for (const pw of SAMPLE_PASSWORDS) expect(without.err + withIt.out + withIt.err).not.toContain(pw);
  });

  it("a CSV without a header line: columns by letter, every row read as data, the first row's values never echoed", async () => {
    const file = issuedWith("noheader.csv", undefined);
    const r = await mail(file, ["--issued-columns", "利用者ID=A,初期パスワード=C,利用者名=B,連絡先メールアドレス=D"]);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "out"))).toHaveLength(10);
    const heading = await mail(file, ["--issued-columns", "利用者ID=A,初期パスワード=暗証番号"]);
    expect(heading.code).toBe(2);
    expect(heading.err).toContain("見出し「暗証番号」の列が発行結果CSVにありません（1行目：見出しとして認識できる名前がありません）");
    for (const pw of SAMPLE_PASSWORDS) expect(heading.err).not.toContain(pw);
  });

  it("a wrong part is a usage error (exit 2) naming it: unknown item, unknown heading, column out of range, shared, unset, malformed", async () => {
    const file = issuedWith("ユーザID_PW.csv", "ユーザID,利用者名,PW,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード");
    const cases: [string, string][] = [
      ["利用者番号=A,初期パスワード=C", "--issued-columns の「利用者番号=A」: 項目「利用者番号」が分かりません（指定できる項目: 「利用者ID」「初期パスワード」"],
      ["利用者ID=ユーザID,初期パスワード=パス", "--issued-columns の「初期パスワード=パス」: 見出し「パス」の列が発行結果CSVにありません（1行目：A列「ユーザID」、B列「利用者名」、C列「PW」"],
      ["利用者ID=A,初期パスワード=7", "「初期パスワード」に指定した列がCSVにありません（6列のファイルです）"],
      ["利用者ID=A,初期パスワード=AB", "「初期パスワード」に指定した列がCSVにありません（6列のファイルです）"],
      ["利用者ID=A,初期パスワード=0", "「初期パスワード」に指定した列がCSVにありません"],
      ["利用者ID=C,初期パスワード=C", "C列が「利用者ID」と「初期パスワード」の両方に指定されています"],
      ["利用者ID=A,利用者ID=B", "--issued-columns の「利用者ID=B」: 「利用者ID」の列が2回指定されています"],
      ["初期パスワード", "--issued-columns の「初期パスワード」は「項目=列」の形で指定してください"],
    ];
    const unnamed = issuedWith("暗証.csv", "ユーザID,利用者名,暗証番号,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード");
    const unset = await mail(unnamed, ["--issued-columns", "利用者ID=A"]);
    expect(unset.code).toBe(2);
    expect(unset.err).toContain("--issued-columns: 「初期パスワード」の列を指定してください。");
    for (const [spec, message] of cases) {
      const r = await mail(file, ["--issued-columns", spec]);
      expect({ spec, code: r.code, message: r.err.includes(message) }).toEqual({ spec, code: 2, message: true });
      expect(r.err).toContain("使い方:");
    }
  });

  it("is documented in the usage text", async () => {
    const { out } = await run(["--help"]);
    expect(out).toContain("[--issued-columns 利用者ID=…,初期パスワード=…]");
    expect(out).toContain("--issued-columns 項目=列,…  mail: 発行結果CSVの列を指定します");
  });
});
