import "./support/jsdom-gaps";
// MastersController on its own: masters read from the workbook's sheets or from a file chosen in the pane (the real
// reader), kept in the workbook when asked, followed when their sheet changes, and searched by the pickers — on the
// sample form and its masters over the fake Excel boundary. Each test checks the masters, the check of the form they
// lead to, the workbook and the message.
import Papa from "papaparse";
import { cellText, encodeText } from "../../src/domain";
import type { MasterFileReader } from "../../src/taskpane/state/masters-controller";
import { findingCells, messagesOf, openedParts, SHEET, type PaneParts } from "./support/pane-parts";
import { sampleFormWorkbook } from "./support/sample-workbook";

/** Node cannot fetch webpack chunks: the file reader is the real module, imported directly. */
const realReader: MasterFileReader = async (file, profile, onProgress, options) => {
  const { readMasterFile } = await import("../../src/taskpane/masters/read-master-file");
  return readMasterFile(file, profile, onProgress, options);
};

const HEALTH_CENTERS = "保健所マスタ";

/** The sample form without its master sheets: K17's unknown 保健所コード 99999 is not checked then. */
async function formOnly(): Promise<PaneParts> {
  const workbook = await sampleFormWorkbook();
  return openedParts(
    workbook.filter((s) => s.name === SHEET),
    { readMasterFile: realReader },
  );
}

/** The sample's 保健所マスタ as a Shift_JIS CSV file, as a municipality gets it. */
async function healthCenterCsv(): Promise<File> {
  const sheet = (await sampleFormWorkbook()).find((s) => s.name === HEALTH_CENTERS)!;
  const csv = Papa.unparse(sheet.values.map((r) => r.map((c) => cellText(c))), { newline: "\r\n" });
  return new File([encodeText(csv, "cp932") as BlobPart], "保健所マスタ.csv", { type: "text/csv" });
}

const lastWatched = (p: PaneParts) => p.gateway.calls.filter((c) => c.method === "watch").at(-1)!.args;

describe("MastersController.loadFromSheet", () => {
  it("a sheet of the workbook becomes the master its header names, and the form is checked against it", async () => {
    const p = await formOnly();
    expect(findingCells(p)).not.toContain("K17");
    const version = p.session.state.check!.version;
    const sheet = (await sampleFormWorkbook()).find((s) => s.name === HEALTH_CENTERS)!;
    p.gateway.sheets.set("HC2024", sheet.values);
    await p.masters.loadFromSheet("HC2024");
    const state = p.session.state;
    expect(state.masters.healthCenter!.size).toBe(469);
    expect(state.masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: "HC2024" });
    expect(state.lastMasterLoad!.map((r) => [r.kind, r.size, r.source])).toEqual([["healthCenter", 469, "シート「HC2024」"]]);
    // The rows already read are checked again (no re-read of the form).
    expect(state.check!.version).toBe(version + 1);
    expect(state.check!.mode).toBe("full");
    expect(findingCells(p)).toContain("K17");
    expect(p.gateway.calls.filter((c) => c.method === "readForm")).toHaveLength(1);
  });

  it("a sheet neither its name nor its header identify: says so; with the kind the user picks, it loads", async () => {
    const p = await formOnly();
    const sheet = (await sampleFormWorkbook()).find((s) => s.name === HEALTH_CENTERS)!;
    p.gateway.sheets.set("Sheet7", [sheet.values[0].map((_, i) => `列${i + 1}`), ...sheet.values.slice(1)]);
    await p.masters.loadFromSheet("Sheet7");
    expect(messagesOf(p)).toEqual([["masters", "error", "シート「Sheet7」はマスタとして判別できません。読み込むマスタの種類を選んでください。"]]);
    expect(p.session.state.masters.healthCenter).toBeUndefined();

    await p.masters.loadFromSheet("Sheet7", "healthCenter");
    expect(p.session.state.masters.healthCenter!.size).toBe(469);
    expect(findingCells(p)).toContain("K17");
  });
});

describe("MastersController.loadFromFile", () => {
  it("reads a master from a file chosen in the pane: kept in memory, the workbook unchanged, the form re-checked", async () => {
    const p = await formOnly();
    const sheetsBefore = [...p.gateway.sheets.keys()];
    await p.masters.loadFromFile(await healthCenterCsv());
    const state = p.session.state;
    expect(state.masterOrigins.healthCenter).toEqual({ from: "file", fileName: "保健所マスタ.csv" });
    expect(state.lastMasterLoad!.map((r) => [r.kind, r.size, r.duplicates])).toEqual([["healthCenter", 469, 0]]);
    expect(findingCells(p)).toContain("K17");
    expect([...p.gateway.sheets.keys()]).toEqual(sheetsBefore);
    expect(p.gateway.calls.some((c) => c.method === "writeValues" || c.method === "addValuesSheet")).toBe(false);
    // Listening again, still to no master sheet (a file has none to follow).
    expect(lastWatched(p)).toEqual([SHEET, []]);
    expect(state.busy).toBeUndefined();
  });

  it("a file with no master in it: says how masters are recognised, and nothing changes", async () => {
    const p = await formOnly();
    const before = p.session.state.check;
    await p.masters.loadFromFile(new File(["メモ,日付\r\nあ,2025/4/1\r\n"], "memo.csv", { type: "text/csv" }));
    const [[place, intent, text]] = messagesOf(p);
    expect([place, intent]).toEqual(["masters", "error"]);
    expect(text).toMatch(/^ファイル「memo.csv」にマスタが見つかりません。/);
    expect(p.session.state.check).toBe(before);
    expect(p.session.state.masters).toEqual({});
  });
});

