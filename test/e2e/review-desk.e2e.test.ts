// The reviewer's desk in the browser harness at 350 px (and 320 px), as a reviewer meets it: import, decisions,
// the letter, taking a submission out and back, messages, disabled actions, the keyboard, the narrowest width. Screenshots: test-output/screenshots/review-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Frame, FrameLocator } from "playwright-core";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";
import { startHarness, type HarnessServer } from "./harness/server";
import { blankReviewWorkbook, harness, paneFrame, paneScreenshot, setPaneWidth } from "./pane-support";
import { launchBrowser, type BrowserSession } from "./support/browser";

const dir = mkdtempSync(path.join(tmpdir(), "review-desk-"));
const fileA = path.join(dir, "山手10医院.xlsx");
const fileB = path.join(dir, "緑71診療所.xlsx");

let server: HarnessServer;
let session: BrowserSession;

beforeAll(async () => {
  writeFileSync(fileA, await xlsxBytes());
  writeFileSync(fileB, await xlsxBytes(otherInstitution, keepRows(4, 7)));
  const blankPath = await blankReviewWorkbook(dir);
  server = await startHarness({ workbook: blankPath });
  session = await launchBrowser();
  await session.page.goto(server.url);
  await paneWidth(350);
  await pane().getByRole("tab", { name: "審査（自治体）" }).click();
  await pane().getByRole("button", { name: "申請様式を取り込む" }).waitFor();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pane = (): FrameLocator => session.page.frameLocator("#pane");
const card = (id: string) => pane().locator(`[data-testid="submission"][data-id="${id}"]`);

const paneWidth = (px: number) => setPaneWidth(session.page, px);

async function expectText(locator: ReturnType<FrameLocator["locator"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

/** The messages of one place (or of one control of it) once the replaced one has faded out (MessageBarGroup animates its exit). */
async function stepMessages(place: string, at?: string): Promise<string[]> {
  const frame = paneFrame(session.page);
  const selector = `[data-testid="review-message"][data-place="${place}"]${at ? `[data-at="${at}"]` : ":not([data-at])"}`;
  await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await frame.waitForFunction((sel) => document.querySelectorAll(sel).length <= 1, selector, { timeout: 5_000 }).catch(() => undefined);
  return pane().locator(selector).allTextContents();
}

/** Opens a card's folded findings and every row of them. */
async function openFindings(id: string): Promise<void> {
  const header = card(id).getByTestId("findings-header").locator("button");
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  const rows = card(id).getByTestId("finding-row");
  await rows.first().waitFor();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const button = rows.nth(i).locator("button[aria-expanded]").first();
    if ((await button.getAttribute("aria-expanded")) === "false") await button.click();
  }
}

async function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e ? `${e.tagName}|${e.getAttribute("aria-label") ?? e.textContent ?? ""}` : "";
  });
}

test("import: the counts and the next step are named; findings lead with errors and the message itself reaches the cell", async () => {
  const p = pane();
  await p.getByTestId("review-next").filter({ hasText: "次は：機関から届いた申請様式" }).waitFor();
  await p.getByTestId("review-file-input").setInputFiles([fileA, fileB]);
  await card("S002").waitFor({ timeout: 60_000 });
  await expectText(p.getByTestId("review-counts"), "全2件：未判定 2・要確認 0・差戻し 0・承認 0");
  await expectText(p.getByTestId("review-next"), "次は：まだ判定していない2件に判定を付けます（全2件）。");
  expect(await stepMessages("review")).toHaveLength(1);
  // Overview first: the findings are folded, the decision is in the card's first screenful.
  expect(await card("S001").getByTestId("review-finding").count()).toBe(0);
  const layout = await card("S001").evaluate((c) => {
    const top = c.getBoundingClientRect().top;
    return { height: Math.round(c.getBoundingClientRect().height), decision: Math.round(c.querySelector("select")!.getBoundingClientRect().top - top) };
  });
  const step = await pane().getByRole("tabpanel").evaluate((e) => Math.round(e.getBoundingClientRect().height));
  console.log(`350 px, 2 submissions: S001 card ${layout.height} px, its 判定 ${layout.decision} px from its top; step ① ${step} px`);
  expect(layout.decision).toBeLessThan(200);
  expect(layout.height).toBeLessThan(600);
  await paneScreenshot(session.page, "review-01-overview-350");
  await openFindings("S001");
  const findings = card("S001").getByTestId("review-finding");
  expect(await findings.first().textContent()).toBe("エラー C14：連絡先電話番号が入力されていません。");
  const severities = await card("S001").locator('[data-testid="submission-findings"] li[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
  expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
  await paneScreenshot(session.page, "review-01-findings-open-350");
  await findings.nth(1).click();
  await session.page.waitForFunction(() => (window as unknown as { harness: { selection(): { sheet: string; address: string } } }).harness.selection().sheet === "S001_山手10医院");
  expect(await harness(session.page, (h) => h.selection())).toEqual({ sheet: "S001_山手10医院", address: "D15" });
});

test("②: with nothing approved the export is disabled and says why", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "② 登録用CSV" }).click();
  const button = p.getByRole("button", { name: "登録用CSVを出力" });
  expect(await button.getAttribute("aria-disabled")).toBe("true");
  await expectText(p.getByTestId("export-why"), "出力できません：「承認」の申請がありません。");
  await paneScreenshot(session.page, "review-02-export-disabled-350");
  await p.getByRole("tab", { name: "① 受付・審査" }).click();
});

