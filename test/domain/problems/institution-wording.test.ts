import { readFileSync } from "node:fs";
import { cellProblem, checkForm, checkFormSheet, DEFAULT_PROFILE, findForms, mastersFromSheets, messageOf, readXlsx, type CellProblem, type FormChecker, type ProblemCode } from "../../../src/domain";
import { institutionWording } from "../../../src/domain/problems/institution-wording";
import { CELL_RULE_MESSAGES } from "../../../src/domain/problems/messages/cell-rules";
import { CHECK_NOTICE_MESSAGES } from "../../../src/domain/problems/messages/check-notices";
import { generateForm } from "../../support/generate-form-rows";
import { generateMasters, masterSetOf } from "../../support/generate-masters";
import { SAMPLE_FORM } from "../../support/samples";

/** Words that speak to the reviewer (or of the reviewer's tools), never to the institution filling the form. */
const REVIEWER_ONLY = /聴取|機関から|機関に(確認|連絡|問い合わせ)|登録用CSV|審査|差し戻/;

const messagesOf = (checker: FormChecker) => checker.result().findings.map((f) => `${f.code}: ${messageOf(f)}`);

describe("the institution's view (申請者チェック) never gives reviewer instructions", () => {
  it("every cell finding's and check notice's sentence, as the institution reads it, with and without its optional params", () => {
    const every = new Proxy({}, { get: (_, key) => (typeof key === "string" ? `《${key}》` : undefined) });
    for (const code of [...Object.keys(CELL_RULE_MESSAGES), ...Object.keys(CHECK_NOTICE_MESSAGES)] as ProblemCode[]) {
      for (const params of [every, {}]) {
        for (const orgType of ["09", undefined]) {
          const f: CellProblem = cellProblem(4, "K", code, params);
          const said = messageOf(institutionWording(f, DEFAULT_PROFILE, orgType));
          expect(`${code}: ${said}`).not.toMatch(REVIEWER_ONLY);
        }
      }
    }
  });

  it("the sample form and its masters: AJ blank, K unknown, all in the institution's words", () => {
    const read = readXlsx(new Uint8Array(readFileSync(SAMPLE_FORM)), "application-form.xlsx");
    if (!read.ok) throw new Error("unreadable sample");
    const masters = Object.fromEntries(mastersFromSheets(read.sheets, DEFAULT_PROFILE, "sample").map((m) => [m.kind, m.index]));
    const form = findForms(read.sheets, DEFAULT_PROFILE).forms[0];
    const institution = checkFormSheet(form, DEFAULT_PROFILE, masters, "institution");
    const said = messagesOf(institution);
    expect(said.some((s) => s.startsWith("institution.blank-ask: "))).toBe(true);
    expect(said.some((s) => s.startsWith("healthCenter.unknown-ask: "))).toBe(true);
    for (const s of said) expect(s).not.toMatch(REVIEWER_ONLY);
    // The reviewer (審査) keeps the reviewer's sentence.
    const reviewer = messagesOf(checkFormSheet(form, DEFAULT_PROFILE, masters, "reviewer"));
    expect(reviewer.find((s) => s.startsWith("institution.blank: "))).toContain("機関から聴取してください");
  });

  it("a generated form with every planted problem, and a window that does not take 16", () => {
    const generated = generateMasters({ zensuRows: 3000, teitenRows: 300 });
    const masters = masterSetOf(generated);
    const form = generateForm(600, generated, { problemRate: 0.3, teitenRate: 0.1, animalRate: 0.05 });
    const ward = { ...DEFAULT_PROFILE, acceptedOrgTypes: ["09", "11"] };
    const said = messagesOf(checkForm(form.rows, form.headerRow, ward, masters, "institution"));
    expect(said.some((s) => s.startsWith("orgType.not-accepted-ask: "))).toBe(true);
    expect(said.some((s) => s.startsWith("institution.blank-ask: "))).toBe(true);
    for (const s of said) expect(s).not.toMatch(REVIEWER_ONLY);
  });
});
