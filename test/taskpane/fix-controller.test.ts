import "./support/jsdom-gaps";
// FixController on its own: one finding's fix, every fix of one kind, a 保健所 or institution picked from a master,
// and 元に戻す — on the sample form over the fake Excel boundary. The host sends no change events here, so each step
// is seen to read back by itself what it wrote. Each test checks the cells, the check shown and the confirmation.
import { findingAt, findingCells, messagesOf, openedParts, SHEET, type PaneParts } from "./support/pane-parts";
import { FULL_CAPABILITIES } from "./support/fake-gateway";
import { sampleFormWorkbook } from "./support/sample-workbook";
import { columnIndex } from "../../src/domain";
import { FixController } from "../../src/taskpane/state/fix-controller";

const NO_EVENTS = { ...FULL_CAPABILITIES, changeEvents: false, selectionEvents: false };

async function opened(): Promise<PaneParts & { fixes: FixController }> {
  const p = await openedParts(await sampleFormWorkbook(), { caps: NO_EVENTS });
  return Object.assign(p, { fixes: new FixController(p.session, p.checked) });
}

/** Cells typed as Excel keeps them, then 再チェック (this host tells of no edit). */
async function typed(p: PaneParts, cells: Record<string, string | number>): Promise<void> {
  const grid = p.gateway.sheets.get(SHEET)!;
  for (const [address, value] of Object.entries(cells)) {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const line = grid[Number(row) - 1];
    line[columnIndex(column)] = value;
  }
  await p.form.recheck();
}

const writes = (p: PaneParts) => p.gateway.calls.filter((c) => c.method === "writeValues").map((c) => c.args[1]);

describe("FixController.applyFix and undoLastFix", () => {
  it("writes the finding's value, reads the row back, shows the row re-checked and confirms beside the finding", async () => {
    const p = await opened();
    const before = p.gateway.text(SHEET, "D15");
    await p.fixes.applyFix(findingAt(p, "D15"), "D15 email.fullwidth");
    expect(p.gateway.text(SHEET, "D15")).toBe("tanaka@example-hosp.jp");
    expect(writes(p)).toEqual([[{ address: "D15", value: "tanaka@example-hosp.jp" }]]);
    const check = p.session.state.check!;
    expect([check.mode, check.changedRows]).toEqual(["incremental", [15]]);
    expect(findingCells(p)).not.toContain("D15");
    expect(check.result.summary).toMatchObject({ complete: 11, errors: 3 });
    expect(p.gateway.fill(SHEET, "A15")).toBe("complete");
    expect(p.session.state.fixNote).toMatchObject({ intent: "success", text: "修正：1セルを変更しました（D15）。", undo: true, near: "D15 email.fullwidth" });

    await p.fixes.undoLastFix();
    expect(p.gateway.text(SHEET, "D15")).toBe(before);
    expect(findingCells(p)).toContain("D15");
    // Undone where it was confirmed; no second undo.
    expect(p.session.state.fixNote).toMatchObject({ intent: "success", text: "1セルを修正前の値に戻しました。", undo: false, near: "D15 email.fullwidth" });
    const calls = p.gateway.calls.length;
    await p.fixes.undoLastFix();
    expect(p.gateway.calls).toHaveLength(calls);
  });

  it("never writes a fix whose cell changed since the finding was shown: says so and shows the row as it is", async () => {
    const p = await opened();
    const stale = findingAt(p, "D15");
    p.gateway.sheets.get(SHEET)![14][3] = "suzuki@example-hosp.jp"; // retyped in Excel, not yet seen by the pane
    await p.fixes.applyFix(stale);
    expect(writes(p)).toEqual([]);
    expect(p.gateway.text(SHEET, "D15")).toBe("suzuki@example-hosp.jp");
    expect(messagesOf(p)).toEqual([["fix", "warning", "D15 はすでに変更されています。最新のチェック結果を確認してください。"]]);
    expect(p.session.state.check!.changedRows).toEqual([15]);
    expect(findingCells(p)).not.toContain("D15");
  });

  it("with no form open: the failure says so, and nothing is written", async () => {
    const finding = findingAt(await opened(), "D15");
    const masters = (await sampleFormWorkbook()).filter((s) => s.name !== SHEET);
    const p = await openedParts(masters, { caps: NO_EVENTS });
    await new FixController(p.session, p.checked).applyFix(finding);
    expect(p.session.state.phase).toBe("no-form");
    expect(writes(p)).toEqual([]);
    expect(messagesOf(p)).toEqual([["fix", "error", expect.stringContaining("修正をセルに書き込めませんでした。")]]);
    expect(messagesOf(p)[0][2]).toContain("申請様式のシートが開かれていません。");
  });
});

