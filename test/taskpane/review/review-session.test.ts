import "../support/jsdom-gaps";
// ReviewSession on its own: what every step of the review shares — one current message per place, and Office tasks
// run in the given queue with their spinner, a failure becoming the task's whole sentence and why at its place.
import { DEFAULT_PROFILE } from "../../../src/domain";
import type { ReviewGateway } from "../../../src/excel/review-gateway-types";
import { ReviewSession } from "../../../src/taskpane/review/review-session";
import { TaskQueue } from "../../../src/taskpane/state/task-queue";

const session = (queue = new TaskQueue()) => new ReviewSession({ review: {} as ReviewGateway, profile: DEFAULT_PROFILE, queue });
const shown = (s: ReviewSession) => s.store.get().messages.map((m) => [m.place, m.intent, m.text]);

describe("ReviewSession", () => {
  it("a place shows one current message: a new one replaces it, other places keep theirs, and it can be dismissed", () => {
    const s = session();
    s.say("review", "success", "取り込みました。");
    s.say("export", "warning", "承認した申請がありません。");
    s.say("review", "error", "取り込めませんでした。");
    expect(shown(s)).toEqual([
      ["export", "warning", "承認した申請がありません。"],
      ["review", "error", "取り込めませんでした。"],
    ]);
    s.dismiss(s.store.get().messages[0].id);
    expect(shown(s)).toEqual([["review", "error", "取り込めませんでした。"]]);
  });

  it("a task shows what it is doing while it runs, and returns its result", async () => {
    const s = session();
    let busyWhileRunning: string | undefined;
    const result = await s.run("review", "審査結果シートの作成", async () => {
      busyWhileRunning = s.store.get().busy;
      return 42;
    });
    expect(busyWhileRunning).toBe("審査結果シートを作成しています");
    expect(result).toBe(42);
    expect(s.store.get().busy).toBeUndefined();
  });

  it("a failed task says its whole sentence and why (from the Office error code) at its place", async () => {
    const s = session();
    const result = await s.run("export", "登録用CSVの出力", async () => {
      throw { code: "InvalidOperationInCellEditMode", message: "" };
    });
    expect(result).toBeUndefined();
    expect(shown(s)).toEqual([["export", "error", "登録用CSVを出力できませんでした。Excelでセルを編集中のため操作できません。Enterキーで入力を確定してから、もう一度お試しください。"]]);
    expect(s.store.get().busy).toBeUndefined();
  });

  it("tasks run in the queue it was given, after what was queued there before", async () => {
    const queue = new TaskQueue();
    const s = session(queue);
    const order: string[] = [];
    const first = queue.run(async () => void order.push("form tab"));
    const second = s.run("review", "判定の保存", async () => void order.push("review"));
    expect(queue.size).toBe(2);
    await Promise.all([first, second]);
    expect(order).toEqual(["form tab", "review"]);
  });
});
