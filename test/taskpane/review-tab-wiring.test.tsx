import "./support/jsdom-gaps";
// The pane gives both tabs what they work with the same way: the review tab gets the review gateway from
// App's props and queues its Office calls in the form controller's queue.
import { act, fireEvent, screen } from "@testing-library/react";
import type { ReviewGateway } from "../../src/excel/review-gateway-types";
import { sampleFormWorkbook } from "./support/sample-workbook";
import { renderPane } from "./support/render-pane";
import { until } from "./support/queries";

/** A review workbook with nothing in it yet; each Office call is written to `log`. */
function emptyReviewWorkbook(log: string[]): ReviewGateway {
  const call = async <T,>(name: string, value: T) => (log.push(name), value);
  return {
    capabilities: () => ({ insertWorksheets: true, settings: true }),
    sheetNames: () => call("sheetNames", ["申請様式"]),
    readRecord: () => call("readRecord", null),
    writeRecord: () => call("writeRecord", undefined),
    addSubmissionSheet: (input) => call("addSubmissionSheet", { how: "inserted" as const, sheetName: input.sheetName }),
    deleteSheet: () => call("deleteSheet", undefined),
    writeTextSheet: () => call("writeTextSheet", undefined),
    activateSheet: () => call("activateSheet", undefined),
  };
}

it("the review tab reads its record through the review gateway App was given, after the form tab's queued task", async () => {
  const log: string[] = [];
  const { controller, settle } = await renderPane(await sampleFormWorkbook(), undefined, undefined, undefined, emptyReviewWorkbook(log));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let seenWhileFormTaskRan: string[] | undefined;
  const formTask = controller.queue.run(async () => {
    await released;
    seenWhileFormTaskRan = [...log];
  });
  fireEvent.click(screen.getByRole("tab", { name: "審査（自治体）" }));
  await until(() => expect(screen.getByText("審査の記録を確認しています")).toBeTruthy(), async () => void (await act(() => Promise.resolve())));
  release();
  await act(() => formTask);
  await until(() => expect(screen.getByRole("tab", { name: "① 受付・審査" })).toBeTruthy(), settle);
  expect(seenWhileFormTaskRan).toEqual([]);
  expect(log).toEqual(["readRecord"]);
  // One store: the review's state is the `review` slice of the pane's store, which the review tab renders.
  expect(controller.store.get().review?.phase).toBe("ready");
  const id = controller.store.get().review!.messages.length;
  act(() => controller.store.set((s) => ({ review: { ...s.review!, messages: [...s.review!.messages, { id: 9999 + id, place: "review", intent: "info", text: "ペインのストアから表示されます" }] } })));
  expect(screen.getByText("ペインのストアから表示されます")).toBeTruthy();
});
