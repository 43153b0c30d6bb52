import { messageOf } from "../../src/domain/problems/problem";
import {
  buildAccountDrafts,
  checkMailTemplates,
  draftProblem,
  placeText,
  problemsInOrder,
  type Problem,
  DEFAULT_MAIL_TEMPLATES,
  finding,
  findingProblem,
  importProblem,
  issuedProblem,
  reportSchemas,
  readIssuedCsv,
  templateProblem,
  unreadableFileNotice,
  encodeText,
} from "../../src/domain";

describe("one problem shape across the product", () => {
  it("findings, issued-CSV, template and import problems all become { code, severity, message, place }", () => {
    const fromFinding = findingProblem(cellProblem(14, "C", "required.missing", { label: "連絡先電話番号" }), { file: "a.xlsx", sheet: "申請様式" });
    expect(fromFinding).toEqual({ code: "required.missing", severity: "error", message: "連絡先電話番号が入力されていません。", place: { file: "a.xlsx", sheet: "申請様式", row: 14, column: "C" } });

    const read = readIssuedCsv(encodeText("利用者ID,初期パスワード\r\nU1,\r\n", "cp932"));
    if (read.status !== "ok") throw new Error("read");
    const fromIssued = issuedProblem(read.problems[0], "issued.csv");
    expect(fromIssued).toMatchObject({ code: "issued.password-missing", severity: "error", place: { file: "issued.csv", line: 2 } });

    const problems = checkMailTemplates({ ...DEFAULT_MAIL_TEMPLATES, single: { subject: "", body: "{利用者ID} {初期パスワード} {URL}" } }, false);
    const fromTemplate = templateProblem(problems[0], "mail.txt");
    expect(fromTemplate).toMatchObject({ code: "template.subject-empty", severity: "error", place: { file: "mail.txt", part: "single.subject" } });

    const fromImport = importProblem(unreadableFileNotice("壊れた.xlsx", "ZIP形式ではありません"));
    expect(fromImport).toEqual({
      code: "import.unreadable",
      severity: "error",
      message: "「壊れた.xlsx」はExcelブック（.xlsx）として読めないため取り込みませんでした（ZIP形式ではありません）。",
      place: { file: "壊れた.xlsx" },
    });

    for (const p of [fromFinding, fromIssued, fromTemplate, fromImport]) expect(reportSchemas().ProblemSchema.parse(p)).toEqual(p);
  });

  it("a draft's problem keeps its code and severity, placed on its form row", () => {
    const built = buildAccountDrafts([], { url: "not a url" });
    expect(built.problems.map(draftProblem)).toEqual([{ code: "draft.url-invalid", severity: "error", message: messageOf(built.problems[0]), place: {} }]);
    expect(draftProblem({ code: "draft.invalid-to", severity: "error", source: "a.xlsx:申請様式", row: 14, message: "m" }).place).toEqual({ file: "a.xlsx:申請様式", row: 14 });
  });

  it("problems are listed errors first, then warnings, then information, each kind in reported order", () => {
    const p = (code: string, severity: Problem["severity"]): Problem => ({ code, severity, message: code, place: {} });
    const listed = problemsInOrder([p("i1", "info"), p("w1", "warning"), p("e1", "error"), p("w2", "warning"), p("e2", "error")]);
    expect(listed.map((x) => x.code)).toEqual(["e1", "e2", "w1", "w2", "i1"]);
  });

  it("a place is named as the reader knows it: file, sheet, cell or row, CSV line, template part", () => {
    expect(placeText({ file: "a.xlsx", sheet: "申請様式", row: 14, column: "C" })).toBe("「a.xlsx」・シート「申請様式」・C14");
    expect(placeText({ file: "a.xlsx", row: 14 })).toBe("「a.xlsx」・14行目");
    expect(placeText({ file: "issued.csv", line: 3 })).toBe("「issued.csv」・3行目");
    expect(placeText({ part: "passwordMail.subject" })).toBe("2通目（初期パスワード）の件名");
    expect(placeText({})).toBe("");
  });
});
