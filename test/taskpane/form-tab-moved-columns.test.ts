import "./support/jsdom-gaps";
/**
 * The form tab on a sheet whose columns the institution moved: the real pane controller and Excel layer on the stand-in
 * host (ExcelApi 1.17, the sample workbook with its masters). The columns are found by their headings, so the pane's
 * findings, highlights, edits, fixes and selection are those of the untouched form in the moved columns.
 */
import { type CellProblem, columnIndex, columnLetter, DEFAULT_PROFILE, messageOf } from "../../src/domain";
import { createExcelGateway } from "../../src/excel/gateway";
import { HIGHLIGHT_COLORS } from "../../src/excel/highlights";
import { PaneController } from "../../src/taskpane/state/controller";
import { eventSource, queueSource, settled, type WorkSource } from "../support/settle";
import type { SheetModel } from "../support/stand-in/model/sheet-model";
import type { WorkbookJson } from "../support/stand-in/model/workbook-json";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { xlsxToWorkbookJson } from "../support/stand-in/xlsx-to-model";
import { COLUMN_VARIANTS, FURIGANA, type ColumnVariant } from "./support/moved-columns";

const SHEET = "申請様式";
/** Columns from B one to the right (the status column A stays). */
const shift1 = (c: string) => (c === "A" ? c : columnLetter(columnIndex(c) + 1));
let sample: WorkbookJson;
beforeAll(async () => {
  sample = await xlsxToWorkbookJson();
});

/** The pane's watch: busy from the first change it sees until it has read and reported them. */
function watchSource(controller: PaneController): WorkSource {
  const { store } = controller;
  return {
    busy: () => store.get().watchBusy,
    idle: () =>
      new Promise<void>((resolve) => {
        if (!store.get().watchBusy) return resolve();
        const off = store.subscribe(() => {
          if (store.get().watchBusy) return;
          off();
          resolve();
        });
      }),
  };
}

async function openPane(variant?: ColumnVariant) {
  const model = new WorkbookModel(JSON.parse(JSON.stringify(sample)), { excelApi: "1.17" });
  const form = model.sheetByName(SHEET)!;
  variant?.apply(form);
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const syncs: { op: string; syncs: number }[] = [];
  const controller = new PaneController(createExcelGateway({ onSyncs: (op, n) => syncs.push({ op, syncs: n }) }), DEFAULT_PROFILE);
  const settle = () => settled([eventSource(model), watchSource(controller), queueSource(controller.queue)]);
  await controller.start();
  await settle();
  return { model, form, controller, settle, syncs };
}

type Pane = Awaited<ReturnType<typeof openPane>>;

const findings = (p: Pane) => p.controller.store.get().check!.result.findings;
const line = (f: CellProblem, column = f.place.column) => `${f.place.row} ${column} ${f.code} ${f.severity} ${f.fix ?? "-"}`;
const notices = (p: Pane) => p.controller.store.get().check!.notices;

/** Cells of the data area (rows 4..40, columns A..AP) filled with a colour, as "C14". */
function filled(form: SheetModel, color: string): string[] {
  const out: string[] = [];
  for (let r = 3; r < 40; r++) for (let c = 0; c < 42; c++) if (form.fill(r, c) === color) out.push(`${columnLetter(c)}${r + 1}`);
  return out.sort();
}
const translateCell = (variant: ColumnVariant) => (cell: string) => {
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return `${variant.translate(column) ?? "gone"}${row}`;
};

/** Opened first: what it shows is compared with later panes, which take the host over (installStandIn is global). */
let untouched: Pane;
beforeAll(async () => {
  untouched = await openPane();
});

const UNTOUCHED_FINDINGS = [
  "13 AJ institution.blank-ask warning -",
  "14 C required.missing error -",
  "15 D email.fullwidth error tanaka@example-hosp.jp",
  "16 A row.gap error -",
  "17 K healthCenter.unknown-ask error 25654",
];

