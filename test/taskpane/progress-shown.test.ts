import "./support/jsdom-gaps";
import { DEFAULT_PROFILE } from "../../src/domain";
import { PaneController, type MasterFileReader } from "../../src/taskpane/state/controller";
import { FakeGateway, FULL_CAPABILITIES } from "./support/fake-gateway";

/** Each progress the pane's state shows, once (the store also tells of other changes). */
function recordProgress(controller: PaneController, text: (busy: { label: string; done?: number; total?: number }) => string | number): (string | number)[] {
  const shown: (string | number)[] = [];
  let last: unknown;
  controller.store.subscribe(() => {
    const busy = controller.store.get().busy;
    if (busy?.total && busy !== last) shown.push(text(busy));
    last = busy;
  });
  return shown;
}

/** A master file reader that reports `steps` progress steps of each phase at once, as a fast worker does, and finds no master. */
function reporting(phases: string[], steps: number): MasterFileReader {
  return async (_file, _profile, onProgress) => {
    for (const phase of phases) for (let done = 1; done <= steps; done++) onProgress({ phase, done, total: steps });
    return [];
  };
}

describe("progress of a long step in the pane", () => {
  it("is shown on its first report, on a new phase and on its last, not on every report of a worker that reports fast", async () => {
    // The clock stands still: every report comes within the interval.
    const controller = new PaneController(new FakeGateway([], FULL_CAPABILITIES), DEFAULT_PROFILE, {
      readMasterFile: reporting(["読み込んでいます", "解析しています"], 50),
      now: () => 1000,
    });
    const shown = recordProgress(controller, (busy) => `${busy.label} ${busy.done}/${busy.total}`);
    await controller.loadMasterFromFile(new File(["x"], "m.xlsx"));
    // 100 reports at once: each phase's first and last are shown, the ones between are not.
    expect(shown).toEqual(["「m.xlsx」を読み込んでいます 1/50", "「m.xlsx」を読み込んでいます 50/50", "「m.xlsx」を解析しています 1/50", "「m.xlsx」を解析しています 50/50"]);
  });

  it("is shown again once the interval has passed", async () => {
    let now = 1000;
    const reader: MasterFileReader = async (_file, _profile, onProgress) => {
      for (let done = 1; done <= 10; done++) {
        onProgress({ phase: "解析しています", done, total: 10 });
        now += 40;
      }
      return [];
    };
    const controller = new PaneController(new FakeGateway([], FULL_CAPABILITIES), DEFAULT_PROFILE, { readMasterFile: reader, now: () => now });
    const shown = recordProgress(controller, (busy) => busy.done!);
    await controller.loadMasterFromFile(new File(["x"], "m.xlsx"));
    // Reports 40 ms apart: one shown about every 150 ms, and the last.
    expect(shown).toEqual([1, 5, 9, 10]);
  });
});
