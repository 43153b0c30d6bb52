/**
 * `nesid-account mail` must not hurt: no raw field of the issued CSV on the terminal (a shifted row would print a
 * password), no terminal line a value could forge (\r\nBcc:), drafts always new 0600 files that never follow a link,
 * and a --url whose display could lie is refused.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { encodeText, readIssuedCsv } from "../../src/domain";
import { SAMPLE_FORM, SAMPLE_ISSUED } from "../support/samples";

const URL = "https://nesid.example.invalid/login";
const HEADER = "利用者ID,利用者名,初期パスワード,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-mail-safety-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sampleLines(): string[] {
  const read = readIssuedCsv(readFileSync(SAMPLE_ISSUED));
  if (read.status !== "ok") throw new Error("sample");
  return read.accounts.map((a) => [a.userId, a.name, a.password.reveal(), a.email, a.orgType, a.institutionCode].join(","));
}

function writeCsv(lines: string[]): string {
  const file = path.join(dir, "issued.csv");
  writeFileSync(file, encodeText(lines.join("\r\n") + "\r\n", "cp932"));
  return file;
}

const mailArgs = (issued: string, extra: string[] = []) => ["mail", "--form", SAMPLE_FORM, "--issued", issued, "--url", URL, "--out", path.join(dir, "out"), ...extra];

describe("the terminal never shows raw fields of the issued CSV", () => {
  it("a row with a missing field (the next ones shift: 利用者名 holds the password) is listed by ID and row only", async () => {
    // 利用者名 is missing: the password lands in 利用者名, the address in 初期パスワード …
    const csv = writeCsv([HEADER, ...sampleLines(), "U900010,Shift#Pass01,kimura@example-hosp.jp,09,2513100103"]);
    const { out, err } = await run(mailArgs(csv));
    expect(out + err).not.toContain("Shift#Pass01");
    expect(out).toContain("U900010（発行結果CSV 12行目）");
  });

  it("a name holding \\r\\nBcc: in the issued CSV prints no Bcc: line; every printed line is one line without controls", async () => {
    const csv = writeCsv([HEADER, ...sampleLines(), 'U900011,"木村　拓也\r\nBcc: evil@example.com",Evil#Pass01,kimura@example-hosp.jp,09,2513100103', "U900012,\u001b[2J山田,Esc#Pass01,x@example-hosp.jp,09,2513100103"]);
    const { out, err } = await run(mailArgs(csv));
    for (const line of (out + err).split("\n")) {
      expect(line).not.toMatch(/^\s*Bcc:/i);
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    }
    expect(out + err).not.toContain("Evil#Pass01");
    expect(out).toContain("U900011（発行結果CSV 12行目）");
  });
});

it("an invalid 利用者ID (e.g. a wrongly chosen column holding passwords) is not echoed: row number only", async () => {
  const csv = writeCsv([HEADER, ...sampleLines(), "Ｐａｓｓ＃ｗｏｒｄ1,木村　拓也,Xtra#pass01,kimura@example-hosp.jp,09,2513100103"]);
  const { out, err } = await run(mailArgs(csv));
  expect(out).toContain("エラー：12行目：利用者IDに全角文字・空白・改行などが含まれています。");
  expect(out + err).not.toContain("Ｐａｓｓ＃ｗｏｒｄ1");
});

describe("drafts are new files, mode 0600, never through a link", () => {
  (process.platform === "win32" ? it.skip : it)("an existing 0644 draft is replaced by a 0600 file; a link named like a draft is replaced, its target untouched", async () => {
    const out = path.join(dir, "out");
    mkdirSync(out);
    const old = path.join(out, "U230000.eml");
    writeFileSync(old, "old draft", { mode: 0o644 });
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "do not touch");
    symlinkSync(victim, path.join(out, "U230001.eml"));
    const { code } = await run(mailArgs(SAMPLE_ISSUED));
    expect(code).toBe(0);
    expect(statSync(old).mode & 0o777).toBe(0o600);
    expect(readFileSync(old, "utf8")).toContain("X-Unsent: 1");
    const linkName = path.join(out, "U230001.eml");
    expect(lstatSync(linkName).isSymbolicLink()).toBe(false);
    expect(statSync(linkName).mode & 0o777).toBe(0o600);
    expect(readFileSync(victim, "utf8")).toBe("do not touch");
    // no temporary files left behind
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  (process.platform === "win32" ? it.skip : it)("a folder named like a draft: a Japanese message, exit 2", async () => {
    const out = path.join(dir, "out");
    mkdirSync(path.join(out, "U230000.eml"), { recursive: true });
    const { code, err } = await run(mailArgs(SAMPLE_ISSUED));
    expect(code).toBe(2);
    expect(err).toContain("に書き込めません");
    expect(err).not.toMatch(/EISDIR|ENOTEMPTY|EEXIST/);
  });
});

describe("--url", () => {
  it("with a bidi control (U+202E) is refused, not silently altered", async () => {
    const { code, err } = await run(mailArgs(SAMPLE_ISSUED).map((a) => (a === URL ? "https://nesid.example.invalid/\u202elmth.nigol" : a)));
    expect(code).toBe(2);
    expect(err).toContain("表示を変える見えない文字（U+202E）");
    expect(err).not.toContain("\u202e");
  });
});