test("the untouched form: its findings, no columns notice, the form read in two syncs", () => {
  expect(findings(untouched).map((f) => line(f))).toEqual(UNTOUCHED_FINDINGS);
  expect(notices(untouched).filter((n) => n.code.startsWith("columns."))).toEqual([]);
  expect(untouched.syncs.filter((s) => s.op === "readForm")).toEqual([{ op: "readForm", syncs: 2 }]);
  expect(untouched.controller.store.get().check!.profile).toBeUndefined();
});

describe.each(COLUMN_VARIANTS)("$name", (variant) => {
  let moved: Pane;
  beforeAll(async () => {
    moved = await openPane(variant);
  });

  test("the pane's findings are the untouched form's in the moved columns", () => {
    expect(findings(moved).map((f) => line(f))).toEqual(findings(untouched).map((f) => line(f, variant.translate(f.place.column))));
  });

  test("the sheet's columns are said once: which items were found where (info), no warning about shifted errors", () => {
    const tab = notices(moved).filter((n) => n.code === "columns.form-tab");
    expect(tab).toHaveLength(1);
    expect(tab[0].severity).toBe("info");
    expect(messageOf(tab[0])).toContain("見出しで項目の列を見つけてチェックしています");
    expect(notices(moved).filter((n) => n.code.startsWith("columns.") && n.severity !== "info")).toEqual([]);
  });

  test("the highlights land on the moved cells; a column the institution added is not coloured", () => {
    for (const color of Object.values(HIGHLIGHT_COLORS)) {
      expect(filled(moved.form, color)).toEqual(filled(untouched.form, color).map(translateCell(variant)).sort());
    }
    expect(filled(untouched.form, HIGHLIGHT_COLORS.problem)).toEqual(["C14", "D15", "K17"]);
  });
});

describe("フリガナ inserted after 利用者名: edits, fixes and selection in the moved columns", () => {
  test("said: the extra column is neither checked nor exported", async () => {
    const p = await openPane(FURIGANA);
    expect(notices(p).filter((n) => n.code === "columns.extra").map(messageOf)).toEqual([
      "C列「フリガナ」は様式にない列です。チェックせず、登録用CSVにも出力しません。",
    ]);
    expect(messageOf(notices(p)[0])).toBe(
      "このシートは列の位置が様式と違うため、見出しで項目の列を見つけてチェックしています（連絡先電話番号→D列、連絡先メールアドレス→E列、所属機関分類コード→F列、中核市コード→J列 ほか6項目）。指摘のセルはこのシートの列で示します。",
    );
  });

  test("an edit in a moved column re-checks the item that is there; an edit in the extra column finds nothing", async () => {
    const p = await openPane(FURIGANA);
    p.model.writeValues(p.form.id, { row: 3, column: 3, rowCount: 1, columnCount: 1 }, [["電話なし"]], "user");
    p.model.writeValues(p.form.id, { row: 4, column: 2, rowCount: 1, columnCount: 1 }, [["＠＠＠"]], "user");
    await p.settle();
    const seen = findings(p).map((f) => line(f));
    expect(p.form.fill(3, 3)).toBe(HIGHLIGHT_COLORS.problem); // D4 yellow
    expect(p.form.fill(4, 2)).toBeNull(); // C5 (フリガナ) not coloured
    // The same edit of the phone in the untouched form (each pane has the host to itself while it runs).
    const q = await openPane();
    q.model.writeValues(q.form.id, { row: 3, column: 2, rowCount: 1, columnCount: 1 }, [["電話なし"]], "user");
    await q.settle();
    expect(findings(q).filter((f) => f.place.row === 4).map((f) => f.place.column)).toEqual(["C"]);
    expect(seen).toEqual(findings(q).map((f) => line(f, FURIGANA.translate(f.place.column))));
  });

  test("a fix writes into the moved column; selecting a finding selects its moved cell", async () => {
    const p = await openPane(FURIGANA);
    const mail = findings(p).find((f) => f.code === "email.fullwidth")!;
    expect(`${mail.place.column}${mail.place.row}`).toBe("E15");
    await p.controller.select(mail);
    await p.settle();
    expect(p.form.selection).toEqual({ row: 14, column: 4, rowCount: 1, columnCount: 1 });
    const phoneBefore = p.form.value(14, 3);
    await p.controller.applyFix(mail);
    await p.settle();
    expect(p.form.value(14, 4)).toBe("tanaka@example-hosp.jp");
    expect(p.form.value(14, 3)).toBe(phoneBefore);
    expect(findings(p).filter((f) => f.place.row === 15)).toEqual([]);
  });
});

