import "./support/jsdom-gaps";
// Issue 20: the institution opens the marked-up workbook of a 差戻し in the add-in's form tab (the real pane, controller
// and Excel layer on the stand-in host). It has no masters of its own: the ones the workbook carries, or else the
// reviewer's marks, keep the pane from reporting fewer errors than the letter, and the colours are the letter's.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { DEFAULT_PROFILE, SEND_BACK_COLORS, SEND_BACK_SHEET } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import { App } from "../../src/taskpane/App";
import { PaneController } from "../../src/taskpane/state/controller";
import { eventSource, queueSource, settled } from "../support/settle";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { sheetJson } from "../support/stand-in/xlsx-to-model";
import { cellKeys, CODE_ERRORS, sendBackFixture, type SendBackFixture } from "../support/send-back-fixture";

const PINK = `#${SEND_BACK_COLORS.error.slice(2)}`;
const YELLOW = `#${SEND_BACK_COLORS.warning.slice(2)}`;
const BLUE = `#${SEND_BACK_COLORS.complete.slice(2)}`;

let f: SendBackFixture;
beforeAll(async () => {
  f = await sendBackFixture();
});

/** The marked-up workbook as Excel would open it (values, formats, fills), optionally without some sheets. */
async function openInPane(keep: (name: string) => boolean = () => true) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.marked) as unknown as ArrayBuffer);
  const sheets = wb.worksheets.filter((w) => keep(w.name)).map(sheetJson);
  const model = new WorkbookModel({ sheets, activeSheet: SEND_BACK_SHEET }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const controller = new PaneController(createExcelGateway(), DEFAULT_PROFILE);
  render(
    <FluentProvider theme={webLightTheme}>
      <App controller={controller} />
    </FluentProvider>,
  );
  const settle = () => act(() => settled([eventSource(model), queueSource(controller.queue)]));
  await settle();
  await screen.findByTestId("summary");
  await settle();
  const form = model.sheetByName("申請様式")!;
  const fill = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return form.cell(Number(m[2]) - 1, col).fill;
  };
  const count = (key: string) => Number(screen.getByTestId("summary").querySelector(`[data-count="${key}"] dd`)!.textContent);
  return { controller, fill, count, settle };
}

const letterErrors = () => cellKeys(f.letterFindings);
const letterWarnings = () => cellKeys(f.letterFindings, "warning");

describe("the marked-up workbook opened in the form tab", () => {
  it("with the masters it carries: the same errors as the letter, on the same cells, pink; warnings yellow; no master missing", async () => {
    const { controller, fill, count } = await openInPane();
    const result = controller.store.get().check!.result;
    expect(cellKeys(result.findings)).toEqual(letterErrors());
    expect(count("errors")).toBe(letterErrors().length);
    for (const cell of letterErrors().filter((c) => !c.startsWith("A"))) expect(fill(cell)).toBe(PINK);
    for (const cell of letterWarnings()) expect(fill(cell)).toBe(YELLOW);
    // The rows the letter marks are not 完了 (blue) in A.
    for (const cell of Object.keys(CODE_ERRORS)) expect(fill(`A${cell.replace(/^[A-Z]+/, "")}`)).not.toBe(BLUE);
    expect(screen.queryAllByTestId("check-notice").map((n) => n.getAttribute("data-code"))).not.toContain("master.missing");
    expect(screen.getByTestId("colour-legend").textContent).toBe("セルの色：ピンク＝要修正（エラー）、黄＝ご確認（警告）。");
  });

  it("without any master sheet: never fewer errors than the letter, the reviewer's pink marks stay, and the notices offer to load a master", async () => {
    const { controller, fill, count, settle } = await openInPane((name) => name === SEND_BACK_SHEET || name === "申請様式");
    expect(count("errors")).toBeGreaterThanOrEqual(letterErrors().length);
    const errors = cellKeys(controller.store.get().check!.result.findings);
    for (const cell of letterErrors()) expect(errors).toContain(cell);
    for (const cell of Object.keys(CODE_ERRORS)) {
      expect(fill(cell)).toBe(PINK);
      expect(fill(`A${cell.replace(/^[A-Z]+/, "")}`)).not.toBe(BLUE);
    }
    // What it could not check is said, with a way to load the master.
    const notices = screen.getAllByTestId("check-notice").filter((n) => n.getAttribute("data-code") === "master.missing");
    expect(notices.length).toBeGreaterThan(0);
    fireEvent.click(within(notices[0]).getByTestId("load-master"));
    await settle();
    expect(controller.store.get().view).toBe("masters");
    expect(await screen.findByRole("heading", { name: "使用中のマスタ" })).toBeTruthy();
  });
});
