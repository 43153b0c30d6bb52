import "./support/jsdom-gaps";
// WatchController on its own: what the pane does while Excel tells it of changes — edited rows re-checked
// incrementally (in one queued task, however many events come while the queue is busy), every other change and the
// user's selections handed to their reactions (recorded here), and no listening once the pane is closed. On the sample
// form over the fake Excel boundary; the test waits on the queue, never on the clock.
import type { SheetChange } from "../../src/excel/gateway-types";
import type { SheetReactions } from "../../src/taskpane/state/watch-controller";
import { FULL_CAPABILITIES } from "./support/fake-gateway";
import { findingCells, messagesOf, paneParts, SHEET, type PaneParts, type PartsOptions } from "./support/pane-parts";
import { sampleFormWorkbook } from "./support/sample-workbook";

type Reaction = [keyof SheetReactions, unknown];

interface Watched extends PaneParts {
  reactions: Reaction[];
  /** Sends a change, or a failure to read one, as the Excel layer does to the pane's current listener. */
  send(change: SheetChange): void;
  failToRead(error: unknown): void;
  /** Listeners the pane has now, by kind. */
  listeners(): { changes: number; selection: number };
  /** The next stop of a change listener rejects. */
  failNextStop(error: unknown): void;
}

/** The sample form opened with the reactions recorded, and the gateway's listeners counted. */
async function watched(options: PartsOptions = {}): Promise<Watched> {
  const reactions: Reaction[] = [];
  const record =
    (name: keyof SheetReactions) =>
    (arg?: unknown): void =>
      void reactions.push([name, arg]);
  const p = paneParts(await sampleFormWorkbook(), {
    ...options,
    reactions: { reopen: record("reopen"), restart: () => record("restart")(), deleted: record("deleted"), masterChanged: record("masterChanged"), selected: record("selected") },
  });
  const active = { changes: 0, selection: 0 };
  let listener: { onChange: (c: SheetChange) => void; onError?: (e: unknown) => void } | undefined;
  let stopFailure: unknown;
  const { gateway } = p;
  const watch = gateway.watch.bind(gateway);
  const onSelection = gateway.onSelection.bind(gateway);
  // The fake never fails to read a change; the Excel layer's error callback is kept to call it.
  gateway.watch = async (form: string, masters: readonly string[], onChange: (c: SheetChange) => void, onError?: (e: unknown) => void) => {
    const w = await watch(form, masters, onChange);
    listener = { onChange, onError };
    active.changes++;
    return {
      ...w,
      stop: async () => {
        if (stopFailure) {
          const e = stopFailure;
          stopFailure = undefined;
          throw e;
        }
        await w.stop();
        active.changes--;
      },
    };
  };
  gateway.onSelection = async (sheet, onSelect) => {
    const off = await onSelection(sheet, onSelect);
    active.selection++;
    return () => off().then(() => void active.selection--);
  };
  await p.form.start();
  return Object.assign(p, {
    reactions,
    send: (change: SheetChange) => listener!.onChange(change),
    failToRead: (error: unknown) => listener!.onError!(error),
    listeners: () => ({ ...active }),
    failNextStop: (error: unknown) => void (stopFailure = error),
  });
}

/** Holds the queue (as a long read would) until the returned function is called. */
function holdQueue(p: PaneParts): () => void {
  let release!: () => void;
  void p.session.queue.run(() => new Promise<void>((r) => (release = r)));
  return () => release();
}

describe("WatchController: edited rows", () => {
  it("an edit re-checks only the rows changed and recolours only them", async () => {
    const p = await watched();
    const { version } = p.session.state.check!;
    const plans = p.gateway.highlightPlans.length;
    await p.gateway.edit(SHEET, { C14: "03-5555-1234" });
    await p.idle();
    const check = p.session.state.check!;
    expect([check.version, check.mode, check.changedRows]).toEqual([version + 1, "incremental", [14]]);
    expect(findingCells(p)).not.toContain("C14");
    expect(p.gateway.highlightPlans.slice(plans).map((plan) => [plan.resetRows, plan.completeRows])).toEqual([[[14], [14]]]);
    expect(p.gateway.calls.filter((c) => c.method === "readForm")).toHaveLength(1);
  });

  it("edits that arrive while the queue is busy are re-checked in one task, with each row's latest cells", async () => {
    const p = await watched();
    const { version } = p.session.state.check!;
    const release = holdQueue(p);
    await p.gateway.edit(SHEET, { C14: "x" });
    await p.gateway.edit(SHEET, { C14: "03-5555-1234" });
    await p.gateway.edit(SHEET, { D15: "tanaka@example-hosp.jp" });
    // Queued: the held task and one re-check.
    expect(p.session.queue.size).toBe(2);
    expect(p.session.state.check!.version).toBe(version);
    release();
    await p.idle();
    const check = p.session.state.check!;
    expect(check.version).toBe(version + 1);
    expect(check.changedRows).toEqual([14, 15]);
    expect(findingCells(p)).not.toContain("C14");
    expect(findingCells(p)).not.toContain("D15");
  });

  it("with highlights off, an edit is re-checked but nothing is coloured", async () => {
    const p = await watched();
    p.session.store.set({ highlights: false });
    const plans = p.gateway.highlightPlans.length;
    await p.gateway.edit(SHEET, { C14: "03-5555-1234" });
    await p.idle();
    expect(findingCells(p)).not.toContain("C14");
    expect(p.gateway.highlightPlans).toHaveLength(plans);
  });
});

