/**
 * The stand-in Excel host is test equipment: these tests hold it to Office.js's rules, so that code passing
 * against it does not rely on anything real Excel would refuse.
 */
import { parseInput } from "../support/stand-in/model/values";
import type { WorkbookJson } from "../support/stand-in/model/workbook-json";
import { WorkbookModel } from "../support/stand-in/model/workbook-model";
import { installStandIn } from "../support/stand-in/office/install";
import { eventSource, settled } from "../support/settle";


function workbook(): WorkbookJson {
  return {
    sheets: [
      { name: "申請様式", values: [["No.", "利用者名"], [1, "佐藤　太郎"], [2, { error: "#N/A" }]], numberFormats: [[], [null, "@"], [null, "@"]], fills: [[], [null, null, "#D9D9D9"]] },
      { name: "保健所マスタ", values: [["保健所コード"], ["01000"]] },
    ],
  };
}

function standIn(excelApi = "1.17", platform: "OfficeOnline" | "PC" = "OfficeOnline") {
  const model = new WorkbookModel(workbook(), { excelApi, platform, payloadLimit: platform === "PC" ? null : 5 * 1024 * 1024 });
  const g: Record<string, unknown> = {};
  installStandIn(g, model);
  return { model, Excel: g.Excel as typeof Excel, Office: g.Office as typeof Office };
}

const code = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    if (typeof p === "function") p();
    else await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};

describe("loading", () => {
  test("a property is readable only after load + sync; one not loaded stays unreadable", async () => {
    const { Excel } = standIn();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("申請様式").getRange("A1:B3");
      range.load("values, valueTypes");
      expect(await code(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([["No.", "利用者名"], [1, "佐藤　太郎"], [2, "#N/A"]]);
      expect(range.valueTypes).toEqual([["String", "String"], ["Double", "String"], ["Double", "Error"]]);
      expect(await code(() => range.numberFormat)).toBe("PropertyNotLoaded");
      expect(await code(() => range.address)).toBe("PropertyNotLoaded");
    });
  });

  test("navigation loads (format/fill/color), collections (items/name), null objects", async () => {
    const { Excel } = standIn();
    await Excel.run(async (context) => {
      const c = context.workbook.worksheets.getItem("申請様式").getRange("C2");
      c.load("format/fill/color, address");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const missing = context.workbook.worksheets.getItemOrNullObject("ない");
      expect(await code(() => missing.isNullObject)).toBe("PropertyNotLoaded");
      expect(await code(() => sheets.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(c.format.fill.color).toBe("#D9D9D9");
      expect(c.address).toBe("申請様式!C2");
      expect(sheets.items.map((s) => s.name)).toEqual(["申請様式", "保健所マスタ"]);
      expect(await code(() => sheets.items[0].id)).toBe("PropertyNotLoaded");
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("a sheet that does not exist fails the sync with ItemNotFound", async () => {
    const { Excel } = standIn();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("ない").getRange("A1");
      r.load("values");
      expect(await code(context.sync())).toBe("ItemNotFound");
    });
  });

  test("objects of a finished Excel.run cannot be used; its context can (to remove handlers)", async () => {
    const { Excel } = standIn();
    const kept = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("申請様式");
      const handler = ws.onChanged.add(async () => undefined);
      await context.sync();
      return { ws, handler };
    });
    expect(await code(() => kept.ws.load("name"))).toBe("InvalidObjectPath");
    await Excel.run(kept.handler.context, async (context) => {
      kept.handler.remove();
      await context.sync();
    });
    expect(await code(Excel.run((() => 1) as never))).toBe("RunMustReturnPromise");
  });
});

describe("writing", () => {
  test("values of the wrong size are InvalidArgument at sync; one value fills the range; null leaves a cell", async () => {
    const { Excel, model } = standIn();
    const sheet = model.sheetByName("申請様式")!;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("申請様式");
      ws.getRange("A1:B2").values = [["x"]];
      expect(await code(context.sync())).toBe("InvalidArgument");
      ws.getRange("D1:E1").values = "同じ" as never;
      ws.getRange("A2:B2").values = [[null, "鈴木"]];
      await context.sync();
    });
    expect(sheet.value(0, 3)).toBe("同じ");
    expect(sheet.value(0, 4)).toBe("同じ");
    expect(sheet.value(1, 0)).toBe(1);
    expect(sheet.value(1, 1)).toBe("鈴木");
  });

  test("what Excel stores: 09 loses its zero in General, stays text in a text-formatted cell", async () => {
    expect(parseInput("09", "General")).toBe(9);
    expect(parseInput("09", "@")).toBe("09");
    expect(parseInput("'09", "General")).toBe("09");
    expect(parseInput("#N/A", "General")).toEqual({ error: "#N/A" });
    const { Excel, model } = standIn();
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("申請様式").getRange("E5");
      cell.numberFormat = [["@"]];
      cell.values = [["0312345678"]];
      context.workbook.worksheets.getItem("申請様式").getRange("F5").values = [["0312345678"]];
      await context.sync();
    });
    expect(model.sheetByName("申請様式")!.cell(4, 4)).toMatchObject({ value: "0312345678", numberFormat: "@" });
    expect(model.sheetByName("申請様式")!.value(4, 5)).toBe(312345678);
  });

  test("a request or response over 5 MB fails on Excel on the web, not on Windows", async () => {
    for (const platform of ["OfficeOnline", "PC"] as const) {
      const { Excel, model } = standIn("1.17", platform);
      const sheet = model.sheetByName("申請様式")!;
      for (let r = 0; r < 60000; r++) for (let c = 0; c < 4; c++) sheet.setValue(r, c, `サンプルの長い文字列 ${r}-${c}`);
      const result = await code(
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem("申請様式").getRange("A1:D60000");
          range.load("values");
          await context.sync();
        }),
      );
      expect(result).toBe(platform === "OfficeOnline" ? "ResponsePayloadSizeLimitExceeded" : "no error");
    }
  });
});

