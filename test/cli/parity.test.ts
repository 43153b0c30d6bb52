/**
 * CLI parity: `nesid-account export` and the pane's 登録用CSVを出力 (domain: importSubmissions → reviewCheck →
 * reviewExport, the path the review pane runs after reading the picked files with exceljs) give the same bytes
 * for the same files when every submission is approved.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import {
  applicationRecords,
  buildAccountDrafts,
  DEFAULT_PROFILE,
  importSubmissions,
  matchAccounts,
  readIssuedCsv,
  reviewCheck,
  reviewExport,
  submissionSource,
  workbookSheets,
  type ReviewDecision,
  type SubmittedFile,
} from "../../src/domain";
import { SAMPLE_ISSUED } from "../support/samples";
import { keepRows, otherInstitution, setCell, xlsxBytes } from "../domain/review/submitted-files";

const dir = mkdtempSync(path.join(tmpdir(), "nesid-parity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function paneChecked(paths: string[]) {
  const files: SubmittedFile[] = [];
  for (const p of paths) {
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(p);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    files.push({ fileName: path.basename(p), sheets: workbookSheets(wb) });
  }
  const imported = importSubmissions(files, { profile: DEFAULT_PROFILE });
  return reviewCheck(imported.submissions, DEFAULT_PROFILE, (s) => imported.fileMasters.get(s.id) ?? {});
}

async function paneExport(paths: string[], options: { encoding?: "cp932" | "utf8bom"; header?: boolean; issueDeferred?: boolean }): Promise<Uint8Array> {
  const checked = await paneChecked(paths);
  const approved = new Map<string, ReviewDecision>(checked.map((c) => [c.submission.id, { status: "承認", remark: "" }]));
  return reviewExport(checked, approved, DEFAULT_PROFILE, options).bytes;
}

async function cliExport(paths: string[], extra: string[]): Promise<Buffer> {
  const out = path.join(dir, `cli-${Math.random().toString(36).slice(2)}.csv`);
  const code = await main(["export", ...paths, "--out", out, ...extra], { out: () => {}, err: () => {} });
  expect(code).toBe(1); // the sample's planted problems are refused rows
  return readFileSync(out);
}

describe("pane export = nesid-account export (byte for byte)", () => {
  let files: string[];
  beforeAll(async () => {
    const a = path.join(dir, "山手10医院.xlsx");
    const b = path.join(dir, "緑71診療所.xlsx");
    writeFileSync(a, await xlsxBytes());
    // b: another institution, one row repeats a.xlsx's person (cross-file duplicate), one code typed as a number.
    writeFileSync(b, await xlsxBytes(otherInstitution, keepRows(4, 8), setCell("C7", 355551003)));
    files = [a, b];
  });

  it.each([
    ["default (CP932, header, no 16)", {}, []],
    ["UTF-8 BOM without header", { encoding: "utf8bom" as const, header: false }, ["--encoding", "utf8bom", "--no-header"]],
    ["16 issued", { issueDeferred: true }, ["--include-16"]],
  ])("%s", async (_label, options, flags) => {
    const pane = await paneExport(files, options);
    const cli = await cliExport(files, flags);
    expect(cli.length).toBeGreaterThan(100);
    expect(Buffer.from(pane).equals(cli)).toBe(true);
  });
});

describe("pane drafts = nesid-account mail (byte for byte)", () => {
  it.each([
    ["one mail per user", false],
    ["ID+URL and password in two mails", true],
  ])("%s", async (_label, split) => {
    const url = "https://nesid-registration.example.invalid/";
    const a = path.join(dir, "山手10医院.xlsx");
    writeFileSync(a, await xlsxBytes());
    // The pane: approved submissions' rows, matched to the issued accounts, drafted with the default templates.
    const checked = await paneChecked([a]);
    const records = checked.flatMap((c) => applicationRecords(submissionSource(c.submission), c.checker));
    const issued = readIssuedCsv(new Uint8Array(readFileSync(SAMPLE_ISSUED)));
    if (issued.status !== "ok") throw new Error("sample issued CSV unreadable");
    const drafts = buildAccountDrafts(matchAccounts(issued.accounts, records).matches, { url, split, profile: DEFAULT_PROFILE }).drafts;
    expect(drafts).toHaveLength(split ? 20 : 10);
    // The CLI on the same file.
    const out = path.join(dir, `mail-${split}`);
    const code = await main(["mail", "--form", a, "--issued", SAMPLE_ISSUED, "--url", url, "--out", out, ...(split ? ["--split"] : [])], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(drafts.map((d) => d.fileName).sort());
    for (const d of drafts) expect(Buffer.from(d.eml).equals(readFileSync(path.join(out, d.fileName)))).toBe(true);
  });
});
