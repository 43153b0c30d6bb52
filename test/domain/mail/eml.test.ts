import { messageOf, buildEml, parseMailbox, type MailMessage } from "../../../src/domain";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

function build(message: MailMessage) {
  const eml = buildEml(message);
  if (!eml.ok) throw new Error(eml.message);
  return eml;
}

async function parse(bytes: Uint8Array): Promise<ParsedMail> {
  return simpleParser(Buffer.from(bytes));
}

function headerBlock(text: string): string[] {
  return text.slice(0, text.indexOf("\r\n\r\n")).split("\r\n");
}

function firstAddress(a: AddressObject | AddressObject[] | undefined) {
  const obj = Array.isArray(a) ? a[0] : a;
  return obj?.value[0];
}

const BASIC: MailMessage = {
  to: { address: "sato.0@example-hosp.jp", name: "佐藤　太郎" },
  subject: "【感染症サーベイランスシステム】利用者アカウント発行のお知らせ",
  body: "佐藤　太郎 様\n\n利用者ID：U230000\n初期パスワード：Init#1234Ab\n",
};

describe(".eml drafts parsed back with a real mail parser", () => {
  it("has X-Unsent: 1, MIME text/plain UTF-8 base64, an encoded To display name and Subject, and no From/Date/Message-ID unless given", async () => {
    const eml = build(BASIC);
    const mail = await parse(eml.bytes);
    expect(mail.headerLines.map((h) => h.key)).toEqual(["x-unsent", "to", "subject", "mime-version", "content-type", "content-transfer-encoding"]);
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect(mail.subject).toBe(BASIC.subject);
    expect(firstAddress(mail.to)).toEqual({ address: "sato.0@example-hosp.jp", name: "佐藤　太郎" });
    expect(mail.text).toBe(BASIC.body);
    expect(eml.text).toContain("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    expect(eml.text).toMatch(/^To: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <sato\.0@example-hosp\.jp>\r$/m);
    expect(mail.from).toBeUndefined();
    expect(mail.date).toBeUndefined();
  });

  it("adds From, Date and Message-ID when given", async () => {
    const from = parseMailbox("感染症対策課 <kansen@city.example.lg.jp>");
    if (!from.ok) throw new Error(messageOf(from.problem));
    const eml = build({ ...BASIC, from: from.mailbox, date: new Date(Date.UTC(2024, 8, 5, 3, 4, 5)), messageId: "<u230000.1@city.example.lg.jp>" });
    const mail = await parse(eml.bytes);
    expect(firstAddress(mail.from)).toEqual({ address: "kansen@city.example.lg.jp", name: "感染症対策課" });
    expect(mail.date?.toISOString()).toBe("2024-09-05T03:04:05.000Z");
    expect(mail.messageId).toBe("<u230000.1@city.example.lg.jp>");
    expect(eml.text).toContain("Date: Thu, 05 Sep 2024 03:04:05 +0000\r\n");
  });

  it("is byte-for-byte the same for the same input", () => {
    expect(Buffer.from(build(BASIC).bytes).equals(Buffer.from(build({ ...BASIC }).bytes))).toBe(true);
  });

  it("uses CRLF line endings everywhere, in the body too, whatever the input used", async () => {
    const eml = build({ ...BASIC, body: "1行目\n2行目\r3行目\r\n4行目" });
    expect(eml.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const decoded = Buffer.from(eml.text.slice(eml.text.indexOf("\r\n\r\n") + 4).replace(/\r\n/g, ""), "base64").toString("utf8");
    expect(decoded).toBe("1行目\r\n2行目\r\n3行目\r\n4行目\r\n");
    expect((await parse(eml.bytes)).text).toBe("1行目\n2行目\n3行目\n4行目\n");
  });

  it("folds a long subject into encoded-words of at most 75 characters, lines of at most 78, never splitting a character", async () => {
    const subject = "【感染症サーベイランスシステム】".repeat(6) + "🎉髙﨑さん𠮷野家";
    const eml = build({ ...BASIC, subject });
    const header = headerBlock(eml.text);
    for (const line of header) expect(line.length).toBeLessThanOrEqual(78);
    const words = eml.text.match(/=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=/g)!;
    expect(words.length).toBeGreaterThan(4);
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(Buffer.from(w.slice(10, -2), "base64"))).not.toThrow();
    }
    expect((await parse(eml.bytes)).subject).toBe(subject);
    for (const line of eml.text.slice(eml.text.indexOf("\r\n\r\n") + 4).split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
  });

  it("keeps a short ASCII subject and an ASCII display name readable", async () => {
    const eml = build({ to: { address: "john@example.jp", name: "John Smith" }, subject: "Account information", body: "x" });
    expect(eml.text).toContain("To: John Smith <john@example.jp>\r\n");
    expect(eml.text).toContain("Subject: Account information\r\n");
    expect(firstAddress((await parse(eml.bytes)).to)).toEqual({ address: "john@example.jp", name: "John Smith" });
  });

  it("encodes ASCII text that would otherwise be read as an encoded-word, quotes or more addresses", async () => {
    const eml = build({ to: { address: "a@example.jp", name: 'Evil "Quote" <b@example.jp>, c@example.jp' }, subject: "=?UTF-8?B?5pS75pKD?=", body: "x" });
    const mail = await parse(eml.bytes);
    expect(mail.subject).toBe("=?UTF-8?B?5pS75pKD?=");
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to!;
    expect(to.value).toEqual([{ address: "a@example.jp", name: 'Evil "Quote" <b@example.jp>, c@example.jp' }]);
  });
});

describe("header injection is impossible", () => {
  const attacks = [
    "佐藤\r\nBcc: attacker@evil.example",
    "佐藤\nBcc: attacker@evil.example",
    "佐藤\rBcc: attacker@evil.example",
    "佐藤\r\n\r\nbody injected",
    "佐藤\u2028Bcc: attacker@evil.example",
    "佐藤\u0000\u001b[31m\u0085Bcc: attacker@evil.example",
    "Sato\r\nBcc: attacker@evil.example",
  ];

  it.each(attacks)("a display name or subject holding %j stays one header and the message keeps exactly its headers", async (evil) => {
    const eml = build({ to: { address: "sato@example.jp", name: evil }, from: { address: "from@example.jp", name: evil }, subject: `件名 ${evil}`, body: "本文" });
    const mail = await parse(eml.bytes);
    expect(mail.headerLines.map((h) => h.key)).toEqual(["x-unsent", "from", "to", "subject", "mime-version", "content-type", "content-transfer-encoding"]);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.bcc).toBeUndefined();
    expect(mail.text).toBe("本文\n");
    expect(firstAddress(mail.to)?.address).toBe("sato@example.jp");
    expect(firstAddress(mail.from)?.address).toBe("from@example.jp");
    expect(mail.subject).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028]/);
    expect(mail.subject).toMatch(/^件名 /);
    // Every line of the header block is a header or a fold (starts with a space).
    for (const line of headerBlock(eml.text)) expect(line).toMatch(/^(X-Unsent|From|To|Subject|MIME-Version|Content-Type|Content-Transfer-Encoding): | /);
  });

  it.each([
    "sato@example.jp\r\nBcc: attacker@evil.example",
    "sato@example.jp, attacker@evil.example",
    "sato@example.jp>\r\nBcc: x@evil.example",
    "佐藤 <sato@example.jp>",
    "sato＠example.jp",
    "",
  ])("a To address %j that is not one plain addr-spec is refused", (address) => {
    const eml = buildEml({ ...BASIC, to: { address } });
    expect(eml).toEqual({ ok: false, message: "宛先のメールアドレスが正しくありません。" });
  });

  it("refuses a From address, Message-ID or date that is not well formed", () => {
    expect(buildEml({ ...BASIC, from: { address: "x@example.jp\r\nBcc: y@evil.example" } }).ok).toBe(false);
    expect(buildEml({ ...BASIC, messageId: "<a@b>\r\nBcc: y@evil.example" }).ok).toBe(false);
    expect(buildEml({ ...BASIC, messageId: "no-brackets@example.jp" }).ok).toBe(false);
    expect(buildEml({ ...BASIC, date: new Date(NaN) }).ok).toBe(false);
  });
});

describe("parseMailbox (--from, the pane's sender field)", () => {
  it("accepts an address or a display name with an address", () => {
    expect(parseMailbox(" kansen@city.example.lg.jp ")).toEqual({ ok: true, mailbox: { address: "kansen@city.example.lg.jp" } });
    expect(parseMailbox('"感染症対策課" <kansen@city.example.lg.jp>')).toEqual({ ok: true, mailbox: { address: "kansen@city.example.lg.jp", name: "感染症対策課" } });
  });

  it("refuses line breaks, several addresses and malformed ones", () => {
    for (const text of ["a@example.jp\nBcc: b@evil.example", "a@example.jp, b@example.jp", "a@example", "課 <a@example.jp> <b@example.jp>", "課 <>"]) {
      expect(parseMailbox(text).ok).toBe(false);
    }
  });
});