describe("MastersController.saveToWorkbook and reloadSheet", () => {
  it("keeps a master read from a file as a new sheet, which the pane then follows like any master sheet", async () => {
    const p = await formOnly();
    await p.masters.loadFromFile(await healthCenterCsv());
    await p.masters.saveToWorkbook("healthCenter");
    const saved = p.gateway.sheets.get(HEALTH_CENTERS)!;
    expect(saved).toHaveLength(470);
    expect(saved[166][1]).toBe("25654"); // codes stay text
    expect(p.session.state.masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: HEALTH_CENTERS });
    expect(messagesOf(p)).toEqual([["masters", "success", "保健所マスタ（469件）をシート「保健所マスタ」としてブックに保存しました。"]]);
    expect(lastWatched(p)).toEqual([SHEET, [HEALTH_CENTERS]]);

    // Someone adds K17's code 99999 to the sheet: the master is read again and K17 is no longer a finding.
    await p.gateway.edit(HEALTH_CENTERS, { A471: "99", B471: "99999", C471: "新設保健所", G471: "253658" });
    await p.idle();
    expect(p.session.state.masters.healthCenter!.size).toBe(470);
    expect(findingCells(p)).not.toContain("K17");

    // Saved once: the file is no longer held, so there is nothing more to save.
    await p.masters.saveToWorkbook("healthCenter");
    expect(messagesOf(p)[0]).toEqual(["masters", "warning", "保健所マスタはファイルから読み込んでいないため、保存するものがありません。"]);
    expect(p.gateway.calls.filter((c) => c.method === "addValuesSheet")).toHaveLength(1);
  });

  it("a master sheet that changed is read again as the kind it was loaded as, though neither name nor header tells", async () => {
    const p = await formOnly();
    const sheet = (await sampleFormWorkbook()).find((s) => s.name === HEALTH_CENTERS)!;
    p.gateway.sheets.set("Sheet7", [sheet.values[0].map((_, i) => `列${i + 1}`), ...sheet.values.slice(1)]);
    await p.masters.loadFromSheet("Sheet7", "healthCenter");
    expect(findingCells(p)).toContain("K17");
    p.gateway.sheets.get("Sheet7")!.push(["99", "99999", "新設保健所", null, null, null, "253658"]);
    await p.masters.reloadSheet("Sheet7");
    expect(p.session.state.masters.healthCenter!.size).toBe(470);
    expect(p.session.state.masterOrigins.healthCenter).toEqual({ from: "sheet", sheet: "Sheet7" });
    expect(findingCells(p)).not.toContain("K17");
    expect(messagesOf(p)).toEqual([]);
  });
});

describe("the pickers' searches", () => {
  it("find 保健所 and institutions in the loaded masters, and nothing in a master not loaded", async () => {
    const p = await openedParts(await sampleFormWorkbook());
    expect(p.masters.searchHealthCenters("25654").map((r) => r.code)).toContain("25654");
    expect(p.masters.healthCenterRecord("25654")!.cityCode).toBe("253658");
    expect(p.masters.healthCenterRecord(undefined)).toBeUndefined();
    expect(p.masters.searchInstitutions("zensu", "ﾐﾅﾄ0", { limit: 5 }).map((r) => r.code)).toContain("1819100007");
    expect(p.masters.searchInstitutions("zensu", "ﾐﾅﾄ0", { limit: 5 }).length).toBeLessThanOrEqual(5);
    expect(p.masters.searchInstitutions("animal", "ﾐﾅﾄ0")).toEqual([]);
  });

  it("list the row's 保健所, then the form's, then its 都道府県's first (sample: the form names 25654, 06055 and 04033)", async () => {
    const p = await openedParts(await sampleFormWorkbook());
    const centers = p.masters.searchHealthCenters("ちゅうおう", { limit: 100 });
    // 47 中央 保健所 in the sample: the form's own (04033, 06055), its 都道府県's (滋賀県中央), then the rest by code.
    expect(centers.slice(0, 3).map((r) => r.name)).toEqual(["宮城県中央保健所", "山形中央市保健所", "滋賀県中央保健所"]);
    expect(centers.slice(3).map((r) => r.code)).toEqual(centers.slice(3).map((r) => r.code).sort());
    // The row's institution's 保健所 (nearest) before anything else that matches.
    expect(p.masters.searchHealthCenters("しが", { nearest: ["25001"] })[0].code).toBe("25001");
    expect(p.masters.searchHealthCenters("しが")[0].code).toBe("25654");
    const yamate = p.masters.searchInstitutions("zensu", "山手 病院", { limit: 50 });
    expect(yamate.length).toBeGreaterThan(1);
    // Institutions of the form's 保健所, then of their 都道府県, come before those of other prefectures.
    const own = new Set(["滋賀県", "山形県", "宮城県"]);
    const firstOther = yamate.findIndex((r) => !own.has(r.prefecture!));
    expect(firstOther).toBeGreaterThan(0);
    expect(yamate.slice(firstOther).every((r) => !own.has(r.prefecture!))).toBe(true);
  });
});