describe("WatchController: other changes and selections go to their reactions", () => {
  it("a master sheet edited, the form sheet deleted, renamed or changed as a whole, a cell selected", async () => {
    const p = await watched();
    await p.gateway.edit("保健所マスタ", { C5: "改称保健所" });
    p.send({ kind: "reload", sheet: SHEET, reason: "deleted" });
    p.send({ kind: "reload", sheet: SHEET, reason: "renamed" });
    p.send({ kind: "reload", sheet: SHEET, reason: "structure" });
    p.gateway.userSelects(SHEET, "E17");
    expect(p.reactions).toEqual([
      ["masterChanged", "保健所マスタ"],
      ["deleted", SHEET],
      ["restart", undefined],
      ["reopen", SHEET],
      ["selected", { row: 17, column: "E" }],
    ]);
  });

  it("a failure to read the changes is said at the form, with why", async () => {
    const p = await watched();
    p.failToRead({ code: "GeneralException", message: "" });
    const [[place, intent, text]] = messagesOf(p);
    expect([place, intent]).toEqual(["form", "error"]);
    expect(text).toMatch(/^変更されたセルを読み込めませんでした。/);
  });
});

describe("WatchController: when to listen", () => {
  it("a host without change or selection events: nothing is listened to, and the pane still opens the form", async () => {
    const p = await watched({ caps: { ...FULL_CAPABILITIES, changeEvents: false, selectionEvents: false } });
    expect(p.gateway.calls.some((c) => c.method === "watch" || c.method === "onSelection")).toBe(false);
    expect(p.session.state.phase).toBe("ready");
    await p.gateway.edit(SHEET, { C14: "03-5555-1234" });
    await p.idle();
    expect(findingCells(p)).toContain("C14");
  });

  it("rewatch listens again with the master sheets followed now, the old listeners stopped", async () => {
    const p = await watched();
    expect(p.listeners()).toEqual({ changes: 1, selection: 1 });
    p.session.store.set({ masterOrigins: { healthCenter: { from: "sheet", sheet: "HC" }, zensu: { from: "file", fileName: "z.csv" } } });
    await p.watch.rewatch();
    expect(p.gateway.calls.filter((c) => c.method === "watch").at(-1)!.args).toEqual([SHEET, ["HC"]]);
    expect(p.listeners()).toEqual({ changes: 1, selection: 1 });
  });

  it("a listener that cannot be stopped: a warning at the form; the selection listener is stopped all the same", async () => {
    const p = await watched();
    p.failNextStop({ code: "GeneralException", message: "" });
    await p.watch.stop();
    expect(p.listeners().selection).toBe(0);
    const [[place, intent, text]] = messagesOf(p);
    expect([place, intent]).toEqual(["form", "warning"]);
    expect(text).toMatch(/^変更の監視を止められませんでした。/);
  });

  it("once disposed: no listener left, and a change still on its way is ignored", async () => {
    const p = await watched();
    await p.watch.dispose();
    expect(p.listeners()).toEqual({ changes: 0, selection: 0 });
    const { version } = p.session.state.check!;
    p.send({ kind: "rows", sheet: SHEET, rows: await p.gateway.readRows(SHEET, [14]) });
    p.send({ kind: "reload", sheet: SHEET, reason: "structure" });
    await p.idle();
    expect(p.session.state.check!.version).toBe(version);
    expect(p.reactions).toEqual([]);
    // Opening a form again does not listen either.
    await p.watch.watchForm(SHEET);
    expect(p.listeners()).toEqual({ changes: 0, selection: 0 });
  });
});