test("承認 of a submission with 4 errors asks first; Esc keeps 未判定 and focus returns to the 判定 box", async () => {
  const p = pane();
  const frame = paneFrame(session.page);
  await card("S001").getByLabel("S001の判定").selectOption("承認");
  const dialog = p.getByTestId("confirm-approve");
  await dialog.waitFor();
  await expectText(dialog, "この申請にはエラーが4件あります。");
  await paneScreenshot(session.page, "review-03-approve-asks-350");
  await session.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await expectText(card("S001").getByTestId("submission-status"), "未判定");
  await frame.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "S001の判定");
  await card("S001").getByLabel("S001の判定").selectOption("承認");
  // The reason the dialog asks for has the focus and cannot be left empty.
  await frame.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "S001を承認する理由");
  await dialog.getByRole("button", { name: "エラーがあるまま承認する" }).click();
  await expectText(dialog, "理由を入力してください。");
  await dialog.getByLabel("S001を承認する理由").fill("電話番号は機関に確認済み");
  await dialog.getByRole("button", { name: "エラーがあるまま承認する" }).click();
  await expectText(card("S001").getByTestId("submission-status"), "承認");
  expect(await card("S001").getByLabel("S001の備考").inputValue()).toBe("電話番号は機関に確認済み");
  await frame.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "S001の判定");
  await expectText(card("S001").getByTestId("action-note"), "判定を「承認」にしました。");
  await card("S002").getByLabel("S002の判定").selectOption("差戻し");
  await expectText(p.getByTestId("review-counts"), "未判定 0・要確認 0・差戻し 1・承認 1");
  await expectText(p.getByTestId("review-next"), "次は：差戻しの1件に差戻し文と印を付けた様式を送り、「② 登録用CSV」で承認した1件の行を出力します。");
});

test("差戻し: the copy and the marked-up form say what they did beside their buttons", async () => {
  const copy = card("S002").getByRole("button", { name: "差戻し文をコピー" });
  await copy.click();
  const copyNote = card("S002").locator('[data-testid="action-note"][data-at="copy-sendback:S002"]');
  await expectText(copyNote, "差戻し文をクリップボードにコピーしました");
  const [d] = await Promise.all([session.page.waitForEvent("download"), card("S002").getByRole("button", { name: "印を付けた様式をダウンロード" }).click()]);
  expect(d.suggestedFilename()).toBe("差戻し_緑71診療所.xlsx");
  await expectText(card("S002").locator('[data-testid="action-note"][data-at="markup:S002"]'), "をダウンロードしました（印を付けたセル");
  // Beside the button: the note's top is within 80 px below the button's bottom.
  const gap = await copy.evaluate((b) => {
    const note = document.getElementById(b.getAttribute("aria-describedby")!)!;
    return Math.round(note.getBoundingClientRect().top - b.getBoundingClientRect().bottom);
  });
  expect(gap).toBeLessThan(80);
  await paneScreenshot(session.page, "review-03b-sendback-notes-350");
});

test("the 差戻し letter speaks to the institution only", async () => {
  await card("S002").getByRole("button", { name: "差戻し文を表示" }).click();
  const text = (await card("S002").getByTestId("sendback-text").textContent()) ?? "";
  expect(text).toContain("緑71診療所.xlsx");
  expect(text).not.toContain("山手10医院.xlsx");
  expect(text).not.toContain("聴取");
});

