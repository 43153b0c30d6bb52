import "../support/jsdom-gaps";
// 列の対応 : a submission whose columns were moved is imported with its own columns; the reviewer corrects
// an item's column (checked again at once, the decision not silently kept) and confirms; the record keeps both, and
// the reopened review restores them — with the real session, book, intake, Excel layer and domain on the stand-in host.
import { messageOf, parseReviewRecord } from "../../../src/domain";
import { DeskController } from "../../../src/taskpane/review/desk-controller";
import { IntakeController } from "../../../src/taskpane/review/intake-controller";
import { insertFurigana, xlsxBytes } from "../../domain/review/submitted-files";
import { fixtures, formOnly, picked, reviewDesk, selectedAddress, sheetValues, storedRecordText, type Desk, type Fixtures } from "./controller-fixtures";

let f: Fixtures;
let moved: Uint8Array;
beforeAll(async () => {
  f = await fixtures();
  moved = new Uint8Array(await xlsxBytes(formOnly, insertFurigana));
});

async function movedDesk(from?: Desk): Promise<Desk> {
  const d = reviewDesk(f, from ? { from } : {});
  const intake = new IntakeController(d.session, d.book);
  await intake.start();
  if (!from) await intake.importFiles(picked(["フリガナ付き.xlsx", moved]));
  return d;
}
const stored = (d: Desk) => {
  const parsed = parseReviewRecord(storedRecordText(d));
  if (!parsed.ok) throw new Error(messageOf(parsed.problem));
  return parsed.record.submissions[0];
};
const view = (d: Desk) => d.session.store.get().submissions[0];
const findingCells = (d: Desk) => view(d).rows.flatMap((r) => r.findings.map((x) => `${x.place.column}${x.place.row} ${x.code}`)).sort();

describe("a submission with a column inserted (フリガナ after 利用者名)", () => {
  it("is listed with its column mapping to confirm, checked in its own columns, and the findings select the real cells", async () => {
    const d = await movedDesk();
    const v = view(d);
    expect(v.columns?.confirmed).toBe(false);
    expect(v.columns?.summary).toBe("列の位置が様式と違います（フリガナ列の挿入など）。確認してください。");
    expect(v.columns?.extras).toEqual([{ column: "C", heading: "フリガナ" }]);
    expect(v.columns?.items.find((i) => i.key === "phone")).toEqual(expect.objectContaining({ column: "D", how: "見出しで" }));
    // The sample's row 14 has no 連絡先電話番号: here it is in D.
    expect(findingCells(d)).toContain("D14 required.missing");
    expect(stored(d).columns).toEqual({ width: expect.any(Number), choices: {}, confirmed: false });
    await new DeskController(d.session, d.book).goToCell("S001", "D14");
    expect(selectedAddress(d)).toBe("D14");
    // Provenance is written past the sheet's own columns, never over them.
    const width = stored(d).columns!.width;
    const sheet = sheetValues(d, view(d).sheetName, width + 3)!;
    expect(sheet[3][width + 1]).toBe("フリガナ付き.xlsx");
  });

  it("corrects an item's column: checks again at once, puts back an approval whose rows changed, saves; confirming is kept and restored on reopening", async () => {
    const d = await movedDesk();
    const desk = new DeskController(d.session, d.book);
    await desk.setDecision("S001", { status: "承認" });
    const before = findingCells(d);

    await desk.setColumn("S001", "phone", "E");
    expect(findingCells(d)).not.toEqual(before);
    expect(view(d).columns?.items.find((i) => i.key === "phone")).toEqual(expect.objectContaining({ column: "E", how: "審査者が指定" }));
    expect(view(d).decision.status).toBe("受付");
    expect(view(d).columns?.message).toEqual({ intent: "warning", text: expect.stringContaining("判定「承認」を「未判定」に戻しました") });
    expect(stored(d).columns?.choices).toEqual({ phone: "E" });
    expect(stored(d).decision.status).toBe("受付");

    // Back to the column the headings gave: no correction is left, the findings are those of the import.
    await desk.setColumn("S001", "phone", "D");
    expect(stored(d).columns?.choices).toEqual({});
    expect(findingCells(d)).toEqual(before);

    await desk.setColumn("S001", "tfaMethod", null);
    await desk.confirmColumns("S001");
    expect(view(d).columns?.confirmed).toBe(true);
    expect(view(d).columns?.summary).toBe("列の対応は確定済みです。");
    expect(view(d).columns?.message).toEqual({ intent: "success", text: "S001の列の対応を確定しました。" });
    expect(stored(d).columns).toEqual(expect.objectContaining({ choices: { tfaMethod: null }, confirmed: true }));
    const checked = findingCells(d);

    const reopened = await movedDesk(d);
    expect(view(reopened).columns?.confirmed).toBe(true);
    expect(view(reopened).columns?.items.find((i) => i.key === "tfaMethod")?.column).toBeUndefined();
    expect(findingCells(reopened)).toEqual(checked);
  });

  it("keeps the decision when the correction does not change what the rows say", async () => {
    const d = await movedDesk();
    const desk = new DeskController(d.session, d.book);
    await desk.setDecision("S001", { status: "差戻し" });
    // Naming the column the headings already found changes nothing.
    await desk.setColumn("S001", "email", "E");
    expect(view(d).decision.status).toBe("差戻し");
    expect(view(d).columns?.message?.intent).toBe("info");
  });
});
