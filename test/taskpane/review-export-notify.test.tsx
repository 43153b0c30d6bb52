import "./support/jsdom-gaps";
// ② and ③ at the reviewer's desk, rendered (jsdom) over the real ReviewController on the stand-in Excel host, with
// three submissions made from the sample form: S001 approved with its errors, S002 sent back (差戻し), S003 approved.
// ②: what was not exported is grouped (errors first, one line for the sent-back submission) and each row selects its
// cell; ③: only exported rows count as without an account, the password goes in its own mail by default (and why),
// one draft is previewed with the password masked, the URL is checked as it is entered and not remembered while wrong.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { PASSWORD_MASK } from "../../src/domain";
import { SYSTEM_URL_KEY } from "../../src/taskpane/review/system-url-memory";
import { keepRows, otherInstitution, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_ISSUED } from "../support/samples";
import { openTab, until } from "./support/queries";
import { renderReview, twoSubmittedFiles } from "./support/render-review";

let files: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  files = [...(await twoSubmittedFiles()), { name: "第三病院.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 5))) }];
});

beforeEach(() => localStorage.clear());

async function decided() {
  const r = await renderReview();
  await r.importFiles(files);
  await act(() => r.controller.setDecision("S001", { status: "承認" }));
  await act(() => r.controller.setDecision("S002", { status: "差戻し" }));
  await act(() => r.controller.setDecision("S003", { status: "承認" }));
  await r.settle();
  return r;
}

const groups = () => screen.getAllByTestId("refused-group");

describe("② 登録用CSV: what was not exported", () => {
  it("is grouped by reason and submission, errors in approved submissions first, the sent-back submission on one line", async () => {
    const { settle } = await decided();
    await openTab("② 登録用CSV", settle);
    fireEvent.click(screen.getByRole("button", { name: "登録用CSVを出力" }));
    await until(() => expect(screen.getByTestId("export-summary").textContent).toContain("出力 9行"), settle);
    expect(screen.getByTestId("export-summary").textContent).toContain("出力しなかった行 11行");
    expect(groups().map((g) => [g.getAttribute("data-kind"), g.firstChild!.textContent])).toEqual([
      ["errors", "S001 山手10医院.xlsx（承認）：エラーのある行 4行"],
      ["errors", "S003 第三病院.xlsx（承認）：エラーのある行 2行"],
      ["other", "S001 山手10医院.xlsx（承認）：ほかの理由で出力しなかった行 1行"],
      ["not-approved", "S002（差戻し）：4行"],
    ]);
    // The sent-back rows are not listed one by one, and the sentence about the decision is not repeated per row.
    expect(within(groups()[3]).queryAllByTestId("refused-row")).toEqual([]);
    expect(screen.queryAllByText(/申請の判定が「差戻し」のため出力しません/)).toEqual([]);
    const first = within(groups()[0]).getAllByTestId("refused-row")[0];
    expect(first.textContent).toBe("14行目（C14）C列：連絡先電話番号が入力されていません。");
  });

  it("selects a row's cell on its submission's sheet when the row is clicked", async () => {
    const { model, settle } = await decided();
    await openTab("② 登録用CSV", settle);
    fireEvent.click(screen.getByRole("button", { name: "登録用CSVを出力" }));
    await until(() => expect(screen.getAllByTestId("refused-group")).toHaveLength(4), settle);
    fireEvent.click(screen.getByRole("button", { name: "S001 15行目（D15）を選択" }));
    await settle();
    expect(model.activeSheet().name).toBe("S001_山手10医院");
    // The stand-in's selection is zero-based: D15 = row 14, column 3.
    expect(model.activeSheet().selection).toEqual({ row: 14, column: 3, rowCount: 1, columnCount: 1 });
    fireEvent.click(screen.getByRole("button", { name: "S003 5行目（B5）を選択" }));
    await settle();
    expect(model.activeSheet().name).toBe("S003_第三病院");
    expect(model.activeSheet().selection).toEqual({ row: 4, column: 1, rowCount: 1, columnCount: 1 });
  });
});

