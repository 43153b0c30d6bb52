// The form tab (申請様式チェック) in the browser harness at 350 px and 320 px, driven with real key presses: focus stays
// where the user is (a finding's link, the bulk-fix dialog's button, a one-click fix), nothing scrolls sideways or is
// clipped at 320 px, and Tab reaches every control. Screenshots: test-output/screenshots/form-*.png.
import type { Frame, FrameLocator } from "playwright-core";
import { startHarness, type HarnessServer } from "./harness/server";
import { harness, paneFrame, paneLocator, paneScreenshot, setPaneWidth } from "./pane-support";
import { launchBrowser, type BrowserSession } from "./support/browser";

let server: HarnessServer;
let session: BrowserSession;
let pane: FrameLocator;
let frame: Frame;

beforeAll(async () => {
  server = await startHarness();
  session = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
  await session.page.goto(server.url);
  pane = paneLocator(session.page);
  await settled();
  frame = paneFrame(session.page);
  await paneWidth(350);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

afterEach(() => {
  expect(session.errors).toEqual([]);
});

/** The pane has checked the form and has no Office work queued. */
async function settled(): Promise<void> {
  await pane.locator('main[data-working="false"] [data-testid=summary]').waitFor({ timeout: 30_000 });
}

const paneWidth = (px: number) => setPaneWidth(session.page, px);

async function animationsDone(): Promise<void> {
  await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

/** What has the focus in the pane, as "tag|accessible label or text". */
async function focused(): Promise<string> {
  return frame.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e ? `${e.tagName}|${e.getAttribute("aria-label") ?? e.getAttribute("data-testid") ?? e.textContent ?? ""}` : "";
  });
}

/**
 * From the pane's first control (focused as when the user comes to the pane), Tab until `target` has the focus.
 * Focusing the first control sets where sequential navigation starts (a blur would leave it at the last focus).
 */
async function tabTo(target: ReturnType<FrameLocator["locator"]>, limit = 80): Promise<number> {
  await fromTheTop();
  let presses = 0;
  while (!(await target.evaluate((el) => el === document.activeElement))) {
    if (++presses > limit) throw new Error(`not reached with ${limit} Tab presses (at ${await focused()})`);
    await session.page.keyboard.press("Tab");
  }
  return presses;
}

/** The focus on the pane's first control (the 申請者チェック tab), where a user coming to the pane starts. */
async function fromTheTop(): Promise<void> {
  await pane.getByRole("tab", { name: "申請者チェック" }).focus();
}

test("350 px: the findings list, each message one link to its cell", async () => {
  await animationsDone();
  await paneScreenshot(session.page, "form-01-findings-350");
  const links = await pane.locator("[data-testid=finding-groups] li[data-cell]").evaluateAll((items) =>
    items.map((li) => [li.getAttribute("data-cell"), [...li.querySelectorAll("button")].filter((b) => !b.hasAttribute("data-fix")).map((b) => b.getAttribute("aria-label"))]),
  );
  for (const [cell, names] of links as [string, string[]][]) {
    expect(names).toEqual([expect.stringMatching(new RegExp(`^${cell} .+（セル ${cell} を選択）$`))]);
  }
});

test("Enter on a finding's message selects its cell and the focus stays on that finding", async () => {
  const link = pane.getByRole("button", { name: /^K17 .+（セル K17 を選択）$/ });
  await tabTo(link);
  await session.page.keyboard.press("Enter");
  await session.page.waitForFunction(() => (window as unknown as { harness: { selection(): { address: string } } }).harness.selection().address === "K17");
  await settled();
  expect(await focused()).toMatch(/^BUTTON\|K17 .+（セル K17 を選択）$/);
});

test("Esc and キャンセル close the bulk-fix dialog and give the focus back to まとめて修正…", async () => {
  const opener = pane.locator("[data-fix-kind] button").first();
  const name = await opener.getAttribute("aria-label");
  await tabTo(opener);
  await session.page.keyboard.press("Enter");
  const dialog = pane.getByRole("dialog");
  await dialog.waitFor();
  await frame.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
  await paneScreenshot(session.page, "form-02-bulk-fix-350");
  await session.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await frame.waitForFunction((n) => document.activeElement?.getAttribute("aria-label") === n, name);

  await session.page.keyboard.press("Enter");
  await dialog.waitFor();
  const cancel = dialog.getByRole("button", { name: "キャンセル" });
  await frame.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
  while (!(await cancel.evaluate((el) => el === document.activeElement))) await session.page.keyboard.press("Tab");
  await session.page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await frame.waitForFunction((n) => document.activeElement?.getAttribute("aria-label") === n, name);
});

test("320 px: no sideways scroll and no clipped label on any view of the form tab", async () => {
  await paneWidth(320);
  // Row 17 in the row view: its finding and both pickers (their inputs and placeholders are checked too).
  await harness(session.page, (h) => h.select("申請様式", "K17"));
  await pane.locator('[data-testid=row-detail][data-row="17"] [data-testid=institution-picker]').waitFor();
  for (const [tab, shot] of [
    ["選択した行", "form-04-row-320"],
    ["マスタ", "form-05-masters-320"],
    ["指摘一覧", "form-03-findings-320"],
  ] as const) {
    await pane.getByRole("tab", { name: tab }).click();
    await animationsDone();
    const overflow = await frame.evaluate(() => {
      const clipped = [...document.querySelectorAll<HTMLElement>("main *")].filter((e) => {
        if (e.getClientRects().length === 0) return false;
        const style = getComputedStyle(e);
        const hides = style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
        return hides && e.textContent!.trim() !== "" && e.scrollWidth > e.clientWidth + 1;
      });
      const outside = [...document.querySelectorAll<HTMLElement>("main button, main label, main [role=tab], main h2, main h3, main p")].filter(
        (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      );
      // A placeholder is clipped when its text is wider than the input's content box.
      const cutPlaceholders = [...document.querySelectorAll<HTMLInputElement>("main input[placeholder]")].filter((input) => {
        if (input.getClientRects().length === 0) return false;
        const style = getComputedStyle(input);
        const probe = document.createElement("span");
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font}`;
        probe.textContent = input.placeholder;
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width > input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 1;
      });
      clipped.push(...cutPlaceholders);
      const name = (e: HTMLElement) => `${e.tagName}:${(e.getAttribute("aria-label") ?? e.getAttribute("placeholder") ?? e.textContent ?? "").slice(0, 40)}`;
      const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
      // What sticks out, when something does (anywhere in the page, portals included): named in the failure.
      const wide = page > 0 ? [...document.querySelectorAll<HTMLElement>("body *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => `${name(e)}@${Math.round(e.getBoundingClientRect().right)}:${e.className}`.slice(0, 160)) : [];
      return { page, clipped: clipped.map(name), outside: outside.map(name), ...(wide.length ? { wide } : {}) };
    });
    expect({ tab, overflow }).toEqual({ tab, overflow: { page: 0, clipped: [], outside: [] } });
    await paneScreenshot(session.page, shot);
  }
});

test("320 px: Tab reaches every control of the form tab, on each of its views", async () => {
  await paneWidth(320);
  await harness(session.page, (h) => h.select("申請様式", "K17"));
  await pane.locator('[data-testid=row-detail][data-row="17"] [data-testid=institution-picker]').waitFor();
  for (const view of ["指摘一覧", "選択した行", "マスタ"]) {
    await pane.getByRole("tab", { name: view }).click();
    await animationsDone();
    // Every tab stop: enabled, shown controls, except the ones a composite reaches with arrow keys (the other tabs of a
    // tab list, the other radios of a group).
    const expected = await frame.evaluate(() => {
      document.querySelectorAll("[data-tab-probe]").forEach((e) => e.removeAttribute("data-tab-probe"));
      const all = [...document.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]")].filter(
        (e) =>
          e.getClientRects().length > 0 &&
          !e.hasAttribute("data-tabster-dummy") &&
          !(e as HTMLButtonElement).disabled &&
          e.getAttribute("tabindex") !== "-1" &&
          !(e.getAttribute("role") === "tab" && e.getAttribute("aria-selected") !== "true") &&
          !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked),
      );
      all.forEach((e, i) => e.setAttribute("data-tab-probe", String(i)));
      return all.map((e) => `${e.getAttribute("aria-label") ?? e.getAttribute("placeholder") ?? e.textContent ?? e.tagName}`.slice(0, 50));
    });
    expect(expected.length).toBeGreaterThan(5);
    const reached = new Set<number>([0]);
    await fromTheTop();
    expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-tab-probe"))).toBe("0");
    for (let presses = 0; presses < expected.length * 2 + 10 && reached.size < expected.length; presses++) {
      await session.page.keyboard.press("Tab");
      const probe = await frame.evaluate(() => document.activeElement?.getAttribute("data-tab-probe") ?? null);
      if (probe !== null) reached.add(Number(probe));
    }
    const missed = expected.filter((_, i) => !reached.has(i));
    expect({ view, missed }).toEqual({ view, missed: [] });
  }
});

test("320 px: after a one-click fix the confirmation is in view next to where the finding was, and 元に戻す has the focus", async () => {
  await paneWidth(320);
  await pane.getByRole("tab", { name: "指摘一覧" }).click();
  const fix = pane.locator('[data-testid=finding-groups] [data-row="15"]').getByRole("button", { name: /^修正：.*（D15、/ });
  await tabTo(fix);
  await session.page.keyboard.press("Enter");
  const note = pane.getByTestId("fix-note");
  await note.waitFor();
  await settled();
  expect((await harness(session.page, (h) => h.getCell("申請様式", "D15"))).value).toBe("tanaka@example-hosp.jp");
  await frame.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "undo-fix");
  const place = await note.evaluate((n) => {
    const r = n.getBoundingClientRect();
    return { inList: !!n.closest("[data-testid=finding-groups]"), before: n.nextElementSibling?.getAttribute("data-row"), inView: r.top >= 0 && r.bottom <= window.innerHeight };
  });
  expect(place).toEqual({ inList: true, before: "16", inView: true });
  await animationsDone();
  await paneScreenshot(session.page, "form-06-fixed-320");
  await session.page.keyboard.press("Enter");
  await pane.getByTestId("fix-note").filter({ hasText: "修正前の値に戻しました" }).waitFor();
  await settled();
  expect((await harness(session.page, (h) => h.getCell("申請様式", "D15"))).value).not.toBe("tanaka@example-hosp.jp");
  expect(await focused()).toBe("DIV|fix-note");
});

test("350 px: the 保健所 picker reached with Tab lists as the user types, by reading too, and says 一致なし", async () => {
  await paneWidth(350);
  await harness(session.page, (h) => h.select("申請様式", "E17"));
  const picker = pane.getByTestId("health-center-picker");
  await picker.waitFor();
  const box = picker.getByRole("combobox");
  await tabTo(box);
  // Typed after Tab, with no ↓ and no click: the list opens.
  await session.page.keyboard.type("ちゅうおう");
  await pane.getByRole("option", { name: /^02011 青森県中央保健所/ }).waitFor();
  await session.page.keyboard.press("Control+A");
  await session.page.keyboard.type("ぬぬぬ");
  await pane.getByRole("option", { name: "一致なし" }).waitFor();
  expect(await focused()).toMatch(/^INPUT\|/);
  await animationsDone();
  await paneScreenshot(session.page, "form-07-picker-no-match-350");
  await session.page.keyboard.press("Escape");
});
