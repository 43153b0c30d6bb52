import "./support/jsdom-gaps";
// Each action of ReviewController (reports, the send-back letter, the CSV, mapping and pairing, the URL) run on the
// stand-in Excel host with the real Excel layer and domain; downloads and the clipboard are captured at the pane's
// edge. Every test checks what the action produced (the sheet, the bytes, the clipboard text, the stored record).
import { readFileSync } from "node:fs";
import Encoding from "encoding-japanese";
import { DEFAULT_PROFILE, REPORT_SHEET_HEADER } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import { REVIEW_RECORD_SETTING } from "../../src/excel/review-gateway-types";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { CSV_SHEET, REPORT_SHEET, ReviewController } from "../../src/taskpane/review/review-controller";
import { SYSTEM_URL_KEY } from "../../src/taskpane/review/system-url-memory";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";

const FIXED = new Date(2025, 3, 1, 9, 30);
let files: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [
    { name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes()) },
    { name: "緑71診療所.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 7))) },
  ];
});
beforeEach(() => localStorage.clear());

async function reviewed(options: { downloads?: "allowed" | "blocked"; copyWorks?: boolean } = {}) {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const downloads: { fileName: string; bytes: Uint8Array; mime: string }[] = [];
  const clipboard: string[] = [];
  const review = new ReviewController({
    review: createReviewGateway(),
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => FIXED,
    downloads: () => options.downloads ?? "allowed",
    download: (bytes, fileName, mime) => downloads.push({ bytes, fileName, mime }),
    copy: async (text) => (options.copyWorks === false ? false : (clipboard.push(text), true)),
  });
  await review.start();
  await review.importFiles(files.map((f) => ({ name: f.name, bytes: async () => f.bytes })));
  return { model, review, downloads, clipboard };
}

const last = (review: ReviewController, place: string) => review.store.get().messages.filter((m) => m.place === place).at(-1);
const sjis = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { from: "SJIS", to: "UNICODE", type: "string" }) as string;

describe("review actions (作業②): reports and the send-back letter", () => {
  it("writeReportSheet writes 審査結果: the header, one line per finding with the decision, all text", async () => {
    const { model, review } = await reviewed();
    await review.setDecision("S001", { status: "差戻し", remark: "電話を確認" });
    await review.writeReportSheet();
    const sheet = model.sheetByName(REPORT_SHEET)!;
    expect(sheet).toBeDefined();
    expect(REPORT_SHEET_HEADER.map((_, c) => sheet.value(0, c))).toEqual([...REPORT_SHEET_HEADER]);
    const rows: string[][] = [];
    for (let r = 1; sheet.value(r, 0) !== null; r++) rows.push(REPORT_SHEET_HEADER.map((_, c) => String(sheet.value(r, c) ?? "")));
    expect(rows.filter((l) => l[0] === "S001" && l[9] === "エラー").map((l) => l[10])).toEqual(["C14", "D15", "A16", "K17"]);
    expect(rows.find((l) => l[0] === "S001")!.slice(4, 6)).toEqual(["差戻し", "電話を確認"]);
    expect(last(review, "review")!.text).toBe(`シート「${REPORT_SHEET}」に審査結果を書き出しました（${rows.length}行）。Excel の印刷・PDF保存で記録として残せます。`);
  });

  it("downloadReportHtml saves a printable HTML with every submission; where downloads are blocked it says so and saves nothing", async () => {
    const { review, downloads } = await reviewed();
    review.downloadReportHtml();
    expect(downloads.map((d) => [d.fileName, d.mime])).toEqual([["審査結果_20250401-0930.html", "text/html"]]);
    const html = new TextDecoder().decode(downloads[0].bytes);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("S001");
    expect(html).toContain("S002");
    expect(html).toContain("C14");

    const blocked = await reviewed({ downloads: "blocked" });
    blocked.review.downloadReportHtml();
    expect(blocked.downloads).toEqual([]);
    expect(last(blocked.review, "review")!.intent).toBe("warning");
  });

  it("copySendBack puts the institution's letter on the clipboard (the same text as the preview); a failed copy is said", async () => {
    const { review, clipboard } = await reviewed();
    await review.setDecision("S001", { status: "差戻し", remark: "至急" });
    await review.copySendBack("S001");
    expect(clipboard).toEqual([review.sendBackPreview("S001")]);
    expect(clipboard[0]).toContain("【審査担当より】\r\n至急");
    expect(clipboard[0]).not.toContain("聴取");
    expect(last(review, "review")!.text).toBe("S001 の差戻し文をクリップボードにコピーしました。メールや文書に貼り付けて送ってください。");
    await review.copySendBack("S999");
    expect(clipboard).toHaveLength(1);

    const failing = await reviewed({ copyWorks: false });
    await failing.review.copySendBack("S001");
    expect(last(failing.review, "review")).toMatchObject({ intent: "error", text: "クリップボードにコピーできませんでした。" });
  });
});

