import { buildAccountDrafts, cellProblem, checkMailTemplates, DEFAULT_MAIL_TEMPLATES, encodeText, messageOf, placed, placeText, problem, problemsInOrder, readIssuedCsv, reportSchemas, unreadableFileNotice, type Problem, CATALOGUE, type ProblemCode } from "../../src/domain";

/** A problem as the JSON report writes it: the sentence made from the catalogue. */
const asReported = (p: Problem) => ({ code: p.code, severity: p.severity, message: messageOf(p), place: p.place });

describe("one problem shape across the product", () => {
  it("a cell rule, the issued CSV, a template and an import make the same { code, severity, place, params, fix? }", () => {
    const fromRule = placed(cellProblem(14, "C", "required.missing", { label: "連絡先電話番号" }), { file: "a.xlsx", sheet: "申請様式" });
    expect(fromRule).toEqual({ code: "required.missing", severity: "error", params: { label: "連絡先電話番号" }, place: { file: "a.xlsx", sheet: "申請様式", row: 14, column: "C" } });
    expect(messageOf(fromRule)).toBe("連絡先電話番号が入力されていません。");

    const read = readIssuedCsv(encodeText("利用者ID,初期パスワード\r\nU1,\r\n", "cp932"));
    if (read.status !== "ok") throw new Error("read");
    const fromIssued = placed(read.problems[0], { file: "issued.csv" });
    expect(fromIssued).toMatchObject({ code: "issued.password-missing", severity: "error", place: { file: "issued.csv", line: 2 } });

    const problems = checkMailTemplates({ ...DEFAULT_MAIL_TEMPLATES, single: { subject: "", body: "{利用者ID} {初期パスワード} {URL}" } }, false);
    const fromTemplate = placed(problems[0], { file: "mail.txt" });
    expect(fromTemplate).toMatchObject({ code: "template.subject-empty", severity: "error", place: { file: "mail.txt", part: "single.subject" } });
    expect(messageOf(fromTemplate)).toBe("通知メールの件名：件名が空です。");

    const fromImport = unreadableFileNotice("壊れた.xlsx", "ZIP形式ではありません");
    expect(fromImport).toEqual({ code: "import.unreadable", severity: "error", params: { reason: "ZIP形式ではありません" }, place: { file: "壊れた.xlsx" } });
    expect(messageOf(fromImport)).toBe("「壊れた.xlsx」はExcelブック（.xlsx）として読めないため取り込みませんでした（ZIP形式ではありません）。");

    for (const p of [fromRule, fromIssued, fromTemplate, fromImport]) expect(reportSchemas().ProblemSchema.parse(asReported(p))).toEqual(asReported(p));
  });

  it("the sentence is made when shown, from the params kept with the problem (nothing is baked in)", () => {
    const p = cellProblem(5, "E", "orgType.invalid", { value: "99", allowed: "11・12" });
    expect(messageOf(p)).toBe("所属機関分類コード「99」は使えません。11・12のいずれかを入力してください。");
    expect(messageOf({ ...p, params: { value: "98", allowed: "11" } })).toBe("所属機関分類コード「98」は使えません。11のいずれかを入力してください。");
    expect(Object.keys(p)).not.toContain("message");
  });

  it("every code's severity is the catalogue's", () => {
    for (const code of Object.keys(CATALOGUE) as ProblemCode[]) expect(problem(code).severity).toBe(CATALOGUE[code].severity);
  });

  it("a draft's problem keeps its code and severity, placed on its form row; an invalid URL is the URL's own problem", () => {
    const built = buildAccountDrafts([], { url: "not-a-url" });
    expect(built.problems.map(asReported)).toEqual([{ code: "url.malformed", severity: "error", message: "「not-a-url」はURLとして正しくありません（https:// から入力してください）。", place: {} }]);
    const to = problem("draft.invalid-to", { userId: "U1", value: "" }, { file: "a.xlsx:申請様式", row: 14 });
    expect(messageOf(to)).toBe("利用者ID U1：申請様式 14行目の連絡先メールアドレス「空欄」が1つの正しいアドレスではないため、メールを作成できません。");
  });

  it("problems are listed errors first, then warnings, then information, each kind in reported order", () => {
    const listed = problemsInOrder([problem("rows.hidden", { sheet: "i1" }), problem("sheet.hidden", { sheet: "w1" }), problem("url.empty", { n: 1 }), problem("master.empty", { label: "w2" }), problem("url.no-host", { n: 2 })]);
    expect(listed.map((x) => x.code)).toEqual(["url.empty", "url.no-host", "sheet.hidden", "master.empty", "rows.hidden"]);
  });

  it("a place is named as the reader knows it: file, sheet, cell or row, CSV line, template part", () => {
    expect(placeText({ file: "a.xlsx", sheet: "申請様式", row: 14, column: "C" })).toBe("「a.xlsx」・シート「申請様式」・C14");
    expect(placeText({ file: "a.xlsx", row: 14 })).toBe("「a.xlsx」・14行目");
    expect(placeText({ file: "issued.csv", line: 3 })).toBe("「issued.csv」・3行目");
    expect(placeText({ part: "passwordMail.subject" })).toBe("2通目（初期パスワード）の件名");
    expect(placeText({})).toBe("");
  });
});
