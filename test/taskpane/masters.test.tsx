import "./support/jsdom-gaps";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { cellText, DEFAULT_PROFILE, encodeText } from "../../src/domain";
import { SAMPLE_MASTERS } from "../support/samples";
import { count, group, openTab, until } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** The sample form without its master sheets: what a user gets when the masters are kept elsewhere. */
async function formOnly() {
  return (await sampleFormWorkbook()).filter((s) => s.name === "申請様式");
}

async function chooseFile(file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByTestId("master-file-input"), { target: { files: [file] } });
  });
}

describe("masters", () => {
  it("without masters the pane says what it could not check", async () => {
    await renderPane(await formOnly());
    const notices = screen.getAllByTestId("check-notice").map((n) => n.textContent);
    expect(notices.some((n) => n!.includes("保健所マスタが読み込まれていないため"))).toBe(true);
    expect(count("errors")).toBe("3");
    expect(group(17)).toBeNull();
  });

  it("loads the 保健所マスタ from a Shift_JIS CSV chosen in the pane, keeps the workbook as it was, and re-checks", async () => {
    const p = await renderPane(await formOnly());
    const sheet = (await sampleFormWorkbook()).find((s) => s.name === "保健所マスタ")!;
    const csv = Papa.unparse(sheet.values.map((r) => r.map((c) => cellText(c))), { newline: "\r\n" });
    const before = [...p.gateway.sheets.keys()];
    await openTab("マスタ", p.settle);
    await chooseFile(new File([encodeText(csv, "cp932") as BlobPart], "保健所マスタ.csv", { type: "text/csv" }));
    await until(() => expect(screen.getByTestId("master-load-report").textContent).toContain("保健所マスタ 469件（重複 0件、保健所マスタ.csv）"), p.settle);
    await p.settle();
    expect(count("errors")).toBe("4");
    expect(document.querySelector('[data-master-row="healthCenter"]')!.textContent).toContain("469件");
    expect([...p.gateway.sheets.keys()]).toEqual(before);
    expect(p.gateway.calls.some((c) => c.method === "writeValues")).toBe(false);
  });

  it("loads every master of an .xlsx file (samples/masters.xlsx)", async () => {
    const p = await renderPane(await formOnly());
    await openTab("マスタ", p.settle);
    await chooseFile(new File([await readFile(SAMPLE_MASTERS)], "masters.xlsx"));
    await until(() => expect(screen.queryByTestId("master-load-report")).not.toBeNull(), p.settle);
    const report = screen.getByTestId("master-load-report").textContent!;
    expect(report).toContain("保健所マスタ 469件");
    expect(report).toContain("医療機関マスタ（全数） 3,000件");
    expect(report).toContain("医療機関マスタ（定点） 300件");
    await p.settle();
    expect(count("errors")).toBe("4");
  });

  it("keeps a master read from a file in the workbook only when asked, as a new sheet the pane then follows", async () => {
    const p = await renderPane(await formOnly());
    await openTab("マスタ", p.settle);
    await chooseFile(new File([await readFile(SAMPLE_MASTERS)], "masters.xlsx"));
    await until(() => expect(screen.queryByTestId("master-load-report")).not.toBeNull(), p.settle);
    await p.settle();
    expect([...p.gateway.sheets.keys()]).toEqual(["申請様式"]);
    const row = document.querySelector('[data-master-row="healthCenter"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(row).getByRole("button", { name: "ブックにシートとして保存" }));
    });
    await until(() => expect(screen.getByText(/保健所マスタ（469件）をシート「保健所マスタ」としてブックに保存しました/)).toBeTruthy(), p.settle);
    const saved = p.gateway.sheets.get("保健所マスタ")!;
    expect(saved).toHaveLength(470);
    expect(saved[0][1]).toBe("保健所コード");
    expect(saved[166][1]).toBe("25654"); // sheet row 167; codes stay text
    expect(p.controller.store.get().masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: "保健所マスタ" });
    expect(within(row).queryByRole("button", { name: "ブックにシートとして保存" })).toBeNull();
    // Now it is a master sheet like any other: an edit there re-checks the form (99999 becomes known).
    await act(() => p.gateway.edit("保健所マスタ", { A471: "99", B471: "99999", C471: "新設保健所", G471: "253658" }));
    await p.settle();
    expect(count("errors")).toBe("3");
  });

  it("says clearly when a file holds no master, or is an old .xls", async () => {
    const p = await renderPane(await formOnly());
    await openTab("マスタ", p.settle);
    await chooseFile(new File(["a,b\r\n1,2\r\n"], "memo.csv"));
    await until(() => expect(screen.getByText(/ファイル「memo.csv」にマスタが見つかりません/)).toBeTruthy(), p.settle);
    await chooseFile(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], "old.xls"));
    await until(() => expect(screen.getByText(/古い形式（.xls）/)).toBeTruthy(), p.settle);
    await p.settle();
    expect(count("errors")).toBe("3");
  });

  it("finds a master sheet under another name by its header", async () => {
    const sheets = await sampleFormWorkbook();
    const renamed = sheets.map((s) => (s.name === "保健所マスタ" ? { ...s, name: "HC2024" } : s));
    const p = await renderPane(renamed);
    expect(count("errors")).toBe("4"); // K17 is checked: the master was found
    expect(p.controller.store.get().masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: "HC2024" });
  });

  it("loads a sheet of the workbook as a master of the kind the user picks, when neither name nor header tells", async () => {
    const sheets = await sampleFormWorkbook();
    // The 保健所 master under a name and a header the pane cannot recognise (the columns are where the profile says).
    const unknown = sheets.map((s) =>
      s.name === "保健所マスタ" ? { name: "Sheet7", values: [s.values[0].map((_, i) => `列${i + 1}`), ...s.values.slice(1)] } : s,
    );
    const p = await renderPane(unknown);
    expect(count("errors")).toBe("3"); // K17 unchecked: no 保健所 master
    expect(p.controller.store.get().masterOrigins.healthCenter).toBeUndefined();
    await openTab("マスタ", p.settle);
    const loader = screen.getByRole("region", { name: "ブックのシートから読み込む" });
    fireEvent.click(within(loader).getByRole("combobox", { name: "シート" }));
    fireEvent.click(await screen.findByRole("option", { name: "Sheet7" }));
    fireEvent.click(within(loader).getByRole("combobox", { name: "マスタの種類" }));
    fireEvent.click(await screen.findByRole("option", { name: DEFAULT_PROFILE.masters.healthCenter.label }));
    fireEvent.click(within(loader).getByRole("button", { name: "このシートを読み込む" }));
    await until(() => expect(p.controller.store.get().masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: "Sheet7" }), p.settle);
    expect(count("errors")).toBe("4"); // K17's 99999 is now known to be missing from the master
    expect(p.gateway.calls.filter((c) => c.method === "readSheetValues").map((c) => c.args[0])).toContain("Sheet7");
  });

  it("re-reads a master sheet when it changes and re-checks the form", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    // Someone adds the unknown 保健所コード 99999 to the master sheet of the workbook.
    await act(() => p.gateway.edit("保健所マスタ", { A471: "99", B471: "99999", C471: "新設保健所", G471: "253658" }));
    await p.settle();
    expect(count("errors")).toBe("3");
    expect(document.querySelector('[data-master="healthCenter"]')!.textContent).toContain("470件");
  });
});
