// The pane's workbook worker, run in Node with a stand-in worker scope: bytes in, progress and the read result out.
import type { WorkerReply, WorkerRequest } from "../../src/taskpane/workers/read-workbook-protocol";
import { miniXlsx } from "../support/minimal-xlsx";

interface FakeScope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(m: WorkerReply): void;
}

describe("read-workbook.worker", () => {
  const posted: WorkerReply[] = [];
  const scope: FakeScope = { onmessage: null, postMessage: (m) => posted.push(m) };

  beforeAll(async () => {
    (globalThis as unknown as { self: FakeScope }).self = scope;
    await import("../../src/taskpane/workers/read-workbook.worker");
  });
  afterAll(() => {
    delete (globalThis as unknown as { self?: FakeScope }).self;
  });
  beforeEach(() => (posted.length = 0));

  it("answers with progress and the sheets", () => {
    const bytes = miniXlsx([{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row>` }]);
    scope.onmessage!({ data: { bytes: bytes.slice().buffer, fileName: "a.xlsx" } });
    const done = posted[posted.length - 1];
    expect(posted.some((m) => m.type === "progress")).toBe(true);
    expect(done).toEqual({ type: "done", result: { ok: true, sheets: [expect.objectContaining({ name: "S", values: [[1]], state: "visible" })] } });
  });

  it("answers an unreadable file with the Japanese problem, not an exception", () => {
    scope.onmessage!({ data: { bytes: new Uint8Array([1, 2, 3]).buffer, fileName: "b.xlsx" } });
    expect(posted).toEqual([{ type: "done", result: { ok: false, problem: expect.objectContaining({ code: "file.not-xlsx", message: expect.stringContaining("b.xlsx") }) } }]);
  });
});
