import "./support/jsdom-gaps";
// The 差戻し letter as the reviewer sees it in the card (jsdom, ReviewController on the stand-in host): dated with the
// session's clock, and the sender typed beside it ends this letter and the next ones (remembered on this PC).
import { act, fireEvent, screen, within } from "@testing-library/react";
import { japaneseDate, LETTER_CLOSING } from "../../src/domain";
import { renderReview, twoSubmittedFiles } from "./support/render-review";

const card = (id: string) => document.querySelector(`[data-testid="submission"][data-id="${id}"]`) as HTMLElement;

afterEach(() => localStorage.clear());

it("the letter shown in a 差戻し card is dated, closed and signed with the sender typed beside it", async () => {
  const r = await renderReview();
  await r.importFiles(await twoSubmittedFiles());
  await act(() => r.controller.setDecision("S002", { status: "差戻し", remark: "" }));
  await r.settle();
  fireEvent.click(within(card("S002")).getByRole("button", { name: "差戻し文を表示" }));
  await r.settle();
  const letter = () => within(card("S002")).getByTestId("sendback-text").textContent ?? "";
  expect(letter().startsWith(`${japaneseDate(new Date(2025, 3, 1))}\r\n`)).toBe(true);
  expect(letter().endsWith(`${LETTER_CLOSING}\r\n`)).toBe(true);

  const sender = within(card("S002")).getByLabelText("差戻し文の差出人");
  fireEvent.change(sender, { target: { value: "滋賀県 感染症対策課\n担当：山田" } });
  fireEvent.blur(sender);
  await r.settle();
  expect(letter().endsWith(`${LETTER_CLOSING}\r\n\r\n滋賀県 感染症対策課\r\n担当：山田\r\n`)).toBe(true);
  expect(localStorage.getItem("nesid-account.send-back-sender")).toBe("滋賀県 感染症対策課\n担当：山田");
  // The copy is the same letter.
  expect(r.controller.sendBackPreview("S002")).toBe(letter());
  expect(screen.queryByRole("alert")).toBeNull();
});
