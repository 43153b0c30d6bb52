import "./support/jsdom-gaps";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { count, group, openTab, SHEET } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

async function openRow(p: Awaited<ReturnType<typeof renderPane>>, address: string): Promise<HTMLElement> {
  act(() => p.gateway.userSelects(SHEET, address));
  await p.settle();
  return screen.getByTestId("row-detail");
}

/** Types into the picker's combobox and opens its list (jsdom's change event does not open it by itself). */
async function search(p: Awaited<ReturnType<typeof renderPane>>, picker: HTMLElement, text: string): Promise<void> {
  const input = within(picker).getByRole("combobox");
  fireEvent.change(input, { target: { value: text } });
  await p.settle();
  if (input.getAttribute("aria-expanded") !== "true") fireEvent.click(input);
  await p.settle();
}

describe("pickers", () => {
  it("choosing the 保健所 by name fills I and K, and the row turns complete", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "K17");
    const picker = await within(detail).findByTestId("health-center-picker");
    expect(picker.textContent).toContain("99999（保健所マスタにありません）");
    await search(p, picker, "25654");
    fireEvent.click(await screen.findByRole("option", { name: /^25654 / }));
    fireEvent.click(within(picker).getByRole("button", { name: "I列・K列に設定" }));
    await p.settle();
    expect(p.gateway.text(SHEET, "K17")).toBe("25654");
    expect(p.gateway.text(SHEET, "I17")).toBe("253658");
    expect(screen.getByTestId("row-detail").getAttribute("data-status")).toBe("complete");
    expect(count("errors")).toBe("3");
    // Reset: the box is empty, nothing is picked, 設定 is disabled, and the picker says what was set (with 元に戻す).
    const after = screen.getByTestId("health-center-picker");
    expect((within(after).getByRole("combobox") as HTMLInputElement).value).toBe("");
    expect(within(after).getByRole("button", { name: "I列・K列に設定" }).hasAttribute("disabled")).toBe(true);
    const note = within(after).getByTestId("fix-note");
    expect(note.textContent).toContain("I17 に 253658、K17 に 25654（滋賀東市保健所）を設定しました");
    expect(within(note).getByRole("button", { name: "元に戻す" })).toBeTruthy();
    // Not repeated at the top of the row view.
    expect(screen.getAllByTestId("fix-note")).toHaveLength(1);
  });

  it("row 17: the 保健所 of the institution AJ names is the first suggestion and K17's one-click fix", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "K17");
    const picker = await within(detail).findByTestId("health-center-picker");
    const suggestion = within(picker).getByTestId("health-center-suggestion");
    expect(suggestion.textContent).toContain("AJ列の機関（山手10医院）の保健所：25654 滋賀東市保健所");
    // The search lists it first too (しが matches every 滋賀 保健所).
    await search(p, picker, "しが");
    expect((await screen.findAllByRole("option"))[0].textContent).toBe("25654 滋賀東市保健所");
    // K17's finding offers it as its fix.
    expect(within(detail).getByRole("button", { name: /^修正：25654（K17、「99999」を「25654」に直す）/ })).toBeTruthy();
    fireEvent.click(within(suggestion).getByRole("button", { name: "この保健所を設定" }));
    await p.settle();
    expect(p.gateway.text(SHEET, "K17")).toBe("25654");
    expect(p.gateway.text(SHEET, "I17")).toBe("253658");
    expect(screen.getByTestId("row-detail").getAttribute("data-status")).toBe("complete");
    expect(screen.queryByTestId("health-center-suggestion")).toBeNull();
    expect(within(screen.getByTestId("health-center-picker")).getByTestId("fix-note").textContent).toContain("K17 に 25654");
  });

  it("several words in any order, with full-width spaces, find one 保健所", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const picker = await within(await openRow(p, "K17")).findByTestId("health-center-picker");
    for (const q of ["しが ちゅうおう", "ちゅうおう　滋賀", "滋賀 中央"]) {
      await search(p, picker, q);
      expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual(["25243 滋賀県中央保健所"]);
    }
  });

  it("the 医療機関 picker: its example finds something, options show the 都道府県, it sets AJ and I/K when asked, then resets", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "B14");
    const picker = await within(detail).findByTestId("institution-picker");
    const input = within(picker).getByRole("combobox");
    expect(input.getAttribute("placeholder")).toBe("例：中央 病院、チュウオウ");
    await search(p, picker, "中央 病院");
    expect((await screen.findAllByRole("option")).length).toBeGreaterThan(0);
    await search(p, picker, "山手 病院");
    const options = (await screen.findAllByRole("option")).map((o) => o.textContent ?? "");
    // Same names in different prefectures are told apart; those of the form's 都道府県 (滋賀・山形・宮城) first.
    expect(options.every((o) => /(北海道|東京都|京都府|大阪府|.{2,3}県)$/.test(o))).toBe(true);
    const own = (o: string) => /(滋賀県|山形県|宮城県)$/.test(o);
    expect(own(options[0])).toBe(true);
    const other = options.find((o) => !own(o))!;
    expect(options.slice(options.indexOf(other)).some(own)).toBe(false);
    fireEvent.click(screen.getByRole("option", { name: other }));
    expect(within(picker).getByText("都道府県")).toBeTruthy();
    fireEvent.click(within(picker).getByRole("checkbox", { name: /保健所（I・K列）も .* に合わせる/ }));
    fireEvent.click(within(picker).getByRole("button", { name: "AJ14・I・K列に設定" }));
    await p.settle();
    const code = other.split(" ")[0];
    expect(p.gateway.text(SHEET, "AJ14")).toBe(code);
    const hc = p.gateway.text(SHEET, "K14");
    expect(hc).not.toBe("25654");
    expect(p.gateway.text(SHEET, "I14")).not.toBe("253658");
    const after = screen.getByTestId("institution-picker");
    expect((within(after).getByRole("combobox") as HTMLInputElement).value).toBe("");
    expect(within(after).getByRole("button", { name: "AJ14 に設定" }).hasAttribute("disabled")).toBe(true);
    expect(within(after).queryByRole("checkbox")).toBeNull();
    expect(within(after).getByTestId("fix-note").textContent).toContain(`AJ14 に ${code}`);
    expect(within(after).getByTestId("fix-note").textContent).toContain(`K14 に ${hc}`);
  });

  it("AJ blank (row 13): the row view asks the institution, never tells it to 聴取", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "B13");
    const guidance = within(detail).getByTestId("collect-guidance");
    expect(guidance.textContent).toContain("お知らせください");
    expect(detail.textContent).not.toMatch(/聴取|機関から/);
  });

  it("choosing the institution by kana fills AJ from the master E selects and warns about another 保健所", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "B14");
    const picker = await within(detail).findByTestId("institution-picker");
    expect(picker.textContent).toContain("医療機関マスタ（全数）を名称・カナ・都道府県・コードで検索");
    await search(p, picker, "ﾐﾅﾄ0");
    fireEvent.click(await screen.findByRole("option", { name: /^1819100007 港0クリニック/ }));
    expect(within(picker).getByTestId("health-center-mismatch").textContent).toContain("18116");
    fireEvent.click(within(picker).getByRole("button", { name: "AJ14 に設定" }));
    await p.settle();
    expect(p.gateway.text(SHEET, "AJ14")).toBe("1819100007");
    await openTab("指摘一覧", p.settle);
    expect(group(14)!.querySelector("[data-cell=AJ14]")!.getAttribute("data-finding")).toBe("institution.health-center-mismatch");
  });

  it("respects E: a 動物 row asks for the 動物診療施設マスタ, a 定点 row searches the 定点 master", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    let picker = await within(await openRow(p, "B13")).findByTestId("institution-picker");
    expect(picker.textContent).toContain("動物診療施設マスタが読み込まれていないため");
    picker = await within(await openRow(p, "B12")).findByTestId("institution-picker");
    expect(picker.textContent).toContain("医療機関マスタ（定点）を名称・カナ・都道府県・コードで検索");
    // 16 is an ordinary account now: no "issued after go-live" note
    expect(screen.getByTestId("row-detail").textContent).not.toContain("次期システムの運用開始後");
  });

  it("finds a 保健所 by the reading of its words (ちゅうおう) although the master has no reading column", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const picker = await within(await openRow(p, "K17")).findByTestId("health-center-picker");
    await search(p, picker, "ちゅうおう");
    const options = (await screen.findAllByRole("option")).map((o) => o.textContent ?? "");
    expect(options).toContain("02011 青森県中央保健所");
    expect(options.every((o) => o.includes("中央"))).toBe(true);
    await search(p, picker, "ｱｵﾓﾘｹﾝﾁｭｳｵｳ");
    fireEvent.click(await screen.findByRole("option", { name: "02011 青森県中央保健所" }));
    fireEvent.click(within(picker).getByRole("button", { name: "I列・K列に設定" }));
    await p.settle();
    expect(p.gateway.text(SHEET, "K17")).toBe("02011");
  });

  it("a 保健所マスタ with a reading column: the hint promises よみ and the search reads that column", async () => {
    const sheets = await sampleFormWorkbook();
    const master = sheets.find((x) => x.name === "保健所マスタ")!;
    const width = master.values[0].length;
    master.values = master.values.map((r, i) => {
      const line = [...r, ...Array<null>(Math.max(0, width - r.length)).fill(null)];
      line[width] = i === 0 ? "保健所名よみ" : r[1] === "02011" ? "アオモリケンチュウオウホケンジョ" : null;
      return line;
    });
    const p = await renderPane(sheets);
    const picker = await within(await openRow(p, "K17")).findByTestId("health-center-picker");
    expect(picker.textContent).toContain("名前・よみ・都道府県・コード（空白で区切って複数語）で検索できます");
    await search(p, picker, "ちゅうおう");
    // Only the row whose reading says so: the table of place readings is not used beside the master's own column.
    expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual(["02011 青森県中央保健所（アオモリケンチュウオウホケンジョ）"]);
  });

  it("the list opens as the user types (no ↓ needed), says 一致なし, and the chevron is no extra Tab stop", async () => {
    const p = await renderPane(await sampleFormWorkbook());
    const detail = await openRow(p, "K17");
    const picker = await within(detail).findByTestId("health-center-picker");
    // The sample 保健所マスタ has no reading column: the hint promises readings of place names and words only.
    expect(picker.textContent).toContain("名前・コード、都道府県・市区と「中央」などの語のよみ（空白で区切って複数語）で検索できます");
    expect(picker.textContent).not.toContain("カナ");
    const input = within(picker).getByRole("combobox");
    input.focus();
    fireEvent.change(input, { target: { value: "2565" } });
    await p.settle();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect((await screen.findAllByRole("option")).some((o) => /^25654 /.test(o.textContent ?? ""))).toBe(true);
    fireEvent.change(input, { target: { value: "ありえない保健所" } });
    await p.settle();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("option", { name: "一致なし" }).getAttribute("aria-disabled")).toBe("true");
    const chevron = picker.querySelector('[role="button"][aria-label="一覧を開く"]') as HTMLElement;
    expect(chevron).not.toBeNull();
    expect(chevron.tabIndex).toBe(-1);
  });
});
