// The reviewer's desk as one journey, in the browser at 350 px and 320 px with axe at every step: three submissions
// (one with a column inserted), the same file imported again, a send-back round trip — the marked-up workbook opened
// in the institution's pane, fixed, sent back and compared — the export and the mails. Screenshots of every step:
// test-output/screenshots/desk-*.png (the ones in docs/desk.md are copied from there).
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FrameLocator, Page } from "playwright-core";
import { HIGHLIGHT_COLORS } from "../../src/excel/highlights";
import { form, insertFurigana, keepRows, otherInstitution, xlsxBytes, type Edit } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";
import { sheetJson } from "../support/stand-in/xlsx-to-model";
import { startHarness, type HarnessServer } from "./harness/server";
import { blankReviewWorkbook, harness, paneFrame, paneScreenshot, setPaneWidth } from "./pane-support";
import { launchBrowser, type BrowserSession } from "./support/browser";

const dir = mkdtempSync(path.join(tmpdir(), "desk-journey-"));
const files = {
  a: path.join(dir, "山手10医院.xlsx"),
  b: path.join(dir, "緑71診療所.xlsx"),
  c: path.join(dir, "桜台1998医院.xlsx"),
};
const URL_TEXT = "https://nesid-registration.example.invalid/login";

/** A third institution of the sample masters (same 保健所 25654), three people, with a フリガナ column inserted. */
const thirdInstitution: Edit = (wb) => {
  const ws = form(wb);
  ["木村　聡", "林　美穂", "清水　拓"].forEach((name, i) => {
    const row = ws.getRow(4 + i);
    row.getCell("B").value = name;
    row.getCell("D").value = `kimura${i}@sakuradai-iin.jp`;
    row.getCell("AJ").value = "2515919989";
    if (row.getCell("AM").value) row.getCell("AM").value = `kimura${i}.2fa@sakuradai-iin.jp`;
    if (row.getCell("AL").value) row.getCell("AL").value = `090-7100-800${i}`;
  });
};

let reviewer: HarnessServer;
let institution: HarnessServer | undefined;
let session: BrowserSession;

beforeAll(async () => {
  writeFileSync(files.a, await xlsxBytes());
  writeFileSync(files.b, await xlsxBytes(otherInstitution, keepRows(4, 7)));
  writeFileSync(files.c, await xlsxBytes(thirdInstitution, keepRows(4, 6), insertFurigana));
  const blankPath = await blankReviewWorkbook(dir);
  reviewer = await startHarness({ workbook: blankPath });
  session = await launchBrowser();
  await session.page.goto(reviewer.url);
});

afterAll(async () => {
  await session?.close();
  await reviewer?.close();
  await institution?.close();
  rmSync(dir, { recursive: true, force: true });
});

const paneOf = (page: Page): FrameLocator => page.frameLocator("#pane");
const pane = () => paneOf(session.page);
const card = (id: string) => pane().locator(`[data-testid="submission"][data-id="${id}"]`);

async function expectText(locator: ReturnType<FrameLocator["locator"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

/** The step at 350 px and at 320 px (no sideways scroll at either), each with a screenshot and no serious axe finding. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [350, 320]) {
    await setPaneWidth(page, width);
    const frame = paneFrame(page);
    await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
    await paneScreenshot(page, `desk-${name}-${width}`);
    expect({ name, width, violations: await seriousViolations(page) }).toEqual({ name, width, violations: [] });
  }
  await setPaneWidth(page, 350);
}

const AXE = readFileSync(path.join(require.resolve("axe-core"), "..", "axe.min.js"), "utf8");

async function seriousViolations(page: Page): Promise<string[]> {
  const frame = paneFrame(page);
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent UI's focus sentinels (<i data-tabster-dummy>) are a known axe false positive (microsoft/tabster#288).
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))).map((n) => `${v.id}: ${n.html.slice(0, 160)}`));
  });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** Keys pressed from the step tab until `label` has focus; the labels passed on the way. */
async function tabTo(page: Page, label: string, limit = 80): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await paneFrame(page).evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return e?.getAttribute("aria-label") ?? e?.textContent?.trim() ?? "";
    });
    passed.push(now);
    if (now === label) return passed;
  }
  throw new Error(`Tab never reached ${label}: ${passed.join(" / ")}`);
}