describe("requirement sets", () => {
  test("members of a later ExcelApi throw ApiNotFound, as Office.js does on an older host", async () => {
    const { Excel, Office } = standIn("1.6");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.6")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(false);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("申請様式");
      expect(await code(() => ws.onChanged)).toBe("ApiNotFound");
      expect(await code(() => ws.getRanges("A1,B2"))).toBe("ApiNotFound");
      expect(await code(() => ws.getRangeByIndexes(0, 0, 1, 1))).toBe("ApiNotFound");
      await context.sync();
    });
  });
});

describe("events", () => {
  test("fire after the write, asynchronously, with triggerSource telling the add-in's own writes apart", async () => {
    const { Excel, model } = standIn("1.17");
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("申請様式").onChanged.add(async (e) => {
        seen.push(e);
      });
      await context.sync();
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("申請様式").getRange("C3").values = [["x"]];
      await context.sync();
      expect(seen).toEqual([]); // not inside the sync
    });
    model.writeValues(model.sheetByName("申請様式")!.id, { row: 5, column: 1, rowCount: 2, columnCount: 2 }, [["a", "b"], ["c", "d"]], "user");
    model.writeValues(model.sheetByName("保健所マスタ")!.id, { row: 1, column: 0, rowCount: 1, columnCount: 1 }, [["x"]], "user");
    await settled([eventSource(model)]);
    expect(seen.map((e) => [e.address, e.triggerSource, e.changeType])).toEqual([
      ["C3", "ThisLocalAddin", "RangeEdited"],
      ["B6:C7", "Unknown", "RangeEdited"],
    ]);
    expect(seen[0].details).toMatchObject({ valueBefore: "", valueAfter: "x", valueTypeAfter: "String" });
    expect(seen[1].details).toBeUndefined();
  });

  test("before 1.14 there is no triggerSource; row inserts and renames have their own events", async () => {
    const { Excel, model } = standIn("1.13");
    const seen: Record<string, unknown>[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("申請様式").onChanged.add(async (e) => {
        seen.push({ ...e });
      });
      await context.sync();
    });
    const id = model.sheetByName("申請様式")!.id;
    model.insertRows(id, 1, 1, "user");
    await settled([eventSource(model)]);
    expect(seen).toEqual([{ type: "WorksheetChanged", worksheetId: id, address: "2:2", changeType: "RowInserted", source: "Local" }]);
    // The inserted row takes the formats of the row above (as Excel's default).
    expect(model.sheetByName("申請様式")!.numberFormat(1, 1)).toBe("General");
    expect(model.sheetByName("申請様式")!.value(2, 1)).toBe("佐藤　太郎");
  });

  test("a closed pane's handlers stop receiving events", async () => {
    const model = new WorkbookModel(workbook());
    const g: Record<string, unknown> = {};
    const { owner } = installStandIn(g, model);
    let count = 0;
    await (g.Excel as typeof Excel).run(async (context) => {
      context.workbook.worksheets.getItem("申請様式").onSelectionChanged.add(async () => {
        count++;
      });
      await context.sync();
    });
    model.select(model.sheetByName("申請様式")!.id, { row: 0, column: 0, rowCount: 1, columnCount: 1 }, "user");
    await settled([eventSource(model)]);
    model.unsubscribeOwner(owner);
    model.select(model.sheetByName("申請様式")!.id, { row: 1, column: 0, rowCount: 1, columnCount: 1 }, "user");
    await settled([eventSource(model)]);
    expect(count).toBe(1);
  });
});

test("document settings are kept in the workbook by saveAsync", async () => {
  const { Office, model } = standIn();
  Office.context.document.settings.set("profile", { id: "x" });
  expect(model.settings.profile).toBeUndefined();
  await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
  expect(model.settings.profile).toEqual({ id: "x" });
  expect(Office.context.displayLanguage).toBe("ja-JP");
});
