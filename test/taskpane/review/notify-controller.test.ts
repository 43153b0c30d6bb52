import "../support/jsdom-gaps";
// NotifyController on its own (作業④): the initial passwords' lifecycle — held in memory from the moment the issued
// CSV is read, dropped by 忘れる or by reading another CSV — with no Office call at all.
import { DEFAULT_PROFILE, encodeText } from "../../../src/domain";
import type { ReviewGateway } from "../../../src/excel/review-gateway-types";
import { NotifyController } from "../../../src/taskpane/review/notify-controller";
import { ReviewBook } from "../../../src/taskpane/review/review-book";
import { ReviewSession } from "../../../src/taskpane/review/review-session";

/** Notifying never touches the workbook: any Office call fails the test. */
const noOffice = new Proxy({} as ReviewGateway, {
  get: (_, key) => () => {
    throw new Error(`unexpected Office call ${String(key)}`);
  },
});

function notify() {
  const session = new ReviewSession({ review: noOffice, profile: DEFAULT_PROFILE });
  return { session, controller: new NotifyController(session, new ReviewBook(session)) };
}

const csv = (rows: string[]) => encodeText(["利用者ID,初期パスワード", ...rows].join("\r\n") + "\r\n", "cp932");
const texts = (session: ReviewSession) => session.store.get().messages.map((m) => [m.place, m.intent, m.text]);

describe("NotifyController: the initial passwords' lifecycle", () => {
  it("reading the issued CSV holds the passwords; 忘れる drops them with the CSV, the match and the drafts, and says so", () => {
    const { session, controller } = notify();
    controller.loadIssued("発行結果.csv", csv(["U1,pw-1", "U2,pw-2"]));
    expect(session.store.get()).toMatchObject({ holdsPasswords: true, issued: { fileName: "発行結果.csv", status: "ok", accounts: 2 } });
    expect(session.store.get().match?.unmatchedAccounts.map((a) => a.userId)).toEqual(["U1", "U2"]);

    controller.forgetPasswords();
    const state = session.store.get();
    expect(state).toMatchObject({ holdsPasswords: false, issued: undefined, match: undefined });
    expect(state.mail).toMatchObject({ drafts: [], problems: [] });
    expect(texts(session).at(-1)).toEqual(["notify", "info", "初期パスワードをこの画面のメモリから消去しました。発行結果CSVのファイルは、メール送信後に削除してください。"]);
    // Nothing is left to draft from.
    controller.draftMails();
    expect(texts(session).at(-1)).toEqual(["notify", "warning", "先に発行結果CSVを読み込んでください。"]);
  });

  it("reading another CSV replaces the accounts of the one before (its passwords are not kept beside the new ones)", () => {
    const { session, controller } = notify();
    controller.loadIssued("一回目.csv", csv(["U1,pw-1", "U2,pw-2"]));
    controller.loadIssued("二回目.csv", csv(["U3,pw-3"]));
    expect(session.store.get().issued).toMatchObject({ fileName: "二回目.csv", accounts: 1 });
    expect(session.store.get().match?.unmatchedAccounts.map((a) => a.userId)).toEqual(["U3"]);
  });

  it("an unreadable CSV holds no password and shows why", () => {
    const { session, controller } = notify();
    controller.loadIssued("空.csv", new Uint8Array());
    expect(session.store.get()).toMatchObject({ holdsPasswords: false, issued: { fileName: "空.csv", status: "unreadable" } });
    expect(session.store.get().issued?.problems.map((p) => p.severity)).toContain("error");
  });
});