let letterErrors = 0;
let markedUp: Buffer;

test("① three submissions in: compact cards, the decision before the findings, a moved column mapped", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "審査（自治体）" }).click();
  await p.getByTestId("review-file-input").setInputFiles([files.a, files.b, files.c]);
  await card("S003").waitFor({ timeout: 60_000 });
  await expectText(p.getByTestId("review-counts"), "全3件：未判定 3");
  // Overview: each card is short, its 判定 within reach; the findings are folded.
  for (const id of ["S001", "S002", "S003"]) {
    const box = (await card(id).boundingBox())!;
    const decision = (await card(id).getByLabel(`${id}の判定`).boundingBox())!;
    expect({ id, decisionBelowTop: decision.y - box.y < 250 }).toEqual({ id, decisionBelowTop: true });
    expect(await card(id).getByTestId("review-finding").count()).toBe(0);
  }
  await expectText(card("S001").getByTestId("submission-summary"), "エラー 4件");
  letterErrors = 4;
  // S003 has フリガナ inserted after 利用者名: its columns are found by their headings and said once.
  await expectText(card("S003").getByTestId("columns-summary"), "列の位置が様式と違います");
  await expectText(card("S003").getByTestId("submission-summary"), "エラー 0件");
  await shoot(session.page, "01-overview");

  // 列の対応 of S003, opened at the narrowest width, then confirmed.
  await card("S003").getByRole("button", { name: /列の対応/ }).click();
  await expectText(card("S003").getByTestId("columns-extras"), "C列「フリガナ」");
  await shoot(session.page, "02-columns");
  await card("S003").getByRole("button", { name: "この対応で確定" }).click();
  await card("S003").getByTestId("columns-confirmed").waitFor();

  // The findings of S001, opened on demand, by row.
  await card("S001").getByTestId("findings-header").click();
  await card("S001").getByTestId("finding-row").first().waitFor();
  await card("S001").locator('[data-testid="finding-row"][data-row="14"] button').first().click();
  await expectText(card("S001").getByTestId("review-finding"), "C14：連絡先電話番号が入力されていません。");
  await shoot(session.page, "03-findings");
});

test("the same file again is not added; the keyboard reaches each card's 判定 before its findings", async () => {
  const p = pane();
  await p.getByTestId("review-file-input").setInputFiles([files.a]);
  await expectText(p.getByTestId("import-notices"), "取り込み済みの S001 と同じ内容のため");
  expect(await p.getByTestId("submission").count()).toBe(3);
  await shoot(session.page, "04-same-file-again");
  await p.getByRole("tab", { name: /① / }).focus();
  const passed = await tabTo(session.page, "S001の判定");
  expect(passed.some((l) => l.startsWith("指摘のある行"))).toBe(false);
});

test("decisions: S002 and S003 approved, S001 sent back with its letter and a marked-up workbook", async () => {
  const p = pane();
  await p.getByLabel("S002の判定").selectOption("承認");
  await expectText(card("S002").getByTestId("submission-status"), "承認");
  await p.getByLabel("S003の判定").selectOption("承認");
  await expectText(card("S003").getByTestId("submission-status"), "承認");
  await p.getByLabel("S001の判定").selectOption("差戻し");
  await expectText(card("S001").getByTestId("submission-status"), "差戻し");
  await expectText(p.getByTestId("review-next"), "差戻し");
  await card("S001").getByRole("button", { name: "差戻し文を表示" }).click();
  await shoot(session.page, "05-send-back");
  const file = await download(session.page, () => card("S001").getByRole("button", { name: "印を付けた様式をダウンロード" }).click());
  expect(file.name).toBe("差戻し_山手10医院.xlsx");
  // The confirmation is beside the button, not at the top of the pane.
  await expectText(card("S001").getByRole("status"), "をダウンロードしました");
  markedUp = file.bytes;
});

