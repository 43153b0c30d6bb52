import { messageOf, PASSWORD_MASK, buildAccountDrafts, checkSystemUrl, DEFAULT_MAIL_TEMPLATES, draftsZip, encodeText, mailtoLink, matchAccounts, pairManually, readIssuedCsv, safeFileStem, uniqueFileNames, type AccountMatch, type ApplicationRecord, type MatchResult } from "../../../src/domain";
import { unzipSync } from "fflate";
import { simpleParser, type AddressObject } from "mailparser";
import { sampleMatches, SAMPLE_PASSWORDS } from "./sample-matches";

const URL = "https://nesid.example.invalid/login";

function to(a: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(a) ? a[0] : a)?.value[0];
}

async function parse(bytes: Uint8Array) {
  return simpleParser(Buffer.from(bytes));
}

let sample: MatchResult;
beforeAll(async () => {
  sample = await sampleMatches();
});

describe("one mail per user from the sample", () => {
  it("writes <ID>.eml for each of the 10 matched accounts, with no problem", () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    expect(built.problems).toEqual([]);
    expect(built.templateProblems).toEqual([]);
    expect(built.drafts.map((d) => d.fileName)).toEqual(sample.matches.map((m) => `${m.account.userId}.eml`));
    expect(built.drafts.every((d) => d.part === "single")).toBe(true);
  });

  it("addresses the application's 連絡先メールアドレス with the user's name and fills the body for that user", async () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    const mail = await parse(built.drafts[1].eml);
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect(to(mail.to)).toEqual({ address: "suzuki.1@example-hosp.jp", name: "鈴木　美咲" });
    expect(mail.subject).toBe(DEFAULT_MAIL_TEMPLATES.single.subject);
    expect(mail.from).toBeUndefined();
    const body = mail.text!;
    expect(body.startsWith("鈴木　美咲 様\n")).toBe(true);
    expect(body).toContain("利用者ID：U230001\n初期パスワード：Init#9153Ab\nURL：\nhttps://nesid.example.invalid/login\n");
    expect(body).toContain("申請時に登録した二要素認証：SMS（090-1001-5001）");
    expect(body).toContain("■所属\n医療機関（全数） 山手10医院（2513100103）\n");
  });

  it("words the account type and 2FA of each user: 定点 (row 12, phone), 動物 without a code (row 13, mail)", async () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    const teiten = (await parse(built.drafts[8].eml)).text!;
    expect(teiten).toContain("■所属\n医療機関管理者（定点） 山手定点5こどもクリニック（06100005）\n");
    expect(teiten).toContain("申請時に登録した二要素認証：電話（080-2008-6008）");
    const animal = (await parse(built.drafts[9].eml)).text!;
    expect(animal).toContain("■所属\n動物診療施設\n");
    expect(animal).toContain("申請時に登録した二要素認証：メール（kato.9@example-hosp.jp）");
  });

  it("each draft holds only its own user's password", () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    built.drafts.forEach((d, i) => {
      const body = d.message.body;
      SAMPLE_PASSWORDS.forEach((pw, j) => expect(body.includes(pw)).toBe(i === j));
    });
  });

  it("adds From when given, and is the same bytes every time", () => {
    const a = buildAccountDrafts(sample.matches, { url: URL, from: { address: "kansen@city.example.lg.jp", name: "感染症対策課" } });
    const b = buildAccountDrafts(sample.matches, { url: URL, from: { address: "kansen@city.example.lg.jp", name: "感染症対策課" } });
    expect(Buffer.from(a.drafts[0].eml).toString("latin1")).toMatch(/^X-Unsent: 1\r\nFrom: =\?UTF-8\?B\?/);
    a.drafts.forEach((d, i) => expect(Buffer.from(d.eml).equals(Buffer.from(b.drafts[i].eml))).toBe(true));
  });
});

describe("split: ID + URL, then the password alone", () => {
  it("writes <ID>-1-id.eml and <ID>-2-password.eml; the first has no password, the second neither the ID nor the URL", async () => {
    const built = buildAccountDrafts(sample.matches, { url: URL, split: true });
    expect(built.problems).toEqual([]);
    expect(built.drafts).toHaveLength(20);
    expect(built.drafts.slice(0, 2).map((d) => [d.fileName, d.part])).toEqual([
      ["U230000-1-id.eml", "id"],
      ["U230000-2-password.eml", "password"],
    ]);
    for (let i = 0; i < 10; i++) {
      const id = await parse(built.drafts[2 * i].eml);
      const pw = await parse(built.drafts[2 * i + 1].eml);
      const userId = sample.matches[i].account.userId;
      expect(id.text).toContain(`利用者ID：${userId}`);
      expect(id.text).toContain(URL);
      expect(id.text).not.toContain(SAMPLE_PASSWORDS[i]);
      expect(id.text).toContain("別のメール（2/2）");
      expect(pw.text).toContain(`初期パスワード：${SAMPLE_PASSWORDS[i]}`);
      expect(pw.text).not.toContain(userId);
      expect(pw.text).not.toContain(URL);
      expect(pw.text).toContain("別のメール（1/2）");
      expect(to(pw.to)).toEqual(to(id.to));
      for (const m of [id, pw]) expect(m.subject).not.toContain(SAMPLE_PASSWORDS[i]);
    }
  });
});