test("審査から外す confirms, then 元に戻す brings the sheet, decision and remark back", async () => {
  const p = pane();
  await card("S002").getByRole("button", { name: "審査から外す" }).click();
  const dialog = p.getByTestId("confirm-remove");
  await expectText(dialog, "シート「S002_緑71診療所」を削除し、判定「差戻し」と備考も消えます。");
  await dialog.getByRole("button", { name: "キャンセル" }).click();
  await dialog.waitFor({ state: "detached" });
  expect(await harness(session.page, (h) => h.sheetNames())).toContain("S002_緑71診療所");
  await card("S002").getByRole("button", { name: "審査から外す" }).click();
  await dialog.getByRole("button", { name: "審査から外す" }).click();
  await card("S002").waitFor({ state: "detached" });
  expect(await harness(session.page, (h) => h.sheetNames())).not.toContain("S002_緑71診療所");
  const undo = p.getByTestId("undo-removal");
  await paneScreenshot(session.page, "review-04-removed-undo-350");
  await paneFrame(session.page).waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "undo-removal");
  await undo.click();
  await card("S002").waitFor();
  expect(await harness(session.page, (h) => h.sheetNames())).toContain("S002_緑71診療所");
  await expectText(card("S002").getByTestId("submission-status"), "差戻し");
  expect(await stepMessages("review", "removal")).toEqual([expect.stringContaining("S002（緑71診療所.xlsx）を審査に戻しました")]);
  // The focus is on what came back, not on the page.
  await paneFrame(session.page).waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "S002の判定");
});

test("②: messages do not pile up — the export's message replaces the one before", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "② 登録用CSV" }).click();
  const [d] = await Promise.all([session.page.waitForEvent("download"), p.getByRole("button", { name: "登録用CSVを出力" }).click()]);
  expect(d.suggestedFilename()).toMatch(/^登録用CSV_/);
  await expectText(p.getByTestId("review-message"), "をダウンロードしました");
  await p.getByRole("button", { name: "シートに書き出す" }).click();
  await expectText(p.getByTestId("review-message"), "シート「登録用CSV」にCSVの行");
  expect(await stepMessages("export")).toHaveLength(1);
  await paneScreenshot(session.page, "review-05-exported-350");
});

test("③: the URL error is shown at the URL box, and disabled actions say why", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "③ 通知メール" }).click();
  await expectText(p.getByTestId("draft-why"), "先に発行結果CSVを読み込み");
  expect(await p.getByRole("button", { name: "メールの下書きを作成" }).getAttribute("aria-disabled")).toBe("true");
  await paneScreenshot(session.page, "review-06-notify-350");
});

test("keyboard: Tab reaches S001's findings, Enter opens them and a row, and Enter on a finding selects its cell", async () => {
  const p = pane();
  await p.getByRole("tab", { name: "① 受付・審査" }).click();
  await card("S001").getByTestId("findings-header").waitFor();
  await p.locator("body").evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    (self as unknown as { focus(): void }).focus();
  });
  const tabTo = async (target: ReturnType<FrameLocator["locator"]>, what: string) => {
    let presses = 0;
    while (!(await target.evaluate((el) => el === document.activeElement))) {
      if (++presses > 60) throw new Error(`${what} was not reached with 60 Tab presses (at ${await focused(paneFrame(session.page))})`);
      await session.page.keyboard.press("Tab");
    }
  };
  const header = card("S001").getByTestId("findings-header").locator("button");
  await tabTo(header, "the findings' header");
  if ((await header.getAttribute("aria-expanded")) !== "true") await session.page.keyboard.press("Enter");
  const row = card("S001").getByTestId("finding-row").first().locator("button").first();
  await tabTo(row, "the first row with findings");
  if ((await row.getAttribute("aria-expanded")) !== "true") await session.page.keyboard.press("Enter");
  await tabTo(card("S001").getByTestId("review-finding").first(), "the first finding");
  await session.page.keyboard.press("Enter");
  await session.page.waitForFunction(() => (window as unknown as { harness: { selection(): { address: string } } }).harness.selection().address === "C14");
});

test("320 px: no horizontal scroll and no clipped step tab on any step; axe finds no serious violation", async () => {
  await paneWidth(320);
  const frame = paneFrame(session.page);
  const axeSource = readFileSync(path.join(require.resolve("axe-core"), "..", "axe.min.js"), "utf8");
  await frame.evaluate(axeSource);
  for (const [tab, shot] of [
    ["① 受付・審査", "review-07-320-review"],
    ["② 登録用CSV", "review-08-320-export"],
    ["③ 通知メール", "review-09-320-notify"],
  ] as const) {
    await pane().getByRole("tab", { name: tab }).click();
    await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const overflow = await frame.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tabs: [...document.querySelectorAll('[role="tab"]')].filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent),
    }));
    expect({ tab, overflow }).toEqual({ tab, overflow: { page: 0, tabs: [] } });
    await paneScreenshot(session.page, shot);
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))).map((n) => n.html.slice(0, 120)) }))
        .filter((v) => v.nodes.length > 0 && (v.impact === "serious" || v.impact === "critical"));
    });
    expect({ tab, violations }).toEqual({ tab, violations: [] });
  }
});
