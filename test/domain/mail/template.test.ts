import { messageOf, checkMailTemplates, DEFAULT_MAIL_TEMPLATES, parseTemplateFile, placeholdersIn, PLACEHOLDERS, renderTemplate, tokenizeTemplate, type MailTemplates } from "../../../src/domain";

function codes(templates: MailTemplates, split: boolean): string[] {
  return checkMailTemplates(templates, split).map((p) => `${p.place.part!.replace(".", "/")} ${p.code}`);
}

describe("placeholders", () => {
  it("fills every known placeholder with its value", () => {
    expect(renderTemplate("{利用者名} 様 ID:{利用者ID} PW:{初期パスワード} {URL}", { 利用者名: "佐藤　太郎", 利用者ID: "U1", 初期パスワード: "Ab#12345", URL: "https://x.example/" })).toBe(
      "佐藤　太郎 様 ID:U1 PW:Ab#12345 https://x.example/",
    );
  });

  it("inserts values as plain text, once: a value that looks like a placeholder is not expanded", () => {
    const out = renderTemplate("{利用者名}／{利用者ID}", { 利用者名: "{初期パスワード}{{x}}", 利用者ID: "U1", 初期パスワード: "SECRET#1a" });
    expect(out).toBe("{初期パスワード}{{x}}／U1");
  });

  it("{{ and }} write literal braces; braces that open no placeholder stay as they are", () => {
    expect(renderTemplate("{{利用者ID}} は {利用者ID}、記号: [ ] { } | ; {", { 利用者ID: "U1" })).toBe("{利用者ID} は U1、記号: [ ] { } | ; {");
    expect(placeholdersIn("{{利用者ID}} { } {a b}")).toEqual([]);
  });

  it("reads full-width letters in a name as half-width ({利用者ＩＤ} is {利用者ID})", () => {
    expect(renderTemplate("{利用者ＩＤ} {ＵＲＬ}", { 利用者ID: "U1", URL: "https://x.example/" })).toBe("U1 https://x.example/");
  });

  it("leaves an unknown placeholder as written (and checkMailTemplates reports it)", () => {
    expect(renderTemplate("{名前} 様", {})).toBe("{名前} 様");
    expect(tokenizeTemplate("a{名前}b")).toEqual([{ text: "a" }, { placeholder: "名前", raw: "{名前}" }, { text: "b" }]);
  });
});

