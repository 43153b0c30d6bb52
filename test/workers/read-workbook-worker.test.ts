// The pane's workbook worker, run in Node with a stand-in worker scope: bytes in, progress and the read result out;
// and the two-worker read of a big file, the shared strings coming from a second worker through a MessageChannel.
import { strToU8, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { DEFAULT_PROFILE, mastersFromSheets, messageOf, readXlsx } from "../../src/domain";
import type { WorkerReply, WorkerRequest } from "../../src/taskpane/workers/read-workbook-protocol";
import { unpackMasterData, unpackSearchKeys } from "../../src/taskpane/workers/packed-masters";
import { miniXlsx, miniXlsxFiles } from "../support/minimal-xlsx";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

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

  /** The worker's replies to one request, once it has answered. */
  async function answered(request: WorkerRequest): Promise<WorkerReply[]> {
    const finished = new Promise<void>((resolve) => {
      scope.postMessage = (m) => {
        posted.push(m);
        if (m.type === "done" || m.type === "masters") resolve();
      };
    });
    scope.onmessage!({ data: request });
    await finished;
    scope.postMessage = (m) => posted.push(m);
    return posted;
  }

  it("answers with progress and the sheets", async () => {
    const bytes = miniXlsx([{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row>` }]);
    await answered({ type: "read", bytes: bytes.slice().buffer, fileName: "a.xlsx" });
    const done = posted[posted.length - 1];
    expect(posted.some((m) => m.type === "progress")).toBe(true);
    expect(done).toEqual({ type: "done", result: { ok: true, sheets: [expect.objectContaining({ name: "S", values: [[1]], state: "visible" })] } });
  });

  it("answers an unreadable file with the Japanese problem, not an exception", async () => {
    await answered({ type: "read", bytes: new Uint8Array([1, 2, 3]).buffer, fileName: "b.xlsx" });
    expect(posted).toEqual([{ type: "done", result: { ok: false, problem: expect.objectContaining({ code: "file.not-xlsx", place: { file: "b.xlsx" } }) } }]);
    const done = posted[0];
    expect(done.type === "done" && !done.result.ok && messageOf(done.result.problem)).toContain("「b.xlsx」");
  });

  /** The pane's two workers, played by this one module: the helper's strings reach the reader through a channel. */
  async function readApart(bytes: Uint8Array, fileName: string, extra: Partial<Extract<WorkerRequest, { type: "read" }>> = {}, helperFails = false): Promise<WorkerReply> {
    const channel = new MessageChannel();
    const finished = new Promise<WorkerReply>((resolve) => {
      scope.postMessage = (m) => {
        posted.push(m);
        if (m.type === "done" || m.type === "masters") resolve(m);
      };
    });
    scope.onmessage!({ data: { type: "read", bytes: bytes.slice().buffer, fileName, stringsPort: channel.port2 as unknown as MessagePort, ...extra } });
    if (helperFails) scope.onmessage!({ data: { type: "strings", result: undefined } });
    else scope.onmessage!({ data: { type: "sharedStrings", bytes: bytes.slice().buffer, fileName, port: channel.port1 as unknown as MessagePort } });
    const reply = await finished;
    channel.port1.close();
    scope.postMessage = (m) => posted.push(m);
    return reply;
  }

  it("reads a chosen file itself (a Blob), as it reads bytes", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_FORM));
    const replies = await answered({ type: "read", bytes: new Blob([bytes]), fileName: "f.xlsx" });
    expect(replies[replies.length - 1]).toEqual({ type: "done", result: readXlsx(bytes, "f.xlsx") });
  });

  it.each([
    ["the sample form", SAMPLE_FORM],
    ["the sample masters", SAMPLE_MASTERS],
  ])("%s read by two workers gives what readXlsx gives, and the helper says when its strings are sent", async (_, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const reply = await readApart(bytes, "f.xlsx");
    expect(reply).toEqual({ type: "done", result: readXlsx(bytes, "f.xlsx") });
    expect(posted.filter((m) => m.type === "stringsSent")).toHaveLength(1);
  });

  it("when the helper fails, the reader reads the strings itself; the masters come back indexed", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_MASTERS));
    const reply = await readApart(bytes, "m.xlsx", { indexMastersFor: DEFAULT_PROFILE }, true);
    if (reply.type !== "masters" || !reply.result.ok) throw new Error(`unexpected reply ${reply.type}`);
    expect(reply.result.masters.map((m) => m.kind).sort()).toEqual(["healthCenter", "teiten", "zensu"]);
    const zensu = reply.result.masters.find((m) => m.kind === "zensu")!;
    const data = await unpackMasterData(zensu, async () => undefined);
    const sheet = readXlsx(bytes, "m.xlsx");
    const values = sheet.ok ? sheet.sheets.find((s) => s.name === "医療機関マスタ（全数）")!.values : [];
    expect(data.codes.slice(0, 3)).toEqual(values.slice(1, 4).map((r) => r[0]));
    expect(posted.some((m) => m.type === "stringsSent")).toBe(false);
    // The search keys come right after, one column per master in the same order, as the index makes them.
    expect(zensu.searchKeys).toBeUndefined();
    const keys = posted[posted.indexOf(reply) + 1];
    if (keys?.type !== "searchKeys") throw new Error("no search keys after the masters");
    const whole = mastersFromSheets(sheet.ok ? sheet.sheets : [], DEFAULT_PROFILE, "m.xlsx");
    for (const [i, m] of reply.result.masters.entries()) {
      const expected = whole.find((w) => w.kind === m.kind)!.index.searchKeyList();
      expect(expected.length).toBeGreaterThan(0);
      expect(await unpackSearchKeys(keys.keys[i], async () => undefined)).toEqual(expected);
    }
  });

  it("a chosen file read by the worker itself: the pane's word that the helper failed, come meanwhile, is not lost", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_FORM));
    const reply = await readApart(bytes, "f.xlsx", { bytes: new Blob([bytes]) }, true);
    expect(reply).toEqual({ type: "done", result: readXlsx(bytes, "f.xlsx") });
  });

  it("a damaged shared strings part is the problem reported, as readXlsx reports it", async () => {
    const files = miniXlsxFiles([{ name: "S", data: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }], { sharedXml: ["<t>a</t>"] });
    files["xl/sharedStrings.xml"] = strToU8(`<sst><si><t>a</t></si><`);
    const bytes = zipSync(files);
    const reply = await readApart(bytes, "壊れ.xlsx");
    expect(reply).toEqual({ type: "done", result: readXlsx(bytes, "壊れ.xlsx") });
    expect(reply.type === "done" && !reply.result.ok && reply.result.problem.params.part).toBe("xl/sharedStrings.xml");
  });
});
