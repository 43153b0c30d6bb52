// The reviewer's journey in the browser harness, as a person does it: pick two submitted files → review →
// approve → export the CSV (the downloaded file is decoded from CP932 and compared with nesid-account export) →
// load samples/issued-accounts.csv → draft the mails (by default the password in a mail of its own, one draft
// previewed first) → the zip holds two .eml per user: ID and URL in one, the password in the other.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Encoding from "encoding-japanese";
import { unzipSync } from "fflate";
import { simpleParser } from "mailparser";
import type { FrameLocator } from "playwright-core";
import { main } from "../../src/cli/main";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";
import { startHarness, type HarnessServer } from "./harness/server";
import { blankReviewWorkbook, paneScreenshot, setPaneWidth } from "./pane-support";
import { launchBrowser, type BrowserSession } from "./support/browser";

const URL_TEXT = "https://nesid-registration.example.invalid/login";
const dir = mkdtempSync(path.join(tmpdir(), "review-journey-"));
const fileA = path.join(dir, "山手10医院.xlsx");
const fileB = path.join(dir, "緑71診療所.xlsx");

let harness: HarnessServer;
let session: BrowserSession;

beforeAll(async () => {
  writeFileSync(fileA, await xlsxBytes());
  writeFileSync(fileB, await xlsxBytes(otherInstitution, keepRows(4, 7)));
  const blankPath = await blankReviewWorkbook(dir);
  harness = await startHarness({ workbook: blankPath });
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

function pane(): FrameLocator {
  return session.page.frameLocator("#pane");
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([session.page.waitForEvent("download", { timeout: 30_000 }), click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(file) };
}

it("two submissions in, one registration CSV and a zip of drafts out", async () => {
  const { page } = session;
  await page.goto(harness.url);
  const p = pane();
  await p.getByRole("tab", { name: "審査（自治体）" }).click();
  await p.getByRole("button", { name: "申請様式を取り込む" }).waitFor();

  // 作業②: both files at once.
  await p.getByTestId("review-file-input").setInputFiles([fileA, fileB]);
  await p.getByTestId("submission").nth(1).waitFor({ timeout: 60_000 });
  await expectText(p.getByTestId("submission").nth(0), "山手10医院（2513100103）");
  await expectText(p.getByTestId("submission").nth(0).getByTestId("submission-summary"), "エラー 4件");
  await expectText(p.getByTestId("submission").nth(1), "緑71診療所（2511500718）");
  expect(await page.evaluate(() => (window as unknown as { harness: { sheetNames(): string[] } }).harness.sheetNames())).toEqual(["審査", "S001_山手10医院", "S002_緑71診療所"]);

  await p.getByLabel("S001の判定").selectOption("承認");
  // S001 has 4 errors: 承認 is asked first, with the reason for 備考.
  await p.getByTestId("confirm-approve").getByLabel("S001を承認する理由").fill("エラーの行は次回の申請で受け付ける");
  await p.getByTestId("confirm-approve").getByRole("button", { name: "エラーがあるまま承認する" }).click();
  await expectText(p.getByTestId("submission").nth(0).getByTestId("submission-status"), "承認");
  await p.getByLabel("S002の判定").selectOption("承認");
  await expectText(p.getByTestId("submission").nth(1).getByTestId("submission-status"), "承認");
  await session.screenshot("review-approved");

  // 作業③: the CSV download, compared byte for byte with the CLI.
  await p.getByRole("tab", { name: "② 登録用CSV" }).click();
  const csv = await download(() => p.getByRole("button", { name: "登録用CSVを出力" }).click());
  expect(csv.name).toMatch(/^登録用CSV_\d{8}-\d{4}\.csv$/);
  await expectText(p.getByTestId("export-summary"), "出力 13行（Shift_JIS）・出力しなかった行 5行");
  await expectText(p.getByTestId("refused-rows"), "C列：連絡先電話番号が入力されていません。");
  await expectText(p.getByTestId("refused-group").first(), "S001 山手10医院.xlsx（承認）：エラーのある行 4行");
  await setPaneWidth(page, 350);
  await paneScreenshot(page, "review-03-export-refused-350");
  const text = Encoding.convert(Array.from(csv.bytes), { from: "SJIS", to: "UNICODE", type: "string" });
  const lines = text.split("\r\n");
  expect(lines).toHaveLength(15); // header, 13 rows, and the empty string after the last CRLF
  expect(lines[1].split(",").slice(0, 5)).toEqual(["佐藤　太郎", "03-5555-1000", "sato.0@example-hosp.jp", "09", ""]);
  const cliOut = path.join(dir, "cli.csv");
  await main(["export", fileA, fileB, "--out", cliOut], { out: () => {}, err: () => {} });
  expect(csv.bytes.equals(readFileSync(cliOut))).toBe(true);

  // 作業④: issued accounts → drafts → zip.
  await p.getByRole("tab", { name: "③ 通知メール" }).click();
  await p.getByTestId("issued-file-input").setInputFiles(SAMPLE_ISSUED);
  await expectText(p.getByTestId("issued-summary"), "Shift_JIS）：アカウント 10件");
  await expectText(p.getByTestId("match-summary"), "対応付け 10件");
  await expectText(p.getByTestId("password-reminder"), "発行結果CSVのファイルを削除してください");
  await p.getByLabel("システムのURL").fill(URL_TEXT);
  await p.getByRole("button", { name: "メールの下書きを作成" }).click();
  await p.getByTestId("draft-list").waitFor();
  await expectText(p.getByTestId("draft-preview"), "初期パスワード：●●●●●●●●");
  await session.screenshot("review-drafts");
  await paneScreenshot(page, "review-04-drafts-preview-350");
  const zip = await download(() => p.getByRole("button", { name: "下書きをまとめて保存（.zip）" }).click());
  expect(zip.name).toMatch(/^メール下書き_\d{8}-\d{4}\.zip$/);

  const issued = Encoding.convert(Array.from(readFileSync(SAMPLE_ISSUED)), { from: "SJIS", to: "UNICODE", type: "string" })
    .split("\r\n")
    .slice(1)
    .filter((l) => l !== "")
    .map((l) => l.split(","));
  const entries = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(entries).sort()).toEqual(issued.flatMap(([id]) => [`${id}-1-id.eml`, `${id}-2-password.eml`]).sort());
  for (const [id, name, password, email] of issued) {
    const idMail = await simpleParser(Buffer.from(entries[`${id}-1-id.eml`]));
    const passwordMail = await simpleParser(Buffer.from(entries[`${id}-2-password.eml`]));
    for (const mail of [idMail, passwordMail]) {
      expect(mail.headers.get("x-unsent")).toBe("1");
      expect((mail.to as { value: { address: string; name: string }[] }).value[0]).toEqual({ address: email, name });
    }
    expect(idMail.text).toContain(id);
    expect(idMail.text).toContain(URL_TEXT);
    expect(idMail.text).not.toContain(password);
    expect(passwordMail.text).toContain(password);
    expect(passwordMail.text).not.toContain(URL_TEXT);
  }

  // Passwords stay in memory: not in the workbook, not in its settings; the URL is only in this browser's storage.
  const workbook = await page.evaluate(() => JSON.stringify((window as unknown as { harness: { model: { toJson(): unknown } } }).harness.model.toJson()));
  expect(workbook).not.toContain("Init#");
  expect(workbook).not.toContain(URL_TEXT);
  await p.getByTestId("forget-passwords").click();
  await p.getByTestId("password-reminder").waitFor({ state: "detached" });
  // The harness server has no favicon; anything else logged as an error is a defect.
  expect(session.errors.filter((e) => !e.includes("/favicon.ico"))).toEqual([]);
});

async function expectText(locator: ReturnType<FrameLocator["getByTestId"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}
