import "./support/jsdom-gaps";
// The reviewer's workflow through ReviewController on the stand-in Excel host (the real Excel layer, the real
// domain): two submissions in, decisions saved in the workbook, the registration CSV, the issued accounts, the
// drafts zip. Downloads and the clipboard are captured at the pane's edge; everything else is the product.
import { readFileSync, mkdtempSync, writeFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import Encoding from "encoding-japanese";
import { unzipSync } from "fflate";
import { simpleParser } from "mailparser";
import { main } from "../../src/cli/main";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { REVIEW_RECORD_SETTING } from "../../src/excel/review-gateway-types";
import { DEFAULT_MAIL_TEMPLATES, DEFAULT_PROFILE } from "../../src/domain";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { SYSTEM_URL_KEY } from "../../src/taskpane/review/system-url-memory";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";

const URL_TEXT = "https://nesid-registration.example.invalid/login";
const FIXED = new Date(2025, 3, 1, 9, 30);

interface Captured {
  downloads: { fileName: string; bytes: Uint8Array; mime: string }[];
  clipboard: string[];
  links: string[];
}

function setup(excelApi = "1.17", downloads: "allowed" | "blocked" = "allowed") {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const captured: Captured = { downloads: [], clipboard: [], links: [] };
  const make = () =>
    new ReviewController({
      review: createReviewGateway(),
      excel: createExcelGateway(),
      profile: DEFAULT_PROFILE,
      now: () => FIXED,
      downloads: () => downloads,
      download: (bytes, fileName, mime) => captured.downloads.push({ bytes, fileName, mime }),
      copy: async (text) => (captured.clipboard.push(text), true),
      openLink: (href) => captured.links.push(href),
    });
  return { model, captured, make };
}

let files: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [
    { name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes()) },
    { name: "緑71診療所.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 7))) },
  ];
});
beforeEach(() => localStorage.clear());

const picked = () => files.map((f) => ({ name: f.name, bytes: async () => f.bytes }));

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