describe("checking templates", () => {
  it("the default templates are clean for one mail and for the split option", () => {
    expect(checkMailTemplates(DEFAULT_MAIL_TEMPLATES, false)).toEqual([]);
    expect(checkMailTemplates(DEFAULT_MAIL_TEMPLATES, true)).toEqual([]);
  });

  it("the default single mail carries the ID, password, URL, first-login change, the password rules and the 2FA note", () => {
    const body = DEFAULT_MAIL_TEMPLATES.single.body;
    for (const p of ["{利用者ID}", "{初期パスワード}", "{URL}", "{二要素認証}", "{利用者名}"]) expect(body).toContain(p);
    for (const text of ["初回ログイン時にパスワードの変更", "8～30文字", "3種類以上", "3文字以上続けることはできません", "利用者IDと同じパスワード", "二要素認証", "ログイン後", "変更できます"]) {
      expect(body).toContain(text);
    }
    expect(body).not.toMatch(/https?:\/\//);
  });

  it("in the split defaults the first mail has no password and the second neither the ID nor the URL; each says the other comes separately", () => {
    const { idMail, passwordMail } = DEFAULT_MAIL_TEMPLATES;
    expect(placeholdersIn(idMail.subject + idMail.body)).not.toContain("初期パスワード");
    expect(placeholdersIn(passwordMail.subject + passwordMail.body)).not.toContain("利用者ID");
    expect(placeholdersIn(passwordMail.subject + passwordMail.body)).not.toContain("URL");
    expect(idMail.body).toContain("初期パスワードは、このメールとは別のメール（2/2）でお送りします");
    expect(passwordMail.body).toContain("利用者IDとログイン用のURLは、このメールとは別のメール（1/2）でお送りしています");
  });

  it("reports unknown placeholders, with the list of known ones", () => {
    const t = { ...DEFAULT_MAIL_TEMPLATES, single: { subject: "{件名} のお知らせ", body: DEFAULT_MAIL_TEMPLATES.single.body + "\n{氏名}" } };
    expect(codes(t, false)).toEqual(["single/subject template.unknown-placeholder", "single/body template.unknown-placeholder"]);
    const msg = messageOf(checkMailTemplates(t, false)[1]);
    expect(msg).toContain("不明な差し込み項目 {氏名}");
    for (const p of PLACEHOLDERS) expect(msg).toContain(`{${p}}`);
  });

  it("warns about placeholders written with full-width braces (they would not be filled)", () => {
    const t = { ...DEFAULT_MAIL_TEMPLATES, single: { ...DEFAULT_MAIL_TEMPLATES.single, body: DEFAULT_MAIL_TEMPLATES.single.body + "\n｛利用者名｝" } };
    expect(checkMailTemplates(t, false).map((p) => [p.code, p.severity])).toEqual([["template.fullwidth-braces", "warning"]]);
  });

  it("refuses a password in a subject, an empty or multi-line subject, and a mail missing the ID or password", () => {
    const single = { subject: "PW {初期パスワード}\n2行目", body: "URLなし" };
    expect(codes({ ...DEFAULT_MAIL_TEMPLATES, single }, false)).toEqual([
      "single/subject template.subject-multiline",
      "single/subject template.password-in-subject",
      "single/body template.missing-id",
      "single/body template.missing-url",
      "single/body template.missing-password",
    ]);
    expect(codes({ ...DEFAULT_MAIL_TEMPLATES, single: { subject: "  ", body: "{利用者ID} {URL}" } }, false)).toEqual([
      "single/subject template.subject-empty",
      "single/body template.missing-password",
    ]);
    const missingUrl = checkMailTemplates({ ...DEFAULT_MAIL_TEMPLATES, single: { subject: "s", body: "{利用者ID} {初期パスワード}" } }, false);
    expect(missingUrl.map((p) => p.severity)).toEqual(["warning"]);
  });

  it("refuses a split that would put the password with the ID or URL", () => {
    const t: MailTemplates = {
      ...DEFAULT_MAIL_TEMPLATES,
      idMail: { subject: "ID", body: "{利用者ID} {URL} {初期パスワード}" },
      passwordMail: { subject: "PW {利用者ID}", body: "{初期パスワード}" },
    };
    expect(codes(t, true)).toEqual(["idMail/body template.password-in-id-mail", "passwordMail/body template.login-in-password-mail"]);
    // Only the templates in use are checked.
    expect(codes(t, false)).toEqual([]);
  });
});

describe("template files (--template)", () => {
  it("reads a Subject: line and the body after it; # comments and blank lines before it are ignored", () => {
    const parsed = parseTemplateFile("\uFEFF# 通知メールのテンプレート\r\n\r\nSubject: 【お知らせ】{利用者名} 様\r\n\r\n{利用者名} 様\r\n\r\nID: {利用者ID}\r\n\r\n\r\n");
    expect(parsed).toEqual({ ok: true, templates: [{ subject: "【お知らせ】{利用者名} 様", body: "{利用者名} 様\n\nID: {利用者ID}" }] });
  });

  it("reads two mails for the split option, and 件名： as well as Subject:", () => {
    const parsed = parseTemplateFile("件名：1通目\n{利用者ID}\n{URL}\nSubject:2通目\n{初期パスワード}\n");
    expect(parsed).toEqual({
      ok: true,
      templates: [
        { subject: "1通目", body: "{利用者ID}\n{URL}" },
        { subject: "2通目", body: "{初期パスワード}" },
      ],
    });
  });

  it("explains what is wrong with a file that does not start with a subject", () => {
    const preamble = parseTemplateFile("こんにちは\nSubject: x\n");
    expect(preamble).toMatchObject({ ok: false, problem: { code: "template.file-preamble", params: { line: 1 } } });
    expect(!preamble.ok && messageOf(preamble.problem)).toContain("テンプレートの1行目");
    const empty = parseTemplateFile("");
    expect(!empty.ok && messageOf(empty.problem)).toBe("テンプレートに「Subject: 件名」の行がありません。");
  });

  it("reads the default templates back unchanged from a file written in its format (--template)", () => {
    const { single, idMail, passwordMail } = DEFAULT_MAIL_TEMPLATES;
    // As the usage describes the file: a "Subject: 件名" line, then the body; a second Subject line starts the next mail.
    const file = (...mails: { subject: string; body: string }[]) => mails.map((t) => `Subject: ${t.subject}\n\n${t.body}\n`).join("\n");
    expect(parseTemplateFile(file(single))).toEqual({ ok: true, templates: [single] });
    expect(parseTemplateFile(file(idMail, passwordMail))).toEqual({ ok: true, templates: [idMail, passwordMail] });
  });
});
