import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Encoding from "encoding-japanese";
import { simpleParser } from "mailparser";
import Papa from "papaparse";
import { run } from "./support/run-cli";
import { buildAccountDrafts, DEFAULT_MAIL_TEMPLATES, encodeText, readIssuedCsv } from "../../src/domain";
import { sampleMatches, SAMPLE_PASSWORDS } from "../domain/mail/sample-matches";
import { SAMPLE_FORM, SAMPLE_ISSUED } from "../support/samples";

const URL = "https://nesid.example.invalid/login";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-mail-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function mailArgs(extra: string[] = [], issued = SAMPLE_ISSUED) {
  return ["mail", "--form", SAMPLE_FORM, "--issued", issued, "--url", URL, "--out", path.join(dir, "out"), ...extra];
}

function expectNoPassword(text: string, passwords: readonly string[]) {
  for (const pw of passwords) expect(text).not.toContain(pw);
}

/** A CSV (Shift_JIS, CRLF) in the temp folder. */
function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, encodeText(lines.join("\r\n") + "\r\n", "cp932"));
  return file;
}

describe("nesid-account mail on the samples", () => {
  it("writes one draft per user, prints the pairs and the rows without an account, exits 0 — and never prints a password", async () => {
    const { code, out, err } = await run(mailArgs());
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(SAMPLE_PASSWORDS.map((_, i) => `U23000${i}.eml`));
    expect(out).toContain("発行結果CSV: " + SAMPLE_ISSUED + "（Shift_JIS、読み込んだアカウント 10件）");
    expect(out).toContain("対応付けできたアカウント: 10件");
    expect(out).toContain(`U230000 → ${SAMPLE_FORM}:申請様式 4行目 佐藤　太郎（メールアドレス・利用者名・所属機関が一致）`);
    expect(out).toContain(`U230009 → ${SAMPLE_FORM}:申請様式 13行目 加藤　由美（メールアドレス・利用者名が一致）`);
    expect(out).toContain("アカウントが見つからない申請様式の行: 3件");
    expect(out).toContain(`${SAMPLE_FORM}:申請様式 15行目 山田　美咲（エラーのある行）`);
    expect(out).toContain("メールの下書き: 10通（10人分）");
    expect(out).not.toContain("申請様式に見つからないアカウント");
    expectNoPassword(out + err, SAMPLE_PASSWORDS);
    expect(err).toBe("");
    if (process.platform !== "win32") {
      expect(statSync(path.join(dir, "out", "U230000.eml")).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(dir, "out")).mode & 0o777).toBe(0o700);
    }
  });

  it("each draft, read back with mailparser, is addressed to the applicant and carries that account's ID, password and the URL", async () => {
    await run(mailArgs());
    // The issued CSV read independently (encoding-japanese + papaparse), not by the product's reader.
    const text = Encoding.convert(Array.from(readFileSync(SAMPLE_ISSUED)), { from: "SJIS", to: "UNICODE", type: "string" }) as string;
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(10);
    const files = readdirSync(path.join(dir, "out")).sort();
    expect(files).toHaveLength(10);
    for (const row of rows) {
      const id = row[col("利用者ID")];
      const mail = await simpleParser(readFileSync(path.join(dir, "out", `${id}.eml`)));
      expect(mail.headers.get("x-unsent")).toBe("1");
      expect((mail.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual([row[col("連絡先メールアドレス")]]);
      expect(mail.subject).toBe("【感染症サーベイランスシステム】利用者アカウント発行のお知らせ");
      expect(mail.text).toContain(row[col("利用者名")]);
      expect(mail.text).toContain(id);
      expect(mail.text).toContain(row[col("初期パスワード")]);
      expect(mail.text).toContain(URL);
    }
  });

  it("writes the same bytes as the domain builds for the same inputs (what the pane uses)", async () => {
    await run(mailArgs());
    const built = buildAccountDrafts((await sampleMatches()).matches, { url: URL });
    expect(built.drafts).toHaveLength(10);
    for (const d of built.drafts) expect(readFileSync(path.join(dir, "out", d.fileName)).equals(Buffer.from(d.eml))).toBe(true);
  });

  it("--split writes two drafts per user, the same bytes as the domain's split, and says so", async () => {
    const { code, out } = await run(mailArgs(["--split"]));
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, "out")).sort();
    expect(files).toHaveLength(20);
    expect(files.slice(0, 2)).toEqual(["U230000-1-id.eml", "U230000-2-password.eml"]);
    expect(out).toContain("メールの下書き: 20通（10人分、利用者ID・URLと初期パスワードを別々のメールに分けています）");
    const built = buildAccountDrafts((await sampleMatches()).matches, { url: URL, split: true });
    expect(built.drafts).toHaveLength(20);
    for (const d of built.drafts) expect(readFileSync(path.join(dir, "out", d.fileName)).equals(Buffer.from(d.eml))).toBe(true);
    expectNoPassword(out, SAMPLE_PASSWORDS);
  });

  it("--from adds the From header; without it there is none", async () => {
    await run(mailArgs(["--from", "感染症対策課 <kansen@city.example.lg.jp>"]));
    const mail = await simpleParser(readFileSync(path.join(dir, "out", "U230000.eml")));
    expect(mail.from?.value).toEqual([{ address: "kansen@city.example.lg.jp", name: "感染症対策課" }]);
  });

  it("--template uses the file's subject and body", async () => {
    const template = path.join(dir, "tpl.txt");
    writeFileSync(template, "# 保健所用\nSubject: アカウントのお知らせ（{利用者名} 様）\n\n{利用者名} 様\nID {利用者ID}\nPW {初期パスワード}\n{URL}\n", "utf8");
    const { code, err } = await run(mailArgs(["--template", template]));
    expect(code).toBe(0);
    expect(err).toBe("");
    const mail = await simpleParser(readFileSync(path.join(dir, "out", "U230001.eml")));
    expect(mail.subject).toBe("アカウントのお知らせ（鈴木　美咲 様）");
    expect(mail.text).toBe(`鈴木　美咲 様\nID U230001\nPW Init#9153Ab\n${URL}\n`);
  });

  it("a template's warning is printed like every problem: its severity, then the whole sentence naming the part", async () => {
    const template = path.join(dir, "no-url.txt");
    writeFileSync(template, "Subject: お知らせ\n\nID {利用者ID}\nPW {初期パスワード}\n", "utf8");
    const { code, err } = await run(mailArgs(["--template", template]));
    expect(code).toBe(0);
    expect(err).toBe(`※ テンプレート「${template}」 △ 警告：通知メールの本文：本文に {URL} がありません。システムのURLが届きません。\n`);
  });
});