describe("review workflow (作業②③④) on the stand-in host", () => {
  it("imports, decides, exports the same bytes as the CLI, and drafts one .eml per issued account", async () => {
    const { model, captured, make } = setup();
    const review = make();
    await review.start();
    await review.importFiles(picked());
    let s = review.store.get();
    expect(s.submissions.map((x) => [x.id, x.sheetName, x.how, x.decision.status])).toEqual([
      ["S001", "S001_山手10医院", "inserted", "受付"],
      ["S002", "S002_緑71診療所", "inserted", "受付"],
    ]);
    expect(s.submissions[0].summary.errors).toBe(4);

    // Nothing approved yet: the CSV has no rows and every row is listed with its reason.
    await review.exportCsv();
    s = review.store.get();
    expect(s.lastExport!.written).toBe(0);
    expect(s.lastExport!.refused).toHaveLength(18);
    expect(captured.downloads).toHaveLength(0);

    await review.setDecision("S001", { status: "承認", remark: "電話で本人確認済み" });
    await review.setDecision("S002", { status: "承認" });
    // The decisions are in the workbook's settings; no password or URL anywhere in it.
    const stored = JSON.parse(model.settings[REVIEW_RECORD_SETTING] as string);
    expect(stored.submissions.map((x: { decision: { status: string } }) => x.decision.status)).toEqual(["承認", "承認"]);
    expect(stored.submissions[0].decision.remark).toBe("電話で本人確認済み");

    await review.exportCsv();
    s = review.store.get();
    expect(s.lastExport).toMatchObject({ written: 13, deliveries: ["downloaded"], fileName: "登録用CSV_20250401-0930.csv" });
    const csv = captured.downloads[0];
    expect(csv.mime).toBe("text/csv");
    const text = Encoding.convert(Array.from(csv.bytes), { from: "SJIS", to: "UNICODE", type: "string" });
    expect(text.split("\r\n")[1].startsWith("佐藤　太郎,03-5555-1000,sato.0@example-hosp.jp,09,")).toBe(true);

    // CLI parity: the same two files through `nesid-account export` give the same bytes.
    const dir = mkdtempSync(path.join(tmpdir(), "review-flow-"));
    tempDirs.push(dir);
    for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
    const out = path.join(dir, "cli.csv");
    await main(["export", ...files.map((f) => path.join(dir, f.name)), "--out", out], { out: () => {}, err: () => {} });
    expect(Buffer.from(csv.bytes).equals(readFileSync(out))).toBe(true);

    // 作業④: the issued accounts (Shift_JIS) are matched to the approved rows.
    await review.loadIssued("issued-accounts.csv", new Uint8Array(readFileSync(SAMPLE_ISSUED)));
    s = review.store.get();
    expect(s.issued).toMatchObject({ status: "ok", encodingLabel: "Shift_JIS", accounts: 10 });
    expect(s.holdsPasswords).toBe(true);
    expect(s.match!.matched).toHaveLength(10);
    expect(s.match!.unmatchedAccounts).toEqual([]);
    expect(JSON.stringify(s)).not.toContain("Init#1234Ab");

    review.setUrl(URL_TEXT, true);
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBe(URL_TEXT);
    // One mail per account, as the CLI without --split (the pane's default is two: the password on its own).
    expect(review.store.get().mail.split).toBe(true);
    review.setMailOptions({ split: false });
    review.draftMails();
    s = review.store.get();
    expect(s.mail.drafts).toHaveLength(10);
    expect(JSON.stringify(s)).not.toContain("Init#");
    review.downloadDraftsZip();
    const zip = captured.downloads[1];
    expect(zip.fileName).toBe("メール下書き_20250401-0930.zip");
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `U23000${i}.eml`));
    const first = await simpleParser(Buffer.from(entries["U230000.eml"]));
    expect(first.headers.get("x-unsent")).toBe("1");
    expect((first.to as { value: { address: string }[] }).value[0].address).toBe("sato.0@example-hosp.jp");
    expect(first.text).toContain("U230000");
    expect(first.text).toContain("Init#1234Ab");
    expect(first.text).toContain(URL_TEXT);

    // CLI parity for the mails: the same drafts, byte for byte, from `nesid-account mail` on the approved files.
    const mailDir = path.join(dir, "mail");
    await main(["mail", ...files.flatMap((f) => ["--form", path.join(dir, f.name)]), "--issued", SAMPLE_ISSUED, "--url", URL_TEXT, "--out", mailDir], { out: () => {}, err: () => {} });
    expect(readdirSync(mailDir).sort()).toEqual(Object.keys(entries).sort());
    for (const name of Object.keys(entries)) expect(Buffer.from(entries[name]).equals(readFileSync(path.join(mailDir, name)))).toBe(true);

    // The workbook holds no password after all of this.
    expect(JSON.stringify(model.toJson())).not.toContain("Init#");

    // The default Japanese body is too long for a mailto: link: the pane says so instead of cutting it.
    expect(review.store.get().mail.drafts.every((d) => !d.mailtoFits)).toBe(true);
    review.openMailto("U230001", "single");
    expect(captured.links).toEqual([]);
    expect(review.store.get().messages.at(-1)!.text).toContain(".eml の下書きを使ってください");
    // A short template fits: メールを作成 hands the mail to the mail program.
    review.setMailOptions({ templates: { ...DEFAULT_MAIL_TEMPLATES, single: { subject: "{利用者名}様 アカウントのお知らせ", body: "利用者ID: {利用者ID}\n初期パスワード: {初期パスワード}\nURL: {URL}\n" } } });
    review.draftMails();
    expect(review.store.get().mail.drafts.every((d) => d.mailtoFits)).toBe(true);
    review.openMailto("U230001", "single");
    expect(captured.links[0].startsWith("mailto:suzuki.1@example-hosp.jp?subject=")).toBe(true);
    expect(decodeURIComponent(captured.links[0])).toContain("利用者ID: U230001\r\n初期パスワード: Init#9153Ab");

    review.forgetPasswords();
    s = review.store.get();
    expect(s.holdsPasswords).toBe(false);
    expect(s.mail.drafts).toEqual([]);
    review.downloadDraftsZip();
    expect(captured.downloads).toHaveLength(2);
  });

  it("reopens a saved review: decisions and rows come back from the workbook", async () => {
    const { make } = setup();
    const first = make();
    await first.start();
    await first.importFiles(picked());
    await first.setDecision("S002", { status: "差戻し", remark: "4行目の電話番号を確認" });
    const again = make();
    await again.start();
    const s = again.store.get();
    expect(s.submissions.map((x) => [x.id, x.decision.status, x.summary.rows])).toEqual([
      ["S001", "受付", 14],
      ["S002", "差戻し", 4],
    ]);
    expect(again.sendBackPreview("S002")).toContain("【審査担当より】\r\n4行目の電話番号を確認");
  });

  it("where downloads are blocked, writes the CSV lines into a sheet and says so; on old hosts values are copied", async () => {
    const { model, captured, make } = setup("1.8", "blocked");
    const review = make();
    await review.start();
    await review.importFiles(picked());
    expect(review.store.get().submissions.map((x) => x.how)).toEqual(["copied", "copied"]);
    await review.setDecision("S002", { status: "承認" });
    await review.exportCsv();
    const s = review.store.get();
    expect(captured.downloads).toHaveLength(0);
    expect(s.lastExport).toMatchObject({ written: 4, deliveries: ["sheet"], sheetName: "登録用CSV" });
    expect(s.messages.at(-1)!.text).toContain("シート「登録用CSV」");
    const sheet = model.sheetByName("登録用CSV")!;
    expect(sheet.value(0, 0)).toMatch(/^利用者名,連絡先電話番号,/);
    expect(String(sheet.value(1, 0)).split(",").slice(0, 4)).toEqual(["青木　誠", "03-5555-1000", "aoki0@other-clinic.jp", "09"]);
    expect(sheet.value(5, 0)).toBeNull();
  });
});
