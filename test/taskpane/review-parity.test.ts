import "./support/jsdom-gaps";
// CLI parity through the pane's own code: the review tab (ReviewController on the stand-in Excel host, reading the
// picked files with the pane's reader) and `nesid-account export` / `mail` give the same bytes for the same files.
// Nothing of the pane side is assembled here: files go in through importFiles, bytes come out through the download.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import { createReviewGateway } from "../../src/excel/review-workbook";
import { ReviewController } from "../../src/taskpane/review/review-controller";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { keepRows, otherInstitution, setCell, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";

const URL_TEXT = "https://nesid-registration.example.invalid/login";
const dir = mkdtempSync(path.join(tmpdir(), "nesid-review-parity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [
    { name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes()) },
    // Another institution; one row repeats a person of the first file, one code typed as a number.
    { name: "緑71診療所.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 8), setCell("C7", 355551003))) },
  ];
  for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
});
beforeEach(() => localStorage.clear());

/** The review tab with both files imported and approved; downloads captured. */
async function approvedReview() {
  const model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" });
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const downloads: { fileName: string; bytes: Uint8Array }[] = [];
  const review = new ReviewController({
    review: createReviewGateway(),
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => new Date(2025, 3, 1, 9, 30),
    downloads: () => "allowed",
    download: (bytes, fileName) => downloads.push({ bytes, fileName }),
    copy: async () => true,
    openLink: () => undefined,
  });
  await review.start();
  await review.importFiles(files.map((f) => ({ name: f.name, bytes: async () => f.bytes })));
  for (const s of review.store.get().submissions) await review.setDecision(s.id, { status: "承認" });
  return { review, downloads };
}

async function cli(args: string[]): Promise<number> {
  return main(args, { out: () => undefined, err: () => undefined });
}

const paths = () => files.map((f) => path.join(dir, f.name));

describe("the review tab's registration CSV = nesid-account export, byte for byte", () => {
  it.each([
    ["CP932 with the header line", {}, []],
    ["UTF-8 with BOM, no header line", { encoding: "utf8bom" as const, header: false }, ["--encoding", "utf8bom", "--no-header"]],
    ["16 issued (an alias now: 16 is an ordinary account)", { issueDeferred: true }, ["--include-16"]],
  ])("%s", async (_label, settings, flags) => {
    const { review, downloads } = await approvedReview();
    await review.setSettings(settings);
    await review.exportCsv();
    expect(downloads).toHaveLength(1);
    const out = path.join(dir, `cli-${flags.join("")}.csv`);
    expect(await cli(["export", ...paths(), "--out", out, ...flags])).toBe(1); // the sample's planted problems are refused rows
    const expected = readFileSync(out);
    expect(expected.length).toBeGreaterThan(1000);
    expect(Buffer.from(downloads[0].bytes).equals(expected)).toBe(true);
  });
});

describe("the review tab's mail drafts = nesid-account mail, byte for byte", () => {
  it.each([
    ["one mail per user", false],
    ["ID+URL and password in two mails", true],
  ])("%s", async (_label, split) => {
    const { review, downloads } = await approvedReview();
    await review.loadIssued("issued-accounts.csv", new Uint8Array(readFileSync(SAMPLE_ISSUED)));
    review.setUrl(URL_TEXT, false);
    review.setMailOptions({ split });
    review.draftMails();
    review.downloadDraftsZip();
    const entries = unzipSync(downloads[downloads.length - 1].bytes);
    expect(Object.keys(entries)).toHaveLength(split ? 18 : 9);
    expect(Object.keys(entries).some((n) => n.startsWith("U230004"))).toBe(false);
    const out = path.join(dir, `mail-${split}`);
    // Exit 1: U230004's person (row 8) is in both files, so that account is not matched to one row — on either side.
    expect(await cli(["mail", ...paths().flatMap((p) => ["--form", p]), "--issued", SAMPLE_ISSUED, "--url", URL_TEXT, "--out", out, ...(split ? ["--split"] : [])])).toBe(1);
    expect(readdirSync(out).sort()).toEqual(Object.keys(entries).sort());
    for (const [name, bytes] of Object.entries(entries)) expect(Buffer.from(bytes).equals(readFileSync(path.join(out, name)))).toBe(true);
  });
});
