import "./support/jsdom-gaps";
// One list for problems of any kind (issue 9): errors first, each with its severity icon, message and place.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import type { Problem } from "../../src/domain";
import { ProblemList } from "../../src/taskpane/components/ProblemList";

const problems: Problem[] = [
  { code: "template.unknown", severity: "warning", message: "件名に知らない差し込み項目があります。", place: { part: "single.subject" } },
  { code: "issued.password-missing", severity: "error", message: "2行目の初期パスワードが空欄です。", place: { file: "issued.csv", line: 2 } },
  { code: "import.hidden-sheet", severity: "info", message: "非表示のシートがあります。", place: {} },
];

it("lists errors first, each with its severity (icon label), message and place", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ProblemList problems={problems} testId="problems" />
    </FluentProvider>,
  );
  const items = within(screen.getByTestId("problems")).getAllByRole("listitem");
  expect(items.map((li) => li.getAttribute("data-code"))).toEqual(["issued.password-missing", "template.unknown", "import.hidden-sheet"]);
  expect(items.map((li) => within(li).getByRole("img").getAttribute("aria-label"))).toEqual(["エラー", "警告", "情報"]);
  expect(items.map((li) => li.textContent)).toEqual([
    "2行目の初期パスワードが空欄です。「issued.csv」・2行目",
    "件名に知らない差し込み項目があります。通知メールの件名",
    "非表示のシートがあります。",
  ]);
});

it("shows nothing when there is no problem", () => {
  render(<ProblemList problems={[]} testId="problems" />);
  expect(screen.queryByTestId("problems")).toBeNull();
});