describe("accounts that cannot be mailed: reported, exit 1, still no password", () => {
  it("lists unknown, duplicated and incomplete CSV rows and an address that is not valid", async () => {
    const header = "利用者ID,利用者名,初期パスワード,連絡先メールアドレス,所属機関分類コード,所属医療機関/動物診療施設コード";
    const extra = [
      "U900001,木村　拓也,Xtra#pass01,kimura@example-hosp.jp,09,2513100103",
      "U900002,山田　美咲,Xtra#pass02,tanaka＠example-hosp.jp,09,2513100103",
      "U900003,吉田　太郎,,yoshida.10@example-hosp.jp,09,2513100103",
      "U230001,鈴木　美咲,Xtra#dup0001,suzuki.1@example-hosp.jp,09,2513100103",
    ];
    const read = readIssuedCsv(readFileSync(SAMPLE_ISSUED));
    if (read.status !== "ok") throw new Error("sample");
    const sample = read.accounts.map((a) => [a.userId, a.name, a.password.reveal(), a.email, a.orgType, a.institutionCode].join(","));
    const csv = writeCsv("issued.csv", [header, ...sample, ...extra]);
    const { code, out, err } = await run(mailArgs([], csv));
    expect(code).toBe(1);
    expect(out).toContain("発行結果CSVの問題:");
    expect(out).toContain("  × エラー：14行目（利用者ID U900003）：初期パスワードが空欄です");
    expect(out).toContain("エラー：3行目（利用者ID U230001）：同じ利用者IDが3・15行目にあります");
    // by ID and CSV row only: no raw field of the issued CSV is printed
    expect(out).toContain("申請様式に見つからないアカウント: 1件\n  U900001（発行結果CSV 12行目）\n");
    expect(out).not.toContain("kimura@example-hosp.jp");
    // U900002 matches row 15 (the full-width ＠ folds for matching), but that row's address is not valid: no draft.
    expect(out).toContain(`U900002 → ${SAMPLE_FORM}:申請様式 15行目 山田　美咲（メールアドレス・利用者名・所属機関が一致）\n    ※ 申請様式のこの行にはエラーがあります`);
    expect(out).toContain(`アカウントが見つからない申請様式の行: 3件\n  ${SAMPLE_FORM}:申請様式 5行目 鈴木　美咲\n`);
    expect(out).toContain("  × エラー：利用者ID U900002：申請様式 15行目の連絡先メールアドレス「tanaka＠example-hosp.jp」が1つの正しいアドレスではないため");
    const files = readdirSync(path.join(dir, "out"));
    expect(files).not.toContain("U230001.eml");
    expect(files).not.toContain("U900002.eml");
    expect(files).toHaveLength(9);
    expectNoPassword(out + err, [...SAMPLE_PASSWORDS, "Xtra#pass01", "Xtra#pass02", "Xtra#dup0001"]);
  });

  it("ambiguous accounts are listed with their candidate rows", async () => {
    const csv = writeCsv("issued.csv", [
      "利用者ID,初期パスワード,連絡先メールアドレス",
      "U1,Amb#pass001,sato.0@example-hosp.jp",
      "U2,Amb#pass002,sato.0@example-hosp.jp",
    ]);
    const { code, out } = await run(mailArgs([], csv));
    expect(code).toBe(1);
    expect(out).toContain("対応付けできたアカウント: 0件");
    expect(out).toContain("申請様式に見つからないアカウント: 2件");
    expectNoPassword(out, ["Amb#pass001", "Amb#pass002"]);
  });
});

