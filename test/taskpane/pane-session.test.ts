import "./support/jsdom-gaps";
// PaneSession on its own: what every part of the form tab shares — one current message per place (only the newest fix
// offering 元に戻す), and Office tasks run one at a time in the queue, with the pane's working state, a failure becoming
// the task's whole sentence and why at its place, and a success clearing the place's earlier failure.
import { DEFAULT_PROFILE } from "../../src/domain";
import { PaneSession } from "../../src/taskpane/state/pane-session";
import { FakeGateway } from "./support/fake-gateway";

const session = () => new PaneSession(new FakeGateway([]), DEFAULT_PROFILE);
const shown = (s: PaneSession) => s.state.messages.map((m) => [m.place, m.intent, m.text, m.undo ?? false]);

describe("PaneSession messages", () => {
  it("a place shows one current message, newest first; 元に戻す is offered by the newest message only", () => {
    const s = session();
    s.say("masters", "warning", "マスタの警告");
    s.say("form", "error", "開けませんでした。");
    s.say("masters", "success", "読み込みました。");
    s.say("fix", "success", "まとめて修正しました。", true);
    expect(shown(s)).toEqual([
      ["fix", "success", "まとめて修正しました。", true],
      ["masters", "success", "読み込みました。", false],
      ["form", "error", "開けませんでした。", false],
    ]);
    s.say("form", "warning", "シートが削除されました。");
    expect(shown(s).map((m) => m[3])).toEqual([false, false, false]);
  });

  it("a one-click fix's confirmation takes 元に戻す from the message bar; a bulk fix's replaces it", () => {
    const s = session();
    s.say("fix", "success", "まとめて修正しました。", true);
    s.note({ intent: "success", text: "修正しました。", undo: true, near: "D15 email.fullwidth" });
    expect(shown(s)).toEqual([["fix", "success", "まとめて修正しました。", false]]);
    expect(s.state.fixNote).toMatchObject({ text: "修正しました。", undo: true, near: "D15 email.fullwidth" });
    s.say("fix", "success", "まとめて修正しました（2回目）。", true);
    expect(s.state.fixNote).toBeUndefined();
  });
});

describe("PaneSession tasks", () => {
  it("run one at a time in the order queued; the pane is working until the last has finished", async () => {
    const s = session();
    const order: string[] = [];
    let release!: () => void;
    const first = s.task("form", "一つ目に失敗", () => new Promise<void>((r) => (release = () => (order.push("first"), r()))));
    const second = s.task("form", "二つ目に失敗", async () => void order.push("second"));
    expect(s.state.working).toBe(true);
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(s.state.working).toBe(false);
  });

  it("a failure is its sentence and why at its place; a later success there clears it, other places keep theirs", async () => {
    const s = session();
    s.say("masters", "error", "マスタを読み込めませんでした。");
    s.store.set({ busy: { label: "読み込んでいます" }, phase: "loading" });
    await s.task("form", "申請様式を開けませんでした。", async () => {
      throw { code: "ItemNotFound", message: "" };
    });
    const [place, intent, text] = shown(s)[0];
    expect([place, intent]).toEqual(["form", "error"]);
    expect(text).toMatch(/^申請様式を開けませんでした。.+/);
    // Nothing is left spinning, and with no check the pane says there is no form.
    expect([s.state.busy, s.state.phase]).toEqual([undefined, "no-form"]);

    await s.task("form", "申請様式を開けませんでした。", async () => undefined);
    expect(shown(s)).toEqual([["masters", "error", "マスタを読み込めませんでした。", false]]);
  });
});
