/** The form tab's findings list: the whole message of a finding goes to its cell, as one named control. */
import "./support/jsdom-gaps";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { group } from "./support/queries";
import { renderPane } from "./support/render-pane";
import { sampleFormWorkbook } from "./support/sample-workbook";

describe("a finding's message is the link to its cell", () => {
  it("clicking the words of the message (not only the cell code) selects the cell", async () => {
    const { gateway, settle } = await renderPane(await sampleFormWorkbook());
    const item = group(17)!.querySelector("[data-cell=K17]") as HTMLElement;
    const words = within(item).getByText(/保健所/, { selector: "button, button *" });
    expect(words.textContent).not.toBe("K17");
    await userEvent.setup({ delay: null }).click(words);
    await settle();
    expect(gateway.selected).toBe("K17");
  });

  it("is one control per finding, named by where it goes and what it says", async () => {
    await renderPane(await sampleFormWorkbook());
    const item = group(14)!.querySelector("[data-cell=C14]") as HTMLElement;
    const message = item.textContent!.replace(/^C14 /, "");
    const controls = within(item).getAllByRole("button");
    expect(controls).toHaveLength(1); // C14 is missing: no fix to offer
    // The name starts with what the button shows (speech input users say what they see), then says where it goes.
    expect(controls[0].textContent).toBe(`C14 ${message}`);
    expect(controls[0].getAttribute("aria-label")).toBe(`C14 ${message}（セル C14 を選択）`);
    expect(screen.getAllByRole("button", { name: /（セル C14 を選択）$/ })).toHaveLength(1);
  });
});
