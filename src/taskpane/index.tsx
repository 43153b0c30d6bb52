import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelGateway } from "../excel/gateway";
import { createReviewGateway } from "../excel/review-workbook";
import { officeBackground, officeReady } from "../excel/office-host";
import { App } from "./App";
import { themeForOffice } from "./theme";

function render(content: JSX.Element): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root");
  createRoot(container).render(
    <FluentProvider theme={themeForOffice(officeBackground())} lang="ja" dir="ltr" style={{ minHeight: "100vh" }}>
      {content}
    </FluentProvider>,
  );
}

void officeReady().then((inExcel) => {
  document.documentElement.lang = "ja";
  if (!inExcel) {
    render(
      <p role="alert" style={{ padding: 16 }}>
        このアドインはExcelの作業ウィンドウで使います。Excelで申請様式のブックを開き、［ホーム］タブの「申請チェック」→「チェック画面」から起動してください。
      </p>,
    );
    return;
  }
  render(<App gateway={createExcelGateway()} reviewGateway={createReviewGateway()} />);
});