describe("review actions (作業③): the CSV to a sheet, to the clipboard, and the settings", () => {
  it("exportCsvToSheet writes the CSV lines into 登録用CSV and records the delivery", async () => {
    const { model, review } = await reviewed();
    await review.setDecision("S002", { status: "承認" });
    await review.exportCsv();
    await review.exportCsvToSheet();
    const sheet = model.sheetByName(CSV_SHEET)!;
    expect(String(sheet.value(0, 0))).toMatch(/^利用者名,連絡先電話番号,/);
    expect(String(sheet.value(1, 0)).split(",").slice(0, 4)).toEqual(["青木　誠", "03-5555-1000", "aoki0@other-clinic.jp", "09"]);
    expect(sheet.value(5, 0)).toBeNull();
    expect(review.store.get().lastExport!.deliveries).toEqual(["downloaded", "sheet"]);
    expect(last(review, "export")!.text).toContain("シート「登録用CSV」にCSVの行（4行＋見出し）を書き出しました。");
  });

  it("copyCsv puts the same text as the exported file on the clipboard and records the delivery; a failed copy points to the sheet", async () => {
    const { review, clipboard, downloads } = await reviewed();
    await review.setDecision("S002", { status: "承認" });
    await review.exportCsv();
    await review.copyCsv();
    expect(clipboard).toEqual([sjis(downloads[0].bytes)]);
    expect(review.store.get().lastExport!.deliveries).toEqual(["downloaded", "clipboard"]);

    const failing = await reviewed({ copyWorks: false });
    await failing.review.copyCsv();
    expect(last(failing.review, "export")).toMatchObject({ intent: "error", text: "クリップボードにコピーできませんでした。「シートに書き出す」を使ってください。" });
  });

  it("setSettings changes the CSV (no header line, UTF-8) and keeps header/issueDeferred in the workbook's record", async () => {
    const { model, review, downloads } = await reviewed();
    await review.setDecision("S002", { status: "承認" });
    await review.setSettings({ header: false, encoding: "utf8bom", issueDeferred: true });
    expect(JSON.parse(model.settings[REVIEW_RECORD_SETTING] as string).settings).toEqual({ issueDeferred: true, header: false });
    await review.exportCsv();
    const bytes = downloads[0].bytes;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0].startsWith("青木　誠,")).toBe(true);
    expect(review.store.get().lastExport!.encodingLabel).toBe("UTF-8（BOM付き）");
  });
});

describe("review actions (作業④): mapping, manual pairing, the remembered URL", () => {
  it("applyMapping reads a CSV without a header once the columns are named, and matches the approved rows", async () => {
    const { review } = await reviewed();
    await review.setDecision("S001", { status: "承認" });
    const text = sjis(new Uint8Array(readFileSync(SAMPLE_ISSUED)));
    const body = text.split("\r\n").slice(1).join("\r\n");
    await review.loadIssued("no-header.csv", new TextEncoder().encode(body));
    expect(review.store.get().issued!.status).toBe("needs-mapping");
    expect(review.store.get().holdsPasswords).toBe(false);
    review.applyMapping({ userId: 0, name: 1, password: 2, email: 3, orgType: 4, institutionCode: 5 }, false);
    const s = review.store.get();
    expect(s.issued).toMatchObject({ status: "ok", accounts: 10, hasHeader: false });
    expect(s.match!.matched).toHaveLength(10);
    expect(s.holdsPasswords).toBe(true);
  });

  it("pair joins an unmatched account to an application row by hand, and the drafts start over", async () => {
    const { review } = await reviewed();
    await review.setDecision("S001", { status: "承認" });
    const text = sjis(new Uint8Array(readFileSync(SAMPLE_ISSUED))).replace("sato.0@example-hosp.jp", "someone-else@example.invalid").replace("佐藤　太郎", "佐藤　大郎");
    await review.loadIssued("issued.csv", new TextEncoder().encode(text));
    let s = review.store.get();
    expect(s.match!.unmatchedAccounts.map((a) => a.userId)).toEqual(["U230000"]);
    const row4 = s.match!.unmatchedRecords.find((r) => r.where.includes(" 4行目 "))!;
    expect(row4).toBeDefined();
    review.pair("U230000", row4.key);
    s = review.store.get();
    expect(s.match!.unmatchedAccounts).toEqual([]);
    expect(s.match!.matched.find((m) => m.userId === "U230000")).toMatchObject({ how: expect.any(String) });
    expect(s.match!.matched.find((m) => m.userId === "U230000")!.where).toContain("4行目");
    expect(s.mail.drafts).toEqual([]);
    // An unknown row is refused in a whole sentence, and nothing changes.
    review.pair("U230001", "no-such-row");
    expect(last(review, "notify")!.text.startsWith("手動で対応付けできませんでした。")).toBe(true);
    expect(review.store.get().match!.matched).toHaveLength(10);
  });

  it("forgetUrl removes the URL from this PC and from the pane", async () => {
    const { review } = await reviewed();
    review.setUrl("https://nesid.example.invalid/", true);
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBe("https://nesid.example.invalid/");
    expect(review.store.get().mail).toMatchObject({ url: "https://nesid.example.invalid/", urlRemembered: true });
    review.forgetUrl();
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBeNull();
    expect(review.store.get().mail).toMatchObject({ url: "", urlRemembered: false });
    expect(last(review, "notify")!.text).toBe("このPCに記憶したシステムのURLを消去しました。");
  });
});