describe("③ 通知メール", () => {
  async function issued() {
    const r = await decided();
    await openTab("③ 通知メール", r.settle);
    await act(() => r.controller.loadIssued("issued-accounts.csv", new Uint8Array(readFileSync(SAMPLE_ISSUED))));
    await r.settle();
    return r;
  }
  const urlBox = () => screen.getByLabelText("システムのURL");

  it("counts as without an account only rows the CSV writes", async () => {
    const { controller } = await issued();
    // Approved rows without an account exist (still offered for pairing by hand), but none of them is exported.
    const unmatched = controller.store.get().match!.unmatchedRecords;
    expect(unmatched.map((r) => [r.where, r.exported])).toEqual([
      ["S001 山手10医院.xlsx 14行目 吉田　太郎", false],
      ["S001 山手10医院.xlsx 15行目 山田　美咲", false],
      ["S001 山手10医院.xlsx 17行目 佐々木　翔", false],
      ["S003 第三病院.xlsx 4行目 青木　誠", false],
      ["S003 第三病院.xlsx 5行目 石井　綾", false],
    ]);
    // S001's rows 13–17 and S003's rows are approved but never exported; S002 is sent back: none of them is counted.
    expect(screen.getByTestId("match-summary").textContent).toMatch(/・アカウントのない出力行 0件$/);
    expect(screen.queryByTestId("records-without-account")).toBeNull();
  });

  it("sends the password in its own mail by default and says why", async () => {
    const { controller } = await issued();
    const split = screen.getByRole("switch", { name: "初期パスワードを別のメールにする（おすすめ）" }) as HTMLInputElement;
    expect(split.checked).toBe(true);
    expect(screen.getByTestId("split-why").textContent).toContain("1通が誤って届いたり盗み見られたりしても、それだけではログインできない");
    expect(controller.store.get().mail.split).toBe(true);
  });

  it("checks the URL as it is entered: the message beside the box, nothing remembered until it is right", async () => {
    const { controller, settle } = await issued();
    fireEvent.change(urlBox(), { target: { value: "nesid.example.invalid/login" } });
    fireEvent.blur(urlBox());
    await settle();
    expect(screen.getByTestId("url-field").textContent).toContain("「nesid.example.invalid/login」はURLとして正しくありません（https:// から入力してください）。");
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBeNull();
    expect(screen.getByRole("button", { name: "記憶したURLを消去" }).getAttribute("aria-disabled")).toBe("true");
    fireEvent.change(urlBox(), { target: { value: "http://nesid.example.invalid/login" } });
    await settle();
    expect(screen.getByTestId("url-field").textContent).toContain("https:// で始めてください");
    // Fixed while typing: the message goes at once; leaving the box remembers it.
    fireEvent.change(urlBox(), { target: { value: "https://nesid.example.invalid/login" } });
    await settle();
    expect(screen.getByTestId("url-field").textContent).not.toContain("正しくありません");
    fireEvent.blur(urlBox());
    await settle();
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBe("https://nesid.example.invalid/login");
    const forget = screen.getByRole("button", { name: "記憶したURLを消去" });
    expect(forget.getAttribute("aria-disabled")).toBeNull();
    // A button, not a link-like subtle text.
    expect(forget.className).not.toMatch(/subtle/);
    fireEvent.click(forget);
    await settle();
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBeNull();
    expect(controller.store.get().mail.urlRemembered).toBe(false);
  });

  it("previews one account's mails before anything is saved, the password masked and never in the pane", async () => {
    const { downloads, settle } = await issued();
    fireEvent.change(urlBox(), { target: { value: "https://nesid.example.invalid/login" } });
    fireEvent.blur(urlBox());
    fireEvent.click(screen.getByRole("button", { name: "メールの下書きを作成" }));
    await settle();
    expect(downloads).toEqual([]);
    const preview = screen.getByTestId("draft-preview");
    const mails = within(preview).getAllByTestId("preview-mail");
    expect(mails.map((m) => m.getAttribute("data-part"))).toEqual(["id", "password"]);
    expect(within(mails[0]).getByTestId("preview-to").textContent).toBe("sato.0@example-hosp.jp");
    expect(within(mails[0]).getByTestId("preview-subject").textContent).toBe("【感染症サーベイランスシステム】利用者アカウント発行のお知らせ（1/2 利用者ID）");
    const idBody = within(mails[0]).getByTestId("preview-body").textContent!;
    expect(idBody).toContain("利用者ID：U230000");
    expect(idBody).toContain("https://nesid.example.invalid/login");
    expect(within(mails[1]).getByTestId("preview-body").textContent).toContain(`初期パスワード：${PASSWORD_MASK}`);
    // The sample's first password (Init#1234Ab) is nowhere on the page.
    expect(document.body.textContent).not.toContain("Init#1234Ab");
    // The .eml note names the real buttons and says whether some or all drafts are affected.
    const note = screen.queryByTestId("eml-note");
    if (note) expect(note.textContent).toMatch(/「下書きをまとめて保存（.zip）」で保存し/);
    const buttons = screen.queryAllByRole("button", { name: "メールを作成" });
    if (buttons.length === 0) expect(note!.textContent).toContain("どの下書きも");
  });
});
