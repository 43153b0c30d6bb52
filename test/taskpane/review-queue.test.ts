import "./support/jsdom-gaps";
// One queue for Office calls: the review's tasks run one at a time in the pane's queue, so two actions
// issued together never interleave their Office calls, and a review action waits for a task the form tab queued.
import { DEFAULT_PROFILE } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import type { ReviewGateway } from "../../src/excel/review-gateway-types";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { TaskQueue } from "../../src/taskpane/state/task-queue";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";

let files: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [
    { name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes()) },
    { name: "緑71診療所.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 7))) },
  ];
});

/** The review gateway with every Office call written to `log` when it starts ("→name") and when it ends ("←name"). */
function logged(gateway: ReviewGateway, log: string[]): ReviewGateway {
  return new Proxy(gateway, {
    get(target, key: keyof ReviewGateway) {
      const member = target[key];
      if (typeof member !== "function" || key === "capabilities") return member;
      return async (...args: unknown[]) => {
        log.push(`→${key}`);
        try {
          return await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          log.push(`←${key}`);
        }
      };
    },
  });
}

async function started(queue = new TaskQueue()) {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const log: string[] = [];
  const review = new ReviewController({ review: logged(createReviewGateway(), log), excel: createExcelGateway(), profile: DEFAULT_PROFILE, queue, downloads: () => "allowed", download: () => undefined });
  await review.start();
  log.length = 0;
  return { model, review, log, queue };
}

const input = (f: { name: string; bytes: Uint8Array }) => ({ name: f.name, bytes: async () => f.bytes });

describe("the review's Office calls go through the pane's one queue", () => {
  it("two imports issued together run one after the other: no call of the second starts before the first has finished", async () => {
    const { model, review, log } = await started();
    await Promise.all([review.importFiles([input(files[0])]), review.importFiles([input(files[1])])]);
    const oneImport = ["→sheetNames", "←sheetNames", "→addSubmissionSheet", "←addSubmissionSheet", "→writeRecord", "←writeRecord"];
    expect(log).toEqual([...oneImport, ...oneImport]);
    // Run together, each would have taken the first free id and both sheets would be S001.
    expect(review.store.get().submissions.map((s) => [s.id, s.sheetName])).toEqual([
      ["S001", "S001_山手10医院"],
      ["S002", "S002_緑71診療所"],
    ]);
    expect(model.sheetByName("S002_緑71診療所")).toBeDefined();
  });

  it("a decision saved while the report sheet is written waits for it", async () => {
    const { review, log } = await started();
    await review.importFiles(files.map(input));
    log.length = 0;
    await Promise.all([review.writeReportSheet(), review.setDecision("S001", { status: "承認" }), review.exportCsvToSheet()]);
    expect(log).toEqual(["→writeTextSheet", "←writeTextSheet", "→writeRecord", "←writeRecord", "→writeTextSheet", "←writeTextSheet"]);
  });

  it("a review action waits for the task the form tab queued before it in the same queue", async () => {
    const queue = new TaskQueue();
    const { review, log } = await started(queue);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let seenWhileFormTaskRan: string[] | undefined;
    const formTask = queue.run(async () => {
      await released;
      seenWhileFormTaskRan = [...log];
    });
    const reviewTask = review.writeReportSheet();
    release();
    await Promise.all([formTask, reviewTask]);
    expect(seenWhileFormTaskRan).toEqual([]);
    expect(log).toEqual(["→writeTextSheet", "←writeTextSheet"]);
  });
});
