import "./support/jsdom-gaps";
// FormController on its own: finding the form sheet when the pane starts (with the workbook's master sheets), opening
// one and checking it in full, and letting it go when it is deleted — on the sample form over the fake Excel boundary.
import { columnIndex, columnLetter } from "../../src/domain";
import type { FakeGateway } from "./support/fake-gateway";
import { callsSince, findingCells, messagesOf, openedParts, paneParts, SHEET } from "./support/pane-parts";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** How many listeners (change and selection) the pane has on the gateway now. */
function countListeners(gateway: FakeGateway): () => number {
  let active = 0;
  const watch = gateway.watch.bind(gateway);
  const onSelection = gateway.onSelection.bind(gateway);
  gateway.watch = async (...args) => {
    const w = await watch(...args);
    active++;
    return { ...w, stop: () => w.stop().then(() => void active--) };
  };
  gateway.onSelection = async (...args) => {
    const off = await onSelection(...args);
    active++;
    return () => off().then(() => void active--);
  };
  return () => active;
}

const summaryOf = (p: { session: { state: { check?: { result: { summary: object } } } } }) => p.session.state.check!.result.summary;

describe("FormController.start", () => {
  it("loads the workbook's master sheets, opens the form sheet, checks every row and colours the sheet", async () => {
    const workbook = await sampleFormWorkbook();
    const masterSheets = workbook.filter((s) => s.name !== SHEET).map((s) => s.name);
    const p = paneParts(workbook);
    await p.form.start();
    const state = p.session.state;
    expect(state.phase).toBe("ready");
    expect(state.check!.sheet).toBe(SHEET);
    expect(state.check!.mode).toBe("full");
    expect(summaryOf(p)).toMatchObject({ complete: 10, incomplete: 3, gap: 1, errors: 4, warnings: 1 });
    expect(findingCells(p)).toEqual(expect.arrayContaining(["C14", "D15", "A16", "K17"]));
    expect(Object.values(state.masterOrigins).map((o) => o?.from === "sheet" && o.sheet)).toEqual(masterSheets);
    expect(state.lastMasterLoad!.map((r) => [r.kind, r.size])).toEqual([
      ["healthCenter", 469],
      ["zensu", 3000],
      ["teiten", 300],
    ]);
    // The form is watched with the master sheets it follows, and coloured.
    expect(p.gateway.calls.find((c) => c.method === "watch")!.args).toEqual([SHEET, masterSheets]);
    expect([p.gateway.fill(SHEET, "A4"), p.gateway.fill(SHEET, "A16"), p.gateway.fill(SHEET, "K17")]).toEqual(["complete", "gap", "problem"]);
    expect(state.busy).toBeUndefined();
    expect(state.working).toBe(false);
  });

  it("prefers the active sheet among several form sheets", async () => {
    const workbook = await sampleFormWorkbook();
    const form = workbook.find((s) => s.name === SHEET)!;
    const p = paneParts([...workbook, { name: "別紙2（追加）", values: form.values.slice(0, 6) }]);
    p.gateway.active = "別紙2（追加）";
    await p.form.start();
    expect(p.session.state.check!.sheet).toBe("別紙2（追加）");
    expect(summaryOf(p)).toMatchObject({ rows: 3 });
  });

  it("without a form sheet: says so (phase no-form), lists the sheets and reads no form", async () => {
    const masters = (await sampleFormWorkbook()).filter((s) => s.name !== SHEET);
    const p = paneParts(masters);
    await p.form.start();
    expect(p.session.state.phase).toBe("no-form");
    expect(p.session.state.sheets.map((s) => s.name)).toEqual(masters.map((s) => s.name));
    expect(p.session.state.check).toBeUndefined();
    expect(p.gateway.calls.some((c) => c.method === "readForm")).toBe(false);
  });

  it("watches before it reads: a row edited while the form is being read is re-checked right after", async () => {
    const p = paneParts(await sampleFormWorkbook());
    const read = p.gateway.readForm.bind(p.gateway);
    p.gateway.readForm = async (sheet, onProgress) => {
      const snapshot = await read(sheet, onProgress);
      await p.gateway.edit(SHEET, { C14: "03-5555-1234" }); // after the snapshot: the read did not see it
      return snapshot;
    };
    await p.form.start();
    await p.idle();
    expect(findingCells(p)).not.toContain("C14");
    expect(p.session.state.check!.mode).toBe("incremental");
    expect(summaryOf(p)).toMatchObject({ complete: 11, errors: 3 });
  });
});