describe("what stops a draft", () => {
  it("an address that is not one valid address (row 15's full-width ＠): no draft, a problem naming the ID and row, no password", async () => {
    const manual = pairManually(sample, "U230003", "application-form.xlsx:申請様式#15");
    const built = buildAccountDrafts(manual.matches, { url: URL });
    expect(built.drafts.map((d) => d.userId)).not.toContain("U230003");
    expect(built.drafts).toHaveLength(9);
    expect(built.problems).toEqual([
      { severity: "error", code: "draft.invalid-to", params: { userId: "U230003", value: "tanaka＠example-hosp.jp" }, place: { file: "application-form.xlsx:申請様式", row: 15 } },
    ]);
    expect(messageOf(built.problems[0])).toBe("利用者ID U230003：申請様式 15行目の連絡先メールアドレス「tanaka＠example-hosp.jp」が1つの正しいアドレスではないため、メールを作成できません。");
  });

  it("a bad URL, a bad From or a template error: nothing is built", () => {
    expect(buildAccountDrafts(sample.matches, { url: "javascript:alert(1)" }).drafts).toEqual([]);
    expect(buildAccountDrafts(sample.matches, { url: URL, from: { address: "x@y" } }).problems.map((p) => p.code)).toEqual(["draft.from-invalid"]);
    const bad = buildAccountDrafts(sample.matches, { url: URL, templates: { ...DEFAULT_MAIL_TEMPLATES, single: { subject: "s", body: "{利用者ID} {氏名}" } } });
    expect(bad.drafts).toEqual([]);
    expect(bad.problems.map((p) => p.code)).toEqual(["draft.template"]);
    expect(bad.templateProblems.map((p) => p.code)).toEqual(["template.unknown-placeholder", "template.missing-url", "template.missing-password"]);
  });

  it("a placeholder with no value for a user gives a warning and an empty place, not a failure", () => {
    const m = sample.matches[0];
    const noTfa: AccountMatch = { ...m, record: { ...m.record, tfaMethod: "", tfaEmail: "" } };
    const built = buildAccountDrafts([noTfa], { url: URL });
    expect(built.drafts).toHaveLength(1);
    expect(built.problems).toEqual([expect.objectContaining({ severity: "warning", code: "draft.value-missing", params: expect.objectContaining({ userId: "U230000" }), place: expect.objectContaining({ row: 4 }) })]);
    expect(messageOf(built.problems[0])).toContain("{二要素認証}");
  });
});

describe("values from the files cannot break the mail", () => {
  it("a CSV name with a line break and a Bcc: stays one line in the To display name and in the body", async () => {
    const csv = '利用者ID,利用者名,初期パスワード,連絡先メールアドレス\r\nU1,"佐藤\r\nBcc: attacker@evil.example",Pass#word1,sato@example-hosp.jp\r\n';
    const read = readIssuedCsv(encodeText(csv, "utf8"));
    if (read.status !== "ok") throw new Error("csv");
    const record: ApplicationRecord = {
      key: "f#4", source: "f", row: 4, name: "佐藤", email: "sato@example-hosp.jp", orgType: "09", institutionCode: "2513100103",
      institutionName: "", healthCenterCode: "25654", tfaMethod: "1", tfaEmail: "sato@example-hosp.jp", tfaPhone: "", hasErrors: false,
    };
    // The names differ and the CSV has no institution column, so the reviewer pairs them by hand.
    const match = pairManually(matchAccounts(read.accounts, [record]), "U1", "f#4").matches;
    const built = buildAccountDrafts(match, { url: URL });
    const mail = await parse(built.drafts[0].eml);
    expect(mail.headerLines.map((h) => h.key)).toEqual(["x-unsent", "to", "subject", "mime-version", "content-type", "content-transfer-encoding"]);
    expect(mail.bcc).toBeUndefined();
    expect(to(mail.to)).toEqual({ address: "sato@example-hosp.jp", name: "佐藤 Bcc: attacker@evil.example" });
    expect(mail.text!.split("\n")[0]).toBe("佐藤 Bcc: attacker@evil.example 様");
  });
});