describe("usage and unreadable input: exit 2 with a Japanese message", () => {
  it.each([
    [["mail", "--issued", SAMPLE_ISSUED, "--url", URL, "--out", "x"], "--form"],
    [["mail", "--form", SAMPLE_FORM, "--url", URL, "--out", "x"], "--issued"],
    [["mail", "--form", SAMPLE_FORM, "--issued", SAMPLE_ISSUED, "--out", "x"], "URLは一般非公開のため"],
    [["mail", "--form", SAMPLE_FORM, "--issued", SAMPLE_ISSUED, "--url", URL], "--out DIR"],
    [["mail", "--form", SAMPLE_FORM, "--issued", SAMPLE_ISSUED, "--url", "nesid.example", "--out", "x"], "--url: 「nesid.example」はURLとして正しくありません"],
    [["mail", "--form", SAMPLE_FORM, "--issued", SAMPLE_ISSUED, "--url", URL, "--out", "x", "--from", "a@b"], "--from:"],
    [["mail", SAMPLE_FORM, "--issued", SAMPLE_ISSUED, "--url", URL, "--out", "x"], "--form で指定してください"],
  ])("%j", async (args, message) => {
    const { code, err } = await run(args as string[]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("a template with an unknown placeholder, or with two mails without --split, is refused before anything is written", async () => {
    const bad = path.join(dir, "bad.txt");
    writeFileSync(bad, "Subject: x\n{利用者ID} {初期パスワード} {URL} {氏名}\n", "utf8");
    const a = await run(mailArgs(["--template", bad]));
    expect(a.code).toBe(2);
    expect(a.err).toContain("不明な差し込み項目 {氏名}");
    const two = path.join(dir, "two.txt");
    writeFileSync(two, "Subject: 1\n{利用者ID} {URL}\nSubject: 2\n{初期パスワード}\n", "utf8");
    const b = await run(mailArgs(["--template", two]));
    expect(b.code).toBe(2);
    expect(b.err).toContain("--split を指定してください");
    expect((await run(mailArgs(["--template", two, "--split"]))).code).toBe(0);
    const split = await run(mailArgs(["--template", bad, "--split"]));
    expect(split.code).toBe(2);
    expect(split.err).toContain("2通分");
  });

  it("an issued CSV that is missing, empty, or whose columns cannot be told: named, and no password echoed", async () => {
    const missing = await run(mailArgs([], path.join(dir, "nope.csv")));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.csv");
    const empty = writeCsv("empty.csv", [""]);
    const e = await run(mailArgs([], empty));
    expect(e.code).toBe(2);
    expect(e.err).toContain("発行結果CSVが空です");
    const noHeader = writeCsv("noheader.csv", ["U230000,佐藤　太郎,Hdr#less001,sato.0@example-hosp.jp,09,2513100103"]);
    const h = await run(mailArgs([], noHeader));
    expect(h.code).toBe(2);
    expect(h.err).toContain("「利用者ID」「初期パスワード」の列を判別できません");
    expectNoPassword(h.out + h.err, ["Hdr#less001"]);
  });

  it("documents the command, --template and --from in the usage text", async () => {
    const { out } = await run(["--help"]);
    expect(out).toContain("nesid-account mail --form FORM.xlsx --issued issued.csv --url URL --out DIR [--split] [--template FILE] [--from ADDR]");
    expect(out).toContain("--template FILE  mail: 件名・本文のテンプレート（UTF-8。「Subject: 件名」の行の次の行から本文。");
    expect(out).toContain("--from ADDR      mail: 差出人");
    expect(out).toContain("--split          mail: 利用者ID・URL と初期パスワードを別々のメール");
  });
});

it("the default templates contain no URL: the system URL only comes from --url", () => {
  for (const t of Object.values(DEFAULT_MAIL_TEMPLATES)) expect(t.subject + t.body).not.toMatch(/https?:|www\./);
});
