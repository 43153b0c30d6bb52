import "./support/jsdom-gaps";
// One list for problems of any kind: errors first, each with its severity icon, sentence and place.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { problem, type Problem } from "../../src/domain";
import { ProblemList } from "../../src/taskpane/components/ProblemList";

const problems: Problem[] = [
  problem("template.fullwidth-braces", { written: "｛URL｝", name: "URL" }, { part: "single.subject" }),
  problem("issued.password-missing", { who: "2行目（利用者ID U1）" }, { file: "issued.csv", line: 2 }),
  problem("rows.hidden", { sheet: "申請様式", rows: "5〜6行目" }),
];

it("lists errors first, each with its severity (icon label), message and place", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ProblemList problems={problems} testId="problems" />
    </FluentProvider>,
  );
  const items = within(screen.getByTestId("problems")).getAllByRole("listitem");
  expect(items.map((li) => li.getAttribute("data-code"))).toEqual(["issued.password-missing", "template.fullwidth-braces", "rows.hidden"]);
  expect(items.map((li) => within(li).getByRole("img").getAttribute("aria-label"))).toEqual(["エラー", "警告", "情報"]);
  expect(items.map((li) => li.textContent)).toEqual([
    "2行目（利用者ID U1）：初期パスワードが空欄です。この利用者のメールは作成しません。「issued.csv」・2行目",
    "通知メールの件名：｛URL｝ は全角の括弧のため差し込まれません。半角の {URL} にしてください。通知メールの件名",
    "シート「申請様式」の申請データに非表示の行があります（5〜6行目）。非表示の行もチェック・出力の対象です。",
  ]);
});

it("shows nothing when there is no problem", () => {
  render(<ProblemList problems={[]} testId="problems" />);
  expect(screen.queryByTestId("problems")).toBeNull();
});