describe("zip of the drafts", () => {
  it("holds every draft under its file name, unchanged", () => {
    const built = buildAccountDrafts(sample.matches, { url: URL, split: true });
    const files = unzipSync(draftsZip(built.drafts));
    expect(Object.keys(files)).toEqual(built.drafts.map((d) => d.fileName));
    built.drafts.forEach((d) => expect(Buffer.from(files[d.fileName]).equals(Buffer.from(d.eml))).toBe(true));
  });

  it("is the same bytes whenever it is built, every entry stamped 2000-01-01 12:00 in the zip's local DOS time", () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    const now = draftsZip(built.drafts);
    jest.useFakeTimers().setSystemTime(new Date("2031-05-05T23:59:58Z"));
    try {
      expect(Buffer.from(draftsZip(built.drafts)).equals(Buffer.from(now))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    // Local file headers (PK\x03\x04): DOS time at +10, date at +12. The stamp is built from local fields, so the
    // same fields come out in every time zone.
    const zip = Buffer.from(now);
    let entries = 0;
    for (let at = zip.indexOf("PK\x03\x04", 0, "latin1"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4, "latin1")) {
      expect([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([12 << 11, ((2000 - 1980) << 9) | (1 << 5) | 1]);
      entries++;
    }
    expect(entries).toBe(built.drafts.length);
  });
});

describe("mailto: for one row", () => {
  it("fits for a short mail and carries the address, subject and CRLF body", () => {
    const link = mailtoLink({ to: "sato@example-hosp.jp", subject: "件名 & ?", body: "1行目\n2行目 a&b=c #x" });
    expect(link.fits).toBe(true);
    if (!link.fits) return;
    const url = new globalThis.URL(link.href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("sato@example-hosp.jp");
    expect(url.searchParams.get("subject")).toBe("件名 & ?");
    expect(url.searchParams.get("body")).toBe("1行目\r\n2行目 a&b=c #x");
  });

  it("says the default Japanese mail does not fit, with the length", () => {
    const built = buildAccountDrafts(sample.matches, { url: URL });
    const m = built.drafts[0].message;
    const link = mailtoLink({ to: m.to.address, subject: m.subject, body: m.body });
    expect(link.fits).toBe(false);
    if (link.fits) return;
    expect(link.length).toBeGreaterThan(2000);
    expect(link.reason).toContain(".eml の下書きを使ってください");
    expect(link.reason).not.toContain(SAMPLE_PASSWORDS[0]);
  });

  it("refuses an address that is not one valid address", () => {
    expect(mailtoLink({ to: "a@example.jp?cc=evil@example.jp", subject: "", body: "" }).fits).toBe(false);
  });
});

describe("the preview of a draft", () => {
  it("is the same mail with the password masked, in one mail and in the split pair", () => {
    for (const split of [false, true]) {
      const built = buildAccountDrafts(sample.matches, { url: URL, split });
      for (const d of built.drafts) {
        expect(d.preview.subject).toBe(d.message.subject);
        for (const pw of SAMPLE_PASSWORDS) expect(d.preview.body).not.toContain(pw);
        expect(d.preview.body).toBe(d.message.body.split(sample.matches.find((m) => m.account.userId === d.userId)!.account.password.reveal()).join(PASSWORD_MASK));
      }
      const withPassword = built.drafts.filter((d) => d.preview.body.includes(PASSWORD_MASK)).map((d) => d.part);
      expect(withPassword).toEqual(split ? Array(10).fill("password") : Array(10).fill("single"));
    }
  });
});

describe("system URL and file names", () => {
  it("accepts an https URL as typed and refuses anything else (http:// too) with a reason", () => {
    expect(checkSystemUrl(" https://nesid.example.invalid/login?x=1 ")).toEqual({ ok: true, url: "https://nesid.example.invalid/login?x=1" });
    expect(checkSystemUrl("http://10.0.0.1/nesid")).toMatchObject({ ok: false, problem: { code: "url.scheme" } });
    for (const bad of ["", "nesid.example.invalid", "javascript:alert(1)", "ftp://x.example/", "https://x.example/a b", "https://user:pw@x.example/", "https://x.example/\r\nBcc: y"]) {
      const r = checkSystemUrl(bad);
      expect(r.ok).toBe(false);
    }
  });

  it("refuses characters that change how the URL is displayed (bidi controls, zero-width, format characters)", () => {
    for (const hidden of ["\u202e", "\u202d", "\u2066", "\u200f", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u061c"]) {
      const r = checkSystemUrl(`https://nesid.example.invalid/${hidden}nigol`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(messageOf(r.problem)).toContain("表示を変える見えない文字（U+");
    }
    const rlo = checkSystemUrl("https://nesid.example.invalid/\u202egpj.exe");
    expect(rlo).toMatchObject({ ok: false, problem: { code: "url.invisible-character" } });
    expect(!rlo.ok && messageOf(rlo.problem)).toBe("システムのURLに、表示を変える見えない文字（U+202E）が含まれています。URLを手で入力し直してください。");
  });

  it("makes IDs safe file names and keeps them unique ignoring case", () => {
    expect(["U230000", "../../etc/passwd", "a/b\\c:d", "CON", "nul.txt", "利用者１", ".hidden", ""].map(safeFileStem)).toEqual([
      "U230000",
      "__.._etc_passwd",
      "a_b_c_d",
      "_CON",
      "_nul.txt",
      "____",
      "_hidden",
      "_",
    ]);
    expect(uniqueFileNames(["U1.eml", "u1.eml", "U1.eml", "U2.eml"])).toEqual(["U1.eml", "u1~2.eml", "U1~3.eml", "U2.eml"]);
  });
});
