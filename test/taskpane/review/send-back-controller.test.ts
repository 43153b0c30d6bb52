import "../support/jsdom-gaps";
// SendBackController on its own (差戻し): the letter to the institution and the marked-up copy of its file, on the
// fake Excel boundary with the real session, book and domain; two submissions imported by the real intake.
import ExcelJS from "exceljs";
import { japaneseDate, LETTER_CLOSING } from "../../../src/domain";
import { SendBackController } from "../../../src/taskpane/review/send-back-controller";
import { REVIEW_MESSAGES } from "../../../src/taskpane/review/review-messages";
import { REVIEW_TASKS } from "../../../src/taskpane/review/review-tasks";
import { decideInRecord, fixtures, importedDesk, reviewDesk, said, type Desk, type Fixtures } from "./controller-fixtures";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";

let f: Fixtures;
beforeAll(async () => {
  f = await fixtures();
});

const sendBackOf = (d: Desk) => new SendBackController(d.session, d.book);
/** The cells a letter names, from its lines 「　　C14：…」. */
const lettered = (letter: string) => letter.split("\r\n").flatMap((l) => /^　　([A-Z]+\d+)：/.exec(l)?.[1] ?? []);
/** The error cells of a submission as the pane lists them. */
const errorCells = (d: Desk, id: string) =>
  d.session.store
    .get()
    .submissions.find((v) => v.id === id)!
    .rows.flatMap((r) => r.findings.filter((x) => x.severity === "error").map((x) => `${x.place.column}${x.place.row}`));

describe("SendBackController.letter / copySendBack", () => {
  it("the letter is addressed to that institution, names its error cells and the remark, and nothing of the other submission", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S001", "差戻し", "15行目のメールアドレスを直してください。");
    const letter = sendBackOf(d).letter("S001");
    // Dated today (the session's clock), then addressed.
    expect(letter.startsWith(`${japaneseDate(d.session.now())}\r\n${d.session.store.get().submissions[0].institution} 御中\r\n`)).toBe(true);
    expect(letter).toContain("山手10医院.xlsx");
    expect(letter).toContain("【審査担当より】\r\n15行目のメールアドレスを直してください。");
    for (const cell of errorCells(d, "S001")) expect(lettered(letter)).toContain(cell);
    expect(letter).not.toContain("緑71診療所");
    expect(sendBackOf(d).letter("S999")).toBe("");
  });

  it("copySendBack puts that letter on the clipboard and says so; a refused clipboard is an error; an unknown id does nothing", async () => {
    const d = await importedDesk(f);
    const sendBack = sendBackOf(d);
    await sendBack.copySendBack("S002");
    expect(d.clipboard).toEqual([sendBack.letter("S002")]);
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.sendBack.copied("S002")]);

    await sendBack.copySendBack("S999");
    expect(d.clipboard).toHaveLength(1);
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.sendBack.copied("S002")]);

    const refused = await importedDesk(f, { copyWorks: false });
    await sendBackOf(refused).copySendBack("S001");
    expect(said(refused.session, "review")).toEqual(["error", REVIEW_MESSAGES.sendBack.copyFailed()]);
  });
});

describe("SendBackController sender", () => {
  afterEach(() => localStorage.clear());

  it("every letter ends with the closing and the reviewer's sender, remembered on this PC for the next session", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S001", "差戻し", "");
    expect(sendBackOf(d).letter("S001").endsWith(`\r\n\r\n${LETTER_CLOSING}\r\n`)).toBe(true);
    sendBackOf(d).setSender("滋賀県 感染症対策課\n担当：山田（077-000-0000）");
    expect(sendBackOf(d).letter("S001").endsWith(`${LETTER_CLOSING}\r\n\r\n滋賀県 感染症対策課\r\n担当：山田（077-000-0000）\r\n`)).toBe(true);
    // A new session on this PC starts with it.
    const next = await importedDesk(f);
    expect(sendBackOf(next).letter("S001")).toContain("担当：山田（077-000-0000）");
    expect(next.session.store.get().sendBackSender).toBe("滋賀県 感染症対策課\n担当：山田（077-000-0000）");
  });

  it("the marked-up workbook's letter carries the same date, closing and sender", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S001", "差戻し", "");
    sendBackOf(d).setSender("滋賀県 感染症対策課");
    await sendBackOf(d).downloadMarkedUp("S001");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(d.downloads[0].bytes) as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.worksheets[0].eachRow((row) => lines.push(row.getCell(1).text));
    expect(lines).toEqual(expect.arrayContaining([japaneseDate(d.session.now()), LETTER_CLOSING, "滋賀県 感染症対策課"]));
    expect(lines.indexOf(LETTER_CLOSING)).toBeLessThan(lines.indexOf("滋賀県 感染症対策課"));
  });
});

describe("SendBackController.downloadMarkedUp", () => {
  it("saves the submitted file with the problem cells noted and a first sheet 修正のお願い holding the letter", async () => {
    const d = await importedDesk(f);
    decideInRecord(d.book, "S001", "差戻し", "電話を確認してください。");
    await sendBackOf(d).downloadMarkedUp("S001");
    expect(d.downloads.map((x) => [x.fileName, x.mime])).toEqual([["差戻し_山手10医院.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(d.downloads[0].bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe("修正のお願い");
    const letterSheet: string[] = [];
    wb.worksheets[0].eachRow((row) => letterSheet.push(row.getCell(1).text));
    expect(letterSheet.join("\n")).toContain("電話を確認してください。");
    const noted: string[] = [];
    wb.getWorksheet("申請様式")!.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => void (cell.note ? noted.push(cell.address) : undefined)));
    for (const cell of errorCells(d, "S001")) expect(noted).toContain(cell);
    const letterCells = lettered(sendBackOf(d).letter("S001"));
    expect(new Set(noted)).toEqual(new Set(letterCells));
    expect(said(d.session, "review")).toEqual(["success", REVIEW_MESSAGES.sendBack.downloaded("差戻し_山手10医院.xlsx", letterCells.length)]);
  });

  it("where the host cannot save files, or the file is not in this session, it says what to do instead", async () => {
    const blocked = await importedDesk(f, { downloads: "blocked" });
    await sendBackOf(blocked).downloadMarkedUp("S001");
    expect(blocked.downloads).toEqual([]);
    expect(said(blocked.session, "review")).toEqual(["warning", REVIEW_MESSAGES.sendBack.cannotDownload()]);

    // Reopened in a later session: the submission is read back from its sheet, its file is not here.
    const earlier = await importedDesk(f);
    const later = reviewDesk(f, { from: earlier });
    await new IntakeController(later.session, later.book).start();
    await sendBackOf(later).downloadMarkedUp("S001");
    expect(later.downloads).toEqual([]);
    expect(said(later.session, "review")).toEqual(["warning", REVIEW_MESSAGES.sendBack.noOriginal("S001")]);
  });

  it("a failure while saving is the task's sentence and why, not a throw", async () => {
    const d = await importedDesk(f);
    d.session.deps.download = () => {
      throw new Error("保存先に書き込めません。");
    };
    await expect(sendBackOf(d).downloadMarkedUp("S002")).resolves.toBeUndefined();
    expect(said(d.session, "review")).toEqual(["error", REVIEW_TASKS.差戻し用の様式の作成.failed + "保存先に書き込めません。"]);
    expect(d.session.store.get().busy).toBeUndefined();
  });
});