test("the institution opens the marked-up workbook: the letter's errors, pink; fixes them; the pane agrees", async () => {
  const markedPath = path.join(dir, "差戻し_山手10医院.xlsx");
  writeFileSync(markedPath, markedUp);
  institution = await startHarness({ workbook: markedPath });
  const page = await session.context.newPage();
  await page.goto(institution.url);
  const p = paneOf(page);
  await p.locator('main[data-working="false"] [data-testid=summary]').waitFor({ timeout: 60_000 });
  const errors = Number(await p.locator('[data-count="errors"] dd').textContent());
  expect(errors).toBeGreaterThanOrEqual(letterErrors);
  expect(await harness(page, (h) => h.getCell("申請様式", "K17").fill)).toBe(HIGHLIGHT_COLORS.problem);
  await shoot(page, "06-institution-opens");

  // The institution fixes the four cells in Excel and saves (done here with exceljs on the same file).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(markedUp as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("申請様式")!;
  ws.getCell("C14").value = "03-5555-1010";
  ws.getCell("D15").value = "yamada.11@example-hosp.jp";
  ws.getCell("K17").value = "25654";
  // The blank row 16: row 17 moved up into it.
  for (let c = 2; c <= 40; c++) {
    ws.getRow(16).getCell(c).value = ws.getRow(17).getCell(c).value;
    ws.getRow(17).getCell(c).value = null;
  }
  const fixed = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(files.a.replace(".xlsx", "_修正.xlsx"), fixed);
  const json = { sheets: [] as ReturnType<typeof sheetJson>[], activeSheet: "申請様式" };
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(fixed as unknown as ArrayBuffer);
  reread.eachSheet((s) => json.sheets.push(sheetJson(s)));
  await harness(page, (h, j) => h.loadWorkbook(j as Parameters<typeof h.loadWorkbook>[0]), json);
  await harness(page, (h) => h.reloadPane());
  await p.locator('main[data-working="false"] [data-testid=summary]').waitFor({ timeout: 60_000 });
  await expectText(p.locator('[data-count="errors"] dd'), "0");
  await shoot(page, "07-institution-fixed");
  await page.close();
});

test("the resubmission comes back: undecided, compared with S001, approved", async () => {
  const p = pane();
  await p.getByTestId("review-file-input").setInputFiles([files.a.replace(".xlsx", "_修正.xlsx")]);
  await card("S004").waitFor({ timeout: 60_000 });
  await expectText(card("S004").getByTestId("submission-status"), "未判定");
  await expectText(card("S004"), "S001（先ほど取り込み）との比較");
  await expectText(card("S004").getByTestId("submission-summary"), "エラー 0件");
  await shoot(session.page, "08-resubmitted");
  await p.getByLabel("S004の判定").selectOption("承認");
  await expectText(card("S004").getByTestId("submission-status"), "承認");
});

test("② the CSV: rows left out grouped, the sent-back submission as one line", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "② 登録用CSV" }).click();
  const csv = await download(session.page, () => p.getByRole("button", { name: "登録用CSVを出力" }).click());
  expect(csv.name).toMatch(/^登録用CSV_\d{8}-\d{4}\.csv$/);
  await expectText(p.getByTestId("refused-rows"), "S001（差戻し）：");
  await shoot(session.page, "09-export");
});

test("③ the mails: a preview before saving, the password in its own mail", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "③ 通知メール" }).click();
  await p.getByTestId("issued-file-input").setInputFiles(SAMPLE_ISSUED);
  await expectText(p.getByTestId("issued-summary"), "アカウント 10件");
  await p.getByLabel("システムのURL").fill(URL_TEXT);
  await p.getByRole("button", { name: "メールの下書きを作成" }).click();
  await p.getByTestId("draft-list").waitFor();
  await shoot(session.page, "10-mails");
  const zip = await download(session.page, () => p.getByRole("button", { name: "下書きをまとめて保存（.zip）" }).click());
  expect(zip.name).toMatch(/^メール下書き_\d{8}-\d{4}\.zip$/);
  expect(session.errors.filter((e) => !e.includes("/favicon.ico"))).toEqual([]);
});