describe("FormController.open and recheck", () => {
  it("再チェック reads the whole form again (a change Excel did not report is then seen)", async () => {
    const p = await openedParts(await sampleFormWorkbook());
    const version = p.session.state.check!.version;
    p.gateway.sheets.get(SHEET)![13][2] = "03-5555-1234"; // C14, without a change event
    await p.form.recheck();
    expect(p.session.state.check!.version).toBe(version + 1);
    expect(p.session.state.check!.mode).toBe("full");
    expect(findingCells(p)).not.toContain("C14");
  });

  it("a sheet that cannot be opened: the sentence names it with why, and the previous check stays", async () => {
    const p = await openedParts(await sampleFormWorkbook());
    const before = p.session.state.check;
    const from = p.gateway.calls.length;
    p.gateway.failNext("readForm", { code: "GeneralException", message: "" });
    await p.form.open(SHEET);
    expect(callsSince(p, from)).toContain("readForm");
    expect(p.session.state.check).toBe(before);
    expect(p.session.state.phase).toBe("ready");
    const [place, intent, text] = messagesOf(p)[0];
    expect([place, intent]).toEqual(["form", "error"]);
    expect(text).toContain(`シート「${SHEET}」を申請様式として開けませんでした。`);
  });

  it("a sheet without the form's header: the sentence says so, and there is still no form", async () => {
    const masters = (await sampleFormWorkbook()).filter((s) => s.name !== SHEET);
    const p = await openedParts(masters);
    await p.form.open(masters[0].name);
    expect(p.session.state.phase).toBe("no-form");
    expect(messagesOf(p)[0][2]).toContain("申請様式の見出し");
  });
});

describe("FormController.deleted", () => {
  it("the form sheet deleted: no check, no more listening, the user is told and chooses from the sheets left", async () => {
    const p = paneParts(await sampleFormWorkbook());
    const listeners = countListeners(p.gateway);
    await p.form.start();
    expect(listeners()).toBe(2);
    p.gateway.sheets.delete(SHEET);
    await p.form.deleted(SHEET);
    const state = p.session.state;
    expect([state.phase, state.check, state.rowDetail, state.selectedRow]).toEqual(["no-form", undefined, undefined, undefined]);
    expect(state.sheets.map((s) => s.name)).not.toContain(SHEET);
    expect(messagesOf(p)).toEqual([["form", "warning", `シート「${SHEET}」が削除されました。申請様式のシートを選んでください。`]]);
    expect(listeners()).toBe(0);
    expect(p.checked.checker).toBeUndefined();
  });
});

describe("FormController on a sheet whose columns were moved", () => {
  it("checks the sheet by its own columns and says once which items were found where", async () => {
    const workbook = await sampleFormWorkbook();
    const form = workbook.find((s) => s.name === SHEET)!;
    // フリガナ inserted after 利用者名: every column from C one to the right.
    const moved = form.values.map((r, i) => [...r.slice(0, 2), i === 2 ? "フリガナ" : null, ...r.slice(2)]);
    const p = paneParts([...workbook.filter((s) => s.name !== SHEET), { name: SHEET, values: moved }]);
    await p.form.start();
    const notices = p.session.state.check!.notices.filter((n) => n.code.startsWith("columns."));
    expect(notices.map((n) => [n.code, n.severity])).toEqual([
      ["columns.form-tab", "info"],
      ["columns.extra", "info"],
    ]);
    expect(notices[0].params.details).toContain("連絡先電話番号→D列");

    const untouched = paneParts(workbook);
    await untouched.form.start();
    expect(untouched.session.state.check!.notices.filter((n) => n.code.startsWith("columns."))).toEqual([]);
    const shifted = (c: string) => (columnIndex(c) >= 2 ? columnLetter(columnIndex(c) + 1) : c);
    expect(findingCells(p)).toEqual(findingCells(untouched).map((cell) => cell.replace(/^[A-Z]+/, shifted)));
  });
});