test("columns inserted while the pane is open: the sheet is read again and its columns found anew", async () => {
  const p = await openPane();
  p.model.insertColumns(p.form.id, 2, 1, "user");
  p.model.writeValues(p.form.id, { row: 2, column: 2, rowCount: 1, columnCount: 1 }, [["フリガナ"]], "user");
  await p.settle();
  expect(findings(p).map((f) => line(f))).toEqual(UNTOUCHED_FINDINGS.map((l) => l.replace(/^(\d+) ([A-Z]+)/, (_, r: string, c: string) => `${r} ${FURIGANA.translate(c)}`)));
  expect(notices(p).map((n) => n.code)).toEqual(expect.arrayContaining(["columns.form-tab", "columns.extra"]));
  // An edit after the re-map is read by the new columns.
  p.model.writeValues(p.form.id, { row: 13, column: 3, rowCount: 1, columnCount: 1 }, [["03-1111-2222"]], "user");
  await p.settle();
  expect(findings(p).filter((f) => f.place.row === 14)).toEqual([]);
});

test("a required item with no column: one error naming it, not one per row", async () => {
  const p = await openPane({ name: "E deleted", apply: (s) => s.deleteColumns(4, 1), translate: (c) => c });
  const missing = notices(p).filter((n) => n.code === "columns.missing");
  expect(missing.map(messageOf)).toEqual([expect.stringContaining("必須の項目「所属機関分類コード」（項目4）の列が見つかりません")]);
  expect(missing[0].severity).toBe("error");
  expect(findings(p).filter((f) => f.code === "required.missing" && f.place.column.length > 2)).toEqual([]);
  expect(findings(p).filter((f) => f.code === "required.missing")).toHaveLength(1); // C14, as in the untouched form
});

test("two columns named like one item: said once; the profile's column is used, in a second read of the wider header", async () => {
  const p = await openPane({
    name: "電話番号 again in AO",
    apply: (s) => {
      s.setValue(2, 40, "電話番号");
      s.setValue(3, 40, "090-0000-0000");
    },
    translate: (c) => c,
  });
  const ambiguous = notices(p).filter((n) => n.code === "columns.ambiguous");
  expect(ambiguous).toHaveLength(1);
  expect(ambiguous[0].params).toMatchObject({ label: "連絡先電話番号", chosen: "C" });
  expect(findings(p).map((f) => line(f))).toEqual(UNTOUCHED_FINDINGS);
  expect(p.syncs.filter((s) => s.op === "readForm")).toEqual([{ op: "readForm", syncs: 3 }]);
});

test("利用者名 renamed 氏名 and a column inserted before it: the sheet is still found as the form and checked alike", async () => {
  const p = await openPane({
    name: "氏名, A column inserted",
    apply: (s) => {
      s.insertColumns(1, 1);
      s.setValue(2, 1, "受付番号");
      s.setValue(2, 2, "氏名");
    },
    translate: shift1,
  });
  expect(p.controller.store.get().phase).toBe("ready");
  expect(p.controller.store.get().check!.sheet).toBe(SHEET);
  expect(findings(p).map((f) => line(f))).toEqual(UNTOUCHED_FINDINGS.map((l) => l.replace(/^(\d+) ([A-Z]+)/, (_, r: string, c: string) => `${r} ${shift1(c)}`)));
});