describe("FixController.applyFixes (every fix of one kind)", () => {
  it("previews each cell's 前 → 後, writes them all, leaves other kinds, and undoes all but a cell changed since", async () => {
    const p = await opened();
    await typed(p, { C5: "０３－５５５５－１００１", C6: "０３－５５５５－１００２", E7: 9 });
    expect(p.fixes.pendingFixPreview("phone.normalized")).toEqual([
      { address: "C5", value: "03-5555-1001", before: "０３－５５５５－１００１" },
      { address: "C6", value: "03-5555-1002", before: "０３－５５５５－１００２" },
    ]);
    await p.fixes.applyFixes("phone.normalized");
    expect([p.gateway.text(SHEET, "C5"), p.gateway.text(SHEET, "C6"), p.gateway.cell(SHEET, "E7")]).toEqual(["03-5555-1001", "03-5555-1002", 9]);
    expect(p.fixes.pendingFixes("phone.normalized")).toEqual([]);
    expect(p.fixes.pendingFixes("orgType.normalized")).toEqual([{ address: "E7", value: "09" }]);
    // A bulk fix is confirmed in the message bar, which offers 元に戻す.
    expect(p.session.state.messages).toEqual([expect.objectContaining({ place: "fix", intent: "success", text: "まとめて修正：2セルを変更しました（C5、C6）。", undo: true })]);

    await typed(p, { C6: "03-9999-0000" });
    await p.fixes.undoLastFix();
    expect([p.gateway.text(SHEET, "C5"), p.gateway.text(SHEET, "C6")]).toEqual(["０３－５５５５－１００１", "03-9999-0000"]);
    expect(messagesOf(p)[0]).toEqual(["fix", "warning", "1セルを修正前の値に戻しました。C6 は修正の後に変更されているため、そのままにしました。"]);
  });

  it("the cells changed since the list was shown: says there is nothing left to fix and writes nothing", async () => {
    const p = await opened();
    await typed(p, { C5: "０３－５５５５－１００１" });
    p.gateway.sheets.get(SHEET)![4][2] = "03-1111-2222"; // retyped in Excel, not yet seen
    await p.fixes.applyFixes("phone.normalized");
    expect(writes(p)).toEqual([]);
    expect(messagesOf(p)).toEqual([["fix", "warning", "修正できるセルはもうありません（すでに変更されています）。"]]);
    expect(p.fixes.pendingFixes("phone.normalized")).toEqual([]);
  });
});

describe("FixController.pickHealthCenter and pickInstitution", () => {
  it("a 保健所 picked from the master fills I and K, and the row is complete", async () => {
    const p = await opened();
    const record = p.session.state.masters.healthCenter!.get("25654")!;
    await p.fixes.pickHealthCenter(17, record);
    expect([p.gateway.text(SHEET, "I17"), p.gateway.text(SHEET, "K17")]).toEqual(["253658", "25654"]);
    expect(findingCells(p).filter((c) => c.endsWith("17"))).toEqual([]);
    // Said in the picker (beside its button), with 元に戻す; not in the message bar.
    expect(p.session.state.fixNote).toMatchObject({ intent: "success", undo: true, near: "picker:healthCenter", text: "保健所の設定：I17 に 253658、K17 に 25654（滋賀東市保健所）を設定しました。" });
    expect(messagesOf(p)).toEqual([]);
  });

  it("an institution picked with its 保健所 fills AJ, I and K in one write; 元に戻す restores all three", async () => {
    const p = await opened();
    const before = ["AJ14", "I14", "K14"].map((a) => p.gateway.text(SHEET, a));
    const record = p.session.state.masters.zensu!.get("1819100007")!;
    const center = p.session.state.masters.healthCenter!.get(record.healthCenterCode!)!;
    await p.fixes.pickInstitution(14, record, center);
    expect(["AJ14", "I14", "K14"].map((a) => p.gateway.text(SHEET, a))).toEqual(["1819100007", center.cityCode, "18116"]);
    expect(findingCells(p).filter((c) => c.endsWith("14") && /^(AJ|I|K)/.test(c))).toEqual([]);
    expect(p.session.state.fixNote?.text).toBe(`医療機関の設定：AJ14 に 1819100007（港0クリニック）、I14 に ${center.cityCode}、K14 に 18116を設定しました。`);
    await p.fixes.undoLastFix();
    expect(["AJ14", "I14", "K14"].map((a) => p.gateway.text(SHEET, a))).toEqual(before);
  });

  it("an institution picked from the master fills AJ; 元に戻す empties it again", async () => {
    const p = await opened();
    const before = p.gateway.text(SHEET, "AJ14");
    const record = p.session.state.masters.zensu!.get("1819100007")!;
    await p.fixes.pickInstitution(14, record);
    expect(p.gateway.text(SHEET, "AJ14")).toBe("1819100007");
    expect(findingAt(p, "AJ14").code).toBe("institution.health-center-mismatch");
    await p.fixes.undoLastFix();
    expect(p.gateway.text(SHEET, "AJ14")).toBe(before);
  });
});
