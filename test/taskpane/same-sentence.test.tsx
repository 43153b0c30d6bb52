import "./support/jsdom-gaps";
// One problem, one sentence: the CLI's text report, its JSON report, the pane's findings list and the review's
// submission card all show the catalogue's sentence (messageOf) for the sample's planted problems, word for word
// (the pane's 申請者チェック in the institution's words where the reviewer's sentence speaks to the reviewer).
import { within } from "@testing-library/react";
import { addMasters, checkForm, DEFAULT_PROFILE, findForms, mastersFromSheets, messageOf, readXlsx, SEVERITY_LABEL, type CellProblem } from "../../src/domain";
import { readFileSync } from "node:fs";
import { run } from "../cli/support/run-cli";
import { SAMPLE_FORM } from "../support/samples";
import { group } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { openAllFindings, renderReview } from "./support/render-review";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** The sample's planted problems as the domain finds them, each with its catalogue sentence. */
function sampleProblems(): { cell: string; problem: CellProblem; sentence: string; paneSentence: string }[] {
  const read = readXlsx(new Uint8Array(readFileSync(SAMPLE_FORM)), "application-form.xlsx");
  if (!read.ok) throw new Error(messageOf(read.problem));
  const [form] = findForms(read.sheets, DEFAULT_PROFILE).forms;
  const masters = addMasters({}, mastersFromSheets(read.sheets, DEFAULT_PROFILE, "application-form.xlsx"));
  const { findings } = checkForm(form.rows, form.headerRow, DEFAULT_PROFILE, masters).result();
  // 申請者チェック is the institution's view: the same sentence, except where the reviewer's speaks to the reviewer.
  const own = checkForm(form.rows, form.headerRow, DEFAULT_PROFILE, masters, "institution").result().findings;
  const ownSentence = (f: CellProblem) => messageOf(own.find((o) => o.place.row === f.place.row && o.place.column === f.place.column)!);
  return findings.filter((f) => f.severity !== "info").map((f) => ({ cell: `${f.place.column}${f.place.row}`, problem: f, sentence: messageOf(f), paneSentence: ownSentence(f) }));
}

it("the CLI report, the JSON report, the pane and the review show the same sentence for the same problem", async () => {
  const expected = sampleProblems();
  expect(expected.map((e) => e.cell)).toEqual(expect.arrayContaining(["C14", "D15", "A16", "K17"]));

  const json = JSON.parse((await run(["check", SAMPLE_FORM, "--json"])).out) as { files: { findings: { row: number; column: string; code: string; message: string }[] }[] };
  const text = (await run(["check", SAMPLE_FORM])).out;

  const pane = await renderPane(await sampleFormWorkbook());
  const paneSentence = (cell: string) => {
    const button = within(group(Number(cell.replace(/^[A-Z]+/, "")))!).getByRole("button", { name: new RegExp(`^${cell} .+（セル ${cell} を選択）$`) });
    return button.getAttribute("aria-label")!.replace(new RegExp(`^${cell} `), "").replace(/（セル [A-Z]+\d+ を選択）$/, "");
  };
  const paneSentences = Object.fromEntries(expected.map((e) => [e.cell, paneSentence(e.cell)]));
  pane.view.unmount();

  const review = await importedIntoReview();
  await openAllFindings("S001", review.settle);
  const reviewLines = within(document.querySelector('[data-testid="submission"][data-id="S001"]') as HTMLElement)
    .getAllByTestId("review-finding")
    .map((f) => f.textContent);

  for (const { cell, problem, sentence, paneSentence } of expected) {
    const inJson = json.files[0].findings.find((f) => `${f.column}${f.row}` === cell && f.code === problem.code);
    expect({ cell, json: inJson?.message }).toEqual({ cell, json: sentence });
    expect({ cell, text: text.includes(`${cell}：${sentence}`) }).toEqual({ cell, text: true });
    expect({ cell, pane: paneSentences[cell] }).toEqual({ cell, pane: paneSentence });
    expect({ cell, review: reviewLines.includes(`${SEVERITY_LABEL[problem.severity]} ${cell}：${sentence}`) }).toEqual({ cell, review: true });
  }
  await review.settle();
});

async function importedIntoReview() {
  const review = await renderReview();
  await review.importFiles([{ name: "application-form.xlsx", bytes: new Uint8Array(readFileSync(SAMPLE_FORM)) }]);
  return review;
}
